"""The page cache: whole responses for anonymous readers, keyed by site and path.

An entry belongs to (site, path, query): two sites with the same paths never
share a page. The path is the one Django decodes into ``request.path``
(``/zürcher-…/``); purge URLs arrive percent-encoded (``/z%C3%BCrcher-…/``)
and are decoded the same way. Each site's path has a version; purging bumps
it, which retires every stored variant at once (``?page=2`` as well as the
bare path). One more version, ``pages``, retires every page of every site
(an article taken down may be teased anywhere). Both live in the shared
cache (kiosk.cacheversions) and are read before the page renders.
"""

from __future__ import annotations

import hashlib
import time
from urllib.parse import unquote_to_bytes, urlsplit

from django.core.cache import cache
from django.utils.encoding import repercent_broken_unicode

from kiosk import cacheversions
from kiosk.newsroom.sites import site_addresses, site_id_for_url

KEY_PREFIX = "pagecache"
EVERY_PAGE = "pages"
# Headers a stored response must not replay to the next reader.
PRIVATE_HEADERS = {"set-cookie", "vary"}

Versions = tuple[int | None, int]


def _page_id(site_id: int | None, path: str) -> str:
    """What every key of one page starts from: its site and its decoded path.

    Hashed, because the path is the reader's input: any length, any character.
    """
    return hashlib.sha256(f"{site_id or 0}\n{path}".encode(errors="surrogatepass")).hexdigest()


def _path_version_name(site_id: int | None, path: str) -> str:
    return f"{KEY_PREFIX}:{_page_id(site_id, path)}"


def _page_key(site_id: int | None, path: str, query: str, versions: tuple[int, int]) -> str:
    """The one function that names a stored page."""
    path_version, every_page = versions
    return f"{KEY_PREFIX}:p:{every_page}:{path_version}:{_page_id(site_id, path)}?{query}"


def decoded_path(url: str) -> str:
    """The URL's path as Django decodes it into ``request.path``."""
    raw = urlsplit(url).path or "/"
    return repercent_broken_unicode(unquote_to_bytes(raw)).decode()


def versions(site_id: int | None, path: str) -> Versions:
    """The versions a page's key is built from, read before it renders.

    A path that was never stored has none yet (None), and gets one only when
    it is stored: paths readers make up must not fill the cache with versions.
    """
    path_version, every_page = cacheversions.peek(_path_version_name(site_id, path), EVERY_PAGE)
    if every_page is None:
        (every_page,) = cacheversions.current(EVERY_PAGE)
    return path_version, every_page


def lookup(site_id: int | None, path: str, query: str, versions_read: Versions | None = None) -> dict | None:
    path_version, every_page = versions_read or versions(site_id, path)
    if path_version is None:
        return None
    return cache.get(_page_key(site_id, path, query, (path_version, every_page)))


def store(
    site_id: int | None, path: str, query: str, response, timeout: int, versions_read: Versions | None = None
) -> None:
    """Keep the response under the versions read before it rendered.

    If they changed meanwhile (a purge), the entry is never read; if the path
    had no version and another process started one first, nothing is kept.
    """
    path_version, every_page = versions_read or versions(site_id, path)
    if path_version is None:
        path_version = cacheversions.start(_path_version_name(site_id, path))
        if path_version is None:
            return
    entry = {
        "status": response.status_code,
        "content": response.content,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in PRIVATE_HEADERS],
        "stored_at": time.time(),
    }
    cache.set(_page_key(site_id, path, query, (path_version, every_page)), entry, timeout)


def purge(site_id: int | None, path: str) -> None:
    """Retire every stored variant of the site's path, in every process."""
    cacheversions.bump(_path_version_name(site_id, path))


def purge_every_page() -> None:
    """Retire every stored page of every site (what an article taken down leaves in teasers)."""
    cacheversions.bump(EVERY_PAGE)


def purge_url(url: str) -> None:
    """Retire every stored variant of the URL's path on the site the URL belongs to.

    A URL that matches no site's address is retired on every site: a page
    left stale would be worse than one rendered again.
    """
    path = decoded_path(url)
    site_id = site_id_for_url(url)
    if site_id is not None:
        purge(site_id, path)
        return
    for address in site_addresses():
        purge(address.site_id, path)
    purge(None, path)
