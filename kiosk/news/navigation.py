"""The section navigation shown on every page."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site

from kiosk import cacheversions
from kiosk.pagecache.fragments import SECTIONS

NAVIGATION_SECONDS = 600


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


def navigation_key(language: str) -> str:
    """The one function that names the cached navigation: the section tree's version and the language."""
    return f"news-navigation:{cacheversions.current(SECTIONS)[0]}:{language}"


def cached_top_sections(language: str) -> list[NavItem]:
    key = navigation_key(language)
    sections = cache.get(key)
    if sections is None:
        sections = top_sections()
        cache.set(key, sections, NAVIGATION_SECONDS)
    return sections
