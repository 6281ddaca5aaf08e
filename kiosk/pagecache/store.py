"""The page cache: whole responses for anonymous readers, keyed by path.

Each path has a version number; purging a path bumps it, which retires every
stored variant at once (``?page=2`` as well as the bare path).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from django.core.cache import cache

KEY_PREFIX = "pagecache"
# Headers a stored response must not replay to the next reader.
PRIVATE_HEADERS = {"set-cookie", "vary"}


def _version_key(path: str) -> str:
    return f"{KEY_PREFIX}:v:{path}"


def _page_key(path: str, query: str, version: int) -> str:
    return f"{KEY_PREFIX}:p:{version}:{path}?{query}"


def lookup(path: str, query: str) -> dict | None:
    version = cache.get(_version_key(path))
    if version is None:
        return None
    return cache.get(_page_key(path, query, version))


def store(path: str, query: str, response, timeout: int) -> None:
    version = cache.get(_version_key(path))
    if version is None:
        version = time.time_ns()
        cache.set(_version_key(path), version, None)
    entry = {
        "status": response.status_code,
        "content": response.content,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in PRIVATE_HEADERS],
        "stored_at": time.time(),
    }
    cache.set(_page_key(path, query, version), entry, timeout)


def purge_url(url: str) -> None:
    """Retire every stored variant of the URL's path."""
    path = urlsplit(url).path or "/"
    cache.set(_version_key(path), time.time_ns(), None)
