"""Marking responses that anonymous readers may share."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

# Browsers revalidate after ten seconds, so a newly published comment shows
# up quickly; shared caches keep the page until KIOSK_PAGE_CACHE_SECONDS or
# until publishing or a comment decision purges it.
BROWSER_MAX_AGE = 10


def logged_in_reader(request):
    """The logged-in user, or None, read without touching the session when there is no session cookie.

    Touching it would add ``Vary: Cookie`` to pages that the page cache
    shares among all anonymous readers.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def limit_lifetime(request, seconds: float) -> None:
    """Whatever renders part of a page may shorten how long the page is shared.

    E.g. the comment section of an article whose comment window closes
    sooner than the cache would expire: the cached page must not offer the
    form after that.
    """
    seconds = max(1, int(seconds))
    current = getattr(request, "kiosk_cache_limit", None)
    request.kiosk_cache_limit = seconds if current is None else min(current, seconds)


def mark_cacheable(response, request=None):
    """Let browsers and shared caches store a public page.

    A page may shorten its own lifetime (``response.kiosk_cache_seconds``, or
    ``limit_lifetime`` while it renders).
    """
    seconds = min(
        getattr(response, "kiosk_cache_seconds", None) or settings.KIOSK_PAGE_CACHE_SECONDS,
        getattr(request, "kiosk_cache_limit", None) or settings.KIOSK_PAGE_CACHE_SECONDS,
        settings.KIOSK_PAGE_CACHE_SECONDS,
    )
    patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, seconds), s_maxage=seconds)
    response.kiosk_cacheable = True
    response.kiosk_cache_seconds = seconds
    return response


def cacheable(view_method):
    """Decorate a page's serve method so its 200 GET responses are cacheable.

    Previews and other methods pass through untouched.
    """

    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        response = view_method(self, request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
            return response

        def mark(response):
            if logged_in_reader(request) is not None:
                # A logged-in reader's page carries their name, forms and CSRF token.
                add_never_cache_headers(response)
                patch_cache_control(response, private=True)
            elif response.status_code == 200:
                mark_cacheable(response, request)

        # After rendering, so that the parts of the page can limit its lifetime.
        if getattr(response, "is_rendered", True):
            mark(response)
        else:
            response.add_post_render_callback(mark)
        return response

    return wrapper
