"""Filling the search index in bulk, where waiting for one task per article makes no sense."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.search.backends import get_search_backends

from kiosk.news.models import ArticlePage

BATCH = 500


def articles_index(*, articles: Iterable[ArticlePage] | None = None) -> int:
    """Index these articles (every article by default) in every search backend, in batches; the number.

    For the demo newsroom and imports: what the tasks enqueued meanwhile do
    again later changes nothing.
    """
    if articles is None:
        articles = ArticlePage.objects.order_by("pk").iterator(chunk_size=BATCH)
    count, batch = 0, []
    backends = list(get_search_backends())
    for article in articles:
        batch.append(article)
        if len(batch) == BATCH:
            count += _add(backends, batch)
            batch = []
    return count + _add(backends, batch)


def _add(backends, batch: list[ArticlePage]) -> int:
    if batch:
        for backend in backends:
            backend.add_bulk(ArticlePage, batch)
    return len(batch)
