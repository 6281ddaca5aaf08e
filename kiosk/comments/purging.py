"""Taking an article's cached pages out when its debate changes (no domain logic here)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from kiosk import cacheversions
from kiosk.news.models import ArticlePage
from kiosk.news.signals import language_variants
from kiosk.newsroom.sites import site_version
from kiosk.pagecache.backends import purge_urls
from kiosk.pagecache.store import EVERY_PAGE

from .debate import debate_changed

URLS_CACHE_SECONDS = 60 * 60


def article_urls(article_id: int) -> list[str]:
    """The article's full URL in every reader language; remembered until a page moves or a site changes."""
    key = f"comments:article-urls:{article_id}:{cacheversions.current(EVERY_PAGE)[0]}:{site_version()}"
    urls = cache.get(key)
    if urls is None:
        article = ArticlePage.objects.filter(pk=article_id).first()
        with translation.override(settings.LANGUAGE_CODE):
            url = article.get_full_url() if article else None
        urls = language_variants(url) if url else []
        cache.set(key, urls, URLS_CACHE_SECONDS)
    return urls


def purge_article(article_id: int, *, shared: bool = True) -> None:
    """Retire the article's shared debate; after commit its pages in our page cache, and in shared caches when asked.

    Only the article's own pages: its fragments, listings and feeds show no
    comments. Likes purge only our own cache; sending an HTTP PURGE to a
    proxy for every like would cost more than the like itself. The proxy's
    copy refreshes within KIOSK_PAGE_CACHE_SECONDS.
    """
    debate_changed(article_id)
    transaction.on_commit(lambda: purge_urls(article_urls(article_id), shared=shared))
