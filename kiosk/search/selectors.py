"""Reader search over the live articles of a site: the query, its filters, and the hits as shown.

Wagtail's search index (``WAGTAILSEARCH_BACKENDS["default"]``) finds and ranks;
everything a reader must never see is filtered here, at query time, not by the
index: unpublished (``live``), expired, and private sections. An unpublished
article therefore disappears from the results the moment it is unpublished,
before its index entry is updated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.models import Page

from kiosk.news.models import ArticlePage, SectionPage
from kiosk.news.routing import exclude_restricted, restricted_paths
from kiosk.newsroom.formatting import NEWSROOM_TZ

from . import highlight

MAX_QUERY_CHARS = 200
# Words beyond this are left out of the query (each one is another condition every match must meet).
MAX_WORDS = 12
AUTOCOMPLETE_LIMIT = 6
WORD = re.compile(r"\w+")


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


def query_words(text: str) -> list[str]:
    """The words of what the reader typed; punctuation, quotes and operators are not syntax here."""
    return WORD.findall(text)[:MAX_WORDS]


def search_sections(root: Page | None) -> list[SectionPage]:
    """The top-level sections a reader may narrow a search to, in the site's order."""
    if root is None:
        return []
    return list(exclude_restricted(root.get_children().live().type(SectionPage)).specific().order_by("path"))


def _readable_articles(root: Page, *, now: datetime):
    """Live, not expired, not in a private section, below the site's front page.

    Built from fields the index knows as filters (live, path, expire_at).
    """
    articles = ArticlePage.objects.live().descendant_of(root)
    for path in restricted_paths():
        articles = articles.exclude(path__startswith=path)
    return articles.not_expired(now=now)


def day_start(day: date) -> datetime:
    """Midnight of that day in the newsroom's time zone."""
    return datetime.combine(day, time.min, tzinfo=NEWSROOM_TZ)


def article_search(
    *,
    root: Page,
    words: list[str],
    now: datetime,
    section: SectionPage | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    sort: str = Sort.RELEVANCE,
):
    """The matching articles (Wagtail search results: count them, slice them), best or newest first.

    Every word must occur (stemmed, where the backend stems). ``published_from``
    and ``published_to`` are days in Zurich, both included.
    """
    articles = _readable_articles(section or root, now=now)
    if published_from is not None:
        articles = articles.filter(first_published_at__gte=day_start(published_from))
    if published_to is not None:
        articles = articles.filter(first_published_at__lt=day_start(published_to + timedelta(days=1)))
    newest = sort == Sort.NEWEST
    if newest:
        articles = articles.order_by("-first_published_at", "-id")
    return articles.search(" ".join(words), operator="and", order_by_relevance=not newest)


def results_page(found, number: int, *, per_page: int) -> DjangoPage:
    """The page of results asked for, or the last one if it lies beyond (results change as the newsroom publishes).

    Where the backend counts the matches along with the page (PostgreSQL), one query
    less: the page is read first and the paginator told the count.
    """
    paginator = Paginator(found, per_page)
    if number >= 1 and hasattr(found, "total_matches"):
        start = (number - 1) * per_page
        page_results = found[start : start + per_page]
        articles = list(page_results)
        if articles or number == 1:  # no first page: no matches at all
            paginator.count = page_results.total_matches or 0  # a cached_property: now it is known
            return paginator._get_page(articles, number, paginator)
    return paginator.get_page(number)


def headline_suggestions(*, root: Page, text: str, now: datetime, limit: int = AUTOCOMPLETE_LIMIT) -> list:
    """Headlines that start words with what the reader has typed so far (the last word may be unfinished)."""
    words = query_words(text)
    if not words:
        return []
    results = _readable_articles(root, now=now).autocomplete(" ".join(words), operator="and")
    return list(results[:limit])


@dataclass
class Hit:
    """One result as the page shows it: headline and snippet marked and escaped."""

    article: ArticlePage
    section: SectionPage | None
    headline: str
    snippet: str

    @cached_property
    def url(self) -> str:
        return self.article.url


def body_text(article: ArticlePage) -> str:
    """The body's words as the index has them: paragraphs, subheadings, quotes, captions."""
    field = ArticlePage._meta.get_field("body")
    return " ".join(str(part) for part in field.get_searchable_content(article.body) if part)


def hits(articles: list[ArticlePage], *, words: list[str], sections: list[SectionPage]) -> list[Hit]:
    """The page's results marked for the reader's words (one query on PostgreSQL, for the stems)."""
    prefixes = highlight.stems(words)
    by_path = {section.path: section for section in sections}
    shown = []
    for article in articles:
        text = article.lead if _has_match(article.lead, prefixes) else f"{article.lead} {body_text(article)}"
        shown.append(
            Hit(
                article=article,
                section=by_path.get(article.path[: article.steplen * 3]),
                headline=highlight.mark(article.title, prefixes),
                snippet=highlight.snippet(text, prefixes),
            )
        )
    return shown


def _has_match(text: str, prefixes: list[str]) -> bool:
    matches_word = highlight.matcher(prefixes)
    return any(matches_word(word) for word in WORD.findall(text))
