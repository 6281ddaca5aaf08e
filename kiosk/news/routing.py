"""Reader URLs resolved in a fixed number of queries.

Wagtail's default routing asks the database once or twice per tree level
(/wissen/raumfahrt/artikel/ costs seven queries). A page's URL path is stored
on the page, so one lookup finds it; the article and what its page always
shows (lead image, partner, partner logo) come with one more.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from kiosk import cacheversions
from kiosk.pagecache.fragments import ARTICLES, FRAGMENT_SECONDS, SECTIONS, page_version_name
from kiosk.pagecache.store import EVERY_PAGE

RESTRICTED_PATHS_KEY = "news:restricted-paths:{version}"
RESTRICTED_PATHS_SECONDS = 60


def _route_key(pages_version: int, url_path: str) -> str:
    """The one function that names a routing entry: the tree's version and the page's URL path.

    Hashed, because the path is the reader's input: any length, any character.
    """
    digest = hashlib.sha256(url_path.encode(errors="surrogatepass")).hexdigest()
    return f"news:route:{pages_version}:{digest}"


def find_page(root: Page, path_components: list[str]) -> Page | None:
    """The specific page at root/<components>/, or None (then Wagtail routes as usual)."""
    from .models import ArticlePage

    if not path_components:
        return None
    url_path = root.url_path + "/".join(path_components) + "/"
    # Articles are what readers open most: kept, with lead image and partner, until
    # a move or removal anywhere (``pages``) or a change of the article (``page:<id>``).
    pages, articles = cacheversions.current(EVERY_PAGE, ARTICLES)
    key = _route_key(pages, url_path)
    entry = cache.get(key)
    if entry is not None:
        page_version, article = entry
        if cacheversions.peek(page_version_name(article.pk)) == (page_version,):
            return article
    article = (
        ArticlePage.objects.select_related("lead_image", "partner__logo").filter(url_path=url_path).first()
    )
    if article is not None:
        # The article's own version is read after its row (its id comes from the row).
        # Any change to an article bumps ``articles`` before its own version, so if
        # ``articles`` still reads as before the row, the row is at least as new as
        # the version it is kept under; otherwise it is served but not kept.
        (page_version,) = cacheversions.current(page_version_name(article.pk))
        if cacheversions.peek(EVERY_PAGE, ARTICLES) == (pages, articles):
            cache.set(key, (page_version, article), FRAGMENT_SECONDS)
        return article
    page = Page.objects.filter(url_path=url_path).first()
    return page.specific if page is not None else None


def restricted_paths() -> list[str]:
    """Tree paths of private sections, cached: newsrooms rarely have any."""
    key = RESTRICTED_PATHS_KEY.format(version=cacheversions.current(SECTIONS)[0])
    paths = cache.get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, RESTRICTED_PATHS_SECONDS)
    return paths


def forget_restricted_paths() -> None:
    """A section became private or public: in every process, everything that lists or shows pages."""
    cacheversions.bump(SECTIONS, EVERY_PAGE)


def exclude_restricted(queryset):
    """Like Wagtail's ``.public()``, without a query of its own on every call."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
