"""The page cache: whole responses for anonymous readers, keyed by site and path.

An entry belongs to (site, path, query): two sites with the same paths never
share a page. The path is the one Django decodes into ``request.path``
(``/zürcher-…/``); purge URLs arrive percent-encoded (``/z%C3%BCrcher-…/``)
and are decoded the same way. Each site's path has a version number; purging
bumps it, which retires every stored variant at once (``?page=2`` as well as
the bare path).
"""

from __future__ import annotations

import hashlib
import time
from urllib.parse import unquote_to_bytes, urlsplit

from django.core.cache import cache
from django.utils.encoding import repercent_broken_unicode

from kiosk.newsroom.sites import site_addresses, site_id_for_url

KEY_PREFIX = "pagecache"
# Headers a stored response must not replay to the next reader.
PRIVATE_HEADERS = {"set-cookie", "vary"}


def _page_id(site_id: int | None, path: str) -> str:
    """What every key of one page starts from: its site and its decoded path.

    Hashed, because the path is the reader's input: any length, any character.
    """
    return hashlib.sha256(f"{site_id or 0}\n{path}".encode(errors="surrogatepass")).hexdigest()


def _version_key(site_id: int | None, path: str) -> str:
    return f"{KEY_PREFIX}:v:{_page_id(site_id, path)}"


def _page_key(site_id: int | None, path: str, query: str, version: int) -> str:
    return f"{KEY_PREFIX}:p:{version}:{_page_id(site_id, path)}?{query}"


def decoded_path(url: str) -> str:
    """The URL's path as Django decodes it into ``request.path``."""
    raw = urlsplit(url).path or "/"
    return repercent_broken_unicode(unquote_to_bytes(raw)).decode()


def lookup(site_id: int | None, path: str, query: str) -> dict | None:
    version = cache.get(_version_key(site_id, path))
    if version is None:
        return None
    return cache.get(_page_key(site_id, path, query, version))


def store(site_id: int | None, path: str, query: str, response, timeout: int) -> None:
    version = cache.get(_version_key(site_id, path))
    if version is None:
        version = time.time_ns()
        cache.set(_version_key(site_id, path), version, None)
    entry = {
        "status": response.status_code,
        "content": response.content,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in PRIVATE_HEADERS],
        "stored_at": time.time(),
    }
    cache.set(_page_key(site_id, path, query, version), entry, timeout)


def purge(site_id: int | None, path: str) -> None:
    """Retire every stored variant of the site's path."""
    cache.set(_version_key(site_id, path), time.time_ns(), None)


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
