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


def footer_pages() -> list[NavItem]:
    """Content pages editors marked for the footer, in their order below the front page (one query).

    Content pages live only below the front page, and there is one front page.
    """
    from .models import ContentPage
    from .routing import exclude_restricted

    pages = exclude_restricted(ContentPage.objects.live().filter(show_in_footer=True)).order_by("path")
    return [NavItem(p.pk, p.title, p.url, p.path) for p in pages]


def cached_footer_pages(language: str) -> list[NavItem]:
    """Kept with the navigation: publishing a content page bumps the section tree's version."""
    key = f"news-footer:{cacheversions.current(SECTIONS)[0]}:{language}"
    pages = cache.get(key)
    if pages is None:
        pages = footer_pages()
        cache.set(key, pages, NAVIGATION_SECONDS)
    return pages
