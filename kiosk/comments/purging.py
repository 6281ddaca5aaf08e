"""Taking an article's cached pages out when its debate changes (no domain logic here)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from kiosk.news.models import ArticlePage
from kiosk.news.signals import language_variants
from kiosk.pagecache import store
from kiosk.pagecache.fragments import content_generation

URLS_CACHE_SECONDS = 60 * 60


def article_urls(article_id: int) -> list[str]:
    """The article's full URL in every reader language; remembered until the next publish."""
    key = f"comments:article-urls:{article_id}:{content_generation()}"
    urls = cache.get(key)
    if urls is None:
        article = ArticlePage.objects.filter(pk=article_id).first()
        with translation.override(settings.LANGUAGE_CODE):
            url = article.get_full_url() if article else None
        urls = language_variants(url) if url else []
        cache.set(key, urls, URLS_CACHE_SECONDS)
    return urls


def purge_article(article_id: int, *, shared: bool = True) -> None:
    """After commit: retire the article's pages in Kiosk's page cache, and in shared caches when asked.

    Likes purge only our own cache (a version bump per language); sending an
    HTTP PURGE to a proxy for every like would cost more than the like itself.
    The proxy's copy refreshes within KIOSK_PAGE_CACHE_SECONDS.
    """

    def purge():
        urls = article_urls(article_id)
        if shared:
            purge_urls_from_cache(urls)
        else:
            for url in urls:
                store.purge_url(url)

    transaction.on_commit(purge)
