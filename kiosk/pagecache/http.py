"""Marking responses that anonymous readers may share."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils.cache import patch_cache_control

# Browsers revalidate after a minute; shared caches keep the page until
# KIOSK_PAGE_CACHE_SECONDS or until publishing purges it.
BROWSER_MAX_AGE = 60


def mark_cacheable(response):
    """Let browsers and shared caches store a public page."""
    patch_cache_control(
        response, public=True, max_age=BROWSER_MAX_AGE, s_maxage=settings.KIOSK_PAGE_CACHE_SECONDS
    )
    response.kiosk_cacheable = True
    return response


def cacheable(view_method):
    """Decorate a page's serve method so its 200 GET responses are cacheable.

    Previews and other methods pass through untouched.
    """

    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        response = view_method(self, request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not getattr(request, "is_preview", False)
        ):
            mark_cacheable(response)
        return response

    return wrapper
