"""The section navigation shown on every page."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

NAVIGATION_CACHE_KEY = "news-navigation:{language}"


@dataclass(frozen=True)
class NavItem:
    pk: int
    title: str
    url: str
    path: str  # the tree path: pages below it belong to the section


def top_sections() -> list[NavItem]:
    from .models import SectionPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    sections = site.root_page.get_children().live().public().in_menu().type(SectionPage)
    return [NavItem(s.pk, s.title, s.url, s.path) for s in sections]


def forget_navigation() -> None:
    cache.delete_many([NAVIGATION_CACHE_KEY.format(language=code) for code, _ in settings.LANGUAGES])
