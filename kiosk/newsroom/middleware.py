from django.conf import settings
from django.utils import translation

from .sites import site_for_request

PREFIXED_LANGUAGES = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}


def language_from_path(path: str) -> str:
    """/en/… and /fr/… are English and French; everything else is de-CH."""
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in PREFIXED_LANGUAGES else settings.LANGUAGE_CODE


class ReaderLanguageMiddleware:
    """Activate the reader's language from the URL alone.

    Unlike Django's LocaleMiddleware it ignores cookies and Accept-Language,
    so a URL always shows the same page and needs no ``Vary`` header: shared
    caches can store it once for everyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            return self.get_response(request)
        language = language_from_path(request.path_info)
        request.LANGUAGE_CODE = language
        # override, not activate: the language must not outlive the request.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SiteMiddleware:
    """Hand Wagtail the request's site from the cache (it stores it on the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)
