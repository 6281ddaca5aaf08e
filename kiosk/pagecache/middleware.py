from __future__ import annotations

import re
import time

from django.conf import settings
from django.http import HttpResponse

from kiosk import cacheversions
from kiosk.newsroom.sites import site_id_for_request

from . import store

# Only the bare page, its numbered pages and the comment thread's sort orders
# are shared; any other query string is someone's own request and goes to
# the application.
CACHEABLE_QUERY = re.compile(r"^(?:(?:sort=(?:oldest|liked)&)?page=\d{1,6}|sort=(?:oldest|liked))?$")


class PageCacheMiddleware:
    """Serve anonymous readers whole pages from the cache, each site its own.

    A response is stored only when the page marked it cacheable
    (``kiosk.pagecache.http.cacheable``), set no cookie and answered a
    request without a session: editors and logged-in readers never share.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Below here, each cache version is read once per request (kiosk.cacheversions).
        with cacheversions.read_once():
            return self._respond(request)

    def _respond(self, request):
        if not self._is_shareable_request(request):
            return self.get_response(request)

        # A Host outside ALLOWED_HOSTS raises DisallowedHost (400) here, as the
        # application would answer: no stored page may answer for any host.
        site_id = site_id_for_request(request)
        path, query = request.path, request.META.get("QUERY_STRING", "")
        # Read before rendering: a purge while this renders retires what it stores.
        versions = store.versions(site_id, path)
        entry = store.lookup(site_id, path, query, versions)
        if entry is not None:
            return self._replay(entry)

        response = self.get_response(request)
        if (
            getattr(response, "kiosk_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            seconds = getattr(response, "kiosk_cache_seconds", None) or settings.KIOSK_PAGE_CACHE_SECONDS
            store.store(site_id, path, query, response, seconds, versions)
            response["X-Kiosk-Cache"] = "miss"
        return response

    @staticmethod
    def _is_shareable_request(request) -> bool:
        return (
            settings.KIOSK_PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and CACHEABLE_QUERY.match(request.META.get("QUERY_STRING", "")) is not None
        )

    @staticmethod
    def _replay(entry: dict) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Age"] = str(int(time.time() - entry["stored_at"]))
        response["X-Kiosk-Cache"] = "hit"
        return response
