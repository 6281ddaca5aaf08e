"""Purging: Kiosk's own page cache as a Wagtail frontend-cache backend, and one call that purges everywhere."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import store

OWN_BACKEND = "pagecache"


class PageCacheBackend(BaseBackend):
    """A Wagtail frontend-cache backend that purges Kiosk's own page cache."""

    def __init__(self, params=None):
        super().__init__(params or {})

    def purge(self, url) -> None:
        store.purge_url(url)


def purge_urls(urls: Iterable[str], *, shared: bool = True) -> None:
    """Retire these URLs in Kiosk's page cache, and with ``shared`` in the caches in front.

    Kiosk's own copies go now and again at commit (kiosk.cacheversions). A
    proxy is sent its HTTP PURGE only once the change is committed, or it
    might fetch the old page again; Wagtail sends it as a task
    (``purge_urls_from_cache_task``), run by the task worker.
    """
    urls = list(dict.fromkeys(urls))
    for url in urls:
        store.purge_url(url)
    if not shared:
        return
    others = [name for name in settings.WAGTAILFRONTENDCACHE if name != OWN_BACKEND]
    if urls and others:
        transaction.on_commit(lambda: purge_urls_from_cache(urls, backends=others))
