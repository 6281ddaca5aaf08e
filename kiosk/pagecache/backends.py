from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from . import store


class PageCacheBackend(BaseBackend):
    """A Wagtail frontend-cache backend that purges Kiosk's own page cache."""

    def __init__(self, params=None):
        super().__init__(params or {})

    def purge(self, url) -> None:
        store.purge_url(url)
