"""Marking responses that anonymous readers may share."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

# Browsers revalidate after ten seconds, so a newly published comment shows
# up quickly; shared caches keep the page until KIOSK_PAGE_CACHE_SECONDS or
# until publishing or a comment decision purges it.
BROWSER_MAX_AGE = 10


def mark_cacheable(response):
    """Let browsers and shared caches store a public page.

    A page may shorten its own lifetime (``response.kiosk_cache_seconds``),
    e.g. an article whose comment window closes sooner than the cache expires.
    """
    seconds = min(
        getattr(response, "kiosk_cache_seconds", None) or settings.KIOSK_PAGE_CACHE_SECONDS,
        settings.KIOSK_PAGE_CACHE_SECONDS,
    )
    patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds), s_maxage=seconds)
    response.kiosk_cacheable = True
    response.kiosk_cache_seconds = seconds
    return response


def _is_personal(request) -> bool:
    from kiosk.accounts.context_processors import logged_in_reader

    return logged_in_reader(request) is not None


def cacheable(view_method):
    """Decorate a page's serve method so its 200 GET responses are cacheable.

    Previews and other methods pass through untouched.
    """

    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        response = view_method(self, request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
            return response
        if _is_personal(request):
            # A logged-in reader's page carries their name, forms and CSRF token.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif response.status_code == 200:
            mark_cacheable(response)
        return response

    return wrapper
