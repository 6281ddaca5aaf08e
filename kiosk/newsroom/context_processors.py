from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .models import NewsroomSettings


def _newsroom_settings(request):
    site = Site.find_for_request(request)
    return NewsroomSettings.cached_for_site(site) if site else NewsroomSettings()


def newsroom(request):
    """Site-wide values for every template, loaded only when a template asks."""
    return {
        "newsroom": SimpleLazyObject(lambda: _newsroom_settings(request)),
        "LANGUAGES": settings.LANGUAGES,
    }
