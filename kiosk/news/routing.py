"""Reader URLs resolved in a fixed number of queries.

Wagtail's default routing asks the database once or twice per tree level
(/wissen/raumfahrt/artikel/ costs seven queries). A page's URL path is stored
on the page, so one lookup finds it; the article and what its page always
shows (lead image, partner, partner logo) come with one more.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from kiosk.pagecache.fragments import FRAGMENT_SECONDS, content_generation

RESTRICTED_PATHS_KEY = "news:restricted-paths"
RESTRICTED_PATHS_SECONDS = 60


def find_page(root: Page, path_components: list[str]) -> Page | None:
    """The specific page at root/<components>/, or None (then Wagtail routes as usual)."""
    from .models import ArticlePage

    if not path_components:
        return None
    url_path = root.url_path + "/".join(path_components) + "/"
    # Articles are what readers open most: kept, with lead image and partner,
    # until the next publish or unpublish anywhere retires the generation.
    key = f"news:article:{content_generation()}:{url_path}"
    article = cache.get(key)
    if article is None:
        article = (
            ArticlePage.objects.select_related("lead_image", "partner__logo")
            .filter(url_path=url_path)
            .first()
        )
        if article is not None:
            cache.set(key, article, FRAGMENT_SECONDS)
    if article is not None:
        return article
    page = Page.objects.filter(url_path=url_path).first()
    return page.specific if page is not None else None


def restricted_paths() -> list[str]:
    """Tree paths of private sections, cached: newsrooms rarely have any."""
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_PATHS_KEY, paths, RESTRICTED_PATHS_SECONDS)
    return paths


def forget_restricted_paths() -> None:
    cache.delete(RESTRICTED_PATHS_KEY)


def exclude_restricted(queryset):
    """Like Wagtail's ``.public()``, without a query of its own on every call."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
