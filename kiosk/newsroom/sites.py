"""The Wagtail site answering a request, and the public address of each site, without a query per request.

A Site record says which Host header Wagtail matches (``localhost:80`` in a
fresh database), not where readers find the newsroom: mails, feeds, sitemaps,
canonical URLs and purges take the default site's address from
``KIOSK_BASE_URL``, never from a request's Host header.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from kiosk import cacheversions

# Stored with the site version it was read under (cacheversions.entry): one read per request.
CACHE_KEY = "newsroom:site:{host}:{port}"
# host:port → site id, one small dict: all a page-cache hit needs to know of the site.
# Under the version, so a copy written back by a process that read it before a
# change is never read again.
SITE_IDS_KEY = "newsroom:site-ids:{version}"
# ALLOWED_HOSTS may be a wildcard: the map must not grow with whatever hosts clients send.
MAX_REMEMBERED_HOSTS = 100
ADDRESSES_KEY = "newsroom:site-addresses:{version}"
CACHE_SECONDS = 300
SITE_VERSION = "site"  # pagecache.fragments.SITE: the pages' fragments change with it
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class SiteAddress:
    """A site as its record matches requests (hostname, port) and whether KIOSK_BASE_URL is its address."""

    site_id: int
    hostname: str
    port: int
    record_root_url: str
    is_default: bool

    @property
    def root_url(self) -> str:
        """Where readers reach the site, without a trailing slash."""
        return base_url() if self.is_default else self.record_root_url


def base_url() -> str:
    """The newsroom's public address, KIOSK_BASE_URL, without a trailing slash."""
    return settings.KIOSK_BASE_URL.rstrip("/")


def site_for_request(request) -> Site | None:
    """The request's site from the cache; refuses a Host outside ALLOWED_HOSTS (DisallowedHost: 400).

    Remembered on the request as Wagtail's ``Site.find_for_request`` does, so
    the page cache and the site middleware look it up once between them.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # get_host() validates: an unknown host must not even reach the cache as a key.
    host = split_domain_port(request.get_host())[0]
    port = request.get_port()
    key = CACHE_KEY.format(host=host, port=port)
    versions, site = cacheversions.entry(key, SITE_VERSION)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            # The specific root page comes along, so routing starts without a query.
            site.root_page = site.root_page.specific
        cacheversions.store_entry(key, versions, site or False, CACHE_SECONDS)
    request._wagtail_site = site or None
    return request._wagtail_site


def site_id_for_request(request) -> int | None:
    """The id of the request's site, refusing an unknown Host as site_for_request does.

    The page cache keys by it on every hit; a whole Site with its root page
    is much more to read from the cache than one number.
    """
    location = f"{split_domain_port(request.get_host())[0]}:{request.get_port()}"
    key = SITE_IDS_KEY.format(version=site_version())
    ids = cache.get(key) or {}
    if location in ids:
        return ids[location]
    site = site_for_request(request)
    site_id = site.pk if site else None
    if len(ids) < MAX_REMEMBERED_HOSTS:
        cache.set(key, {**ids, location: site_id}, CACHE_SECONDS)
    return site_id


def site_addresses(*, request=None) -> tuple[SiteAddress, ...]:
    """Every site's address, from the cache (and remembered on the request when there is one)."""
    addresses = getattr(request, "_kiosk_site_addresses", None)
    if addresses is not None:
        return addresses
    key = ADDRESSES_KEY.format(version=site_version())
    addresses = cache.get(key)
    if addresses is None:
        sites = list(Site.objects.order_by("pk"))
        addresses = tuple(
            SiteAddress(
                site_id=site.pk,
                hostname=site.hostname,
                port=site.port,
                record_root_url=site.root_url,
                # A lone site is the newsroom's, whether or not it is flagged default.
                is_default=site.is_default_site or len(sites) == 1,
            )
            for site in sites
        )
        cache.set(key, addresses, CACHE_SECONDS)
    if request is not None:
        request._kiosk_site_addresses = addresses
    return addresses


def public_root_url(site: Site | int | None, *, request=None) -> str:
    """The site's public root URL without a trailing slash.

    KIOSK_BASE_URL for the default site (and when there is only one), the
    site's own root URL for further sites; KIOSK_BASE_URL when the site is unknown.
    """
    site_id = getattr(site, "pk", site)
    for address in site_addresses(request=request):
        if address.site_id == site_id:
            return address.root_url
    return base_url()


def absolute_url(path: str, *, site: Site | int | None = None, request=None) -> str:
    """The path on the public root of ``site`` (by default the request's site, else the default site).

    A URL that is absolute already (media on a CDN) stays as it is.
    """
    if urlsplit(path).scheme:
        return path
    if site is None and request is not None:
        site = site_for_request(request)
    return f"{public_root_url(site, request=request)}/{path.lstrip('/')}"


def site_id_for_url(url: str) -> int | None:
    """The site a URL belongs to, by its public root or its record's host and port; None for no site."""
    location = _host_and_port(url)
    if location is None:
        return None
    addresses = site_addresses()
    for address in addresses:
        if _host_and_port(address.root_url) == location:
            return address.site_id
    for address in addresses:
        if (address.hostname.lower(), address.port) == location:
            return address.site_id
    return None


def _host_and_port(url: str) -> tuple[str, int] | None:
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return parts.hostname, port


def site_version() -> int:
    """The version in every key of what the Site records and the newsroom settings say."""
    return cacheversions.current(SITE_VERSION)[0]


def forget_sites() -> None:
    """After a site, its front page or its settings changed."""
    cacheversions.bump(SITE_VERSION)
