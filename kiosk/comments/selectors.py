"""Reads for the comment section: the window, the counts, the thread and what one reader did."""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.module_loading import import_string

from kiosk import cacheversions
from kiosk.news.models import ArticlePage, SectionPage
from kiosk.newsroom.models import NewsroomSettings
from kiosk.pagecache.fragments import SECTIONS, SITE, content_generation, page_version_name

from .models import ARTICLE_FIELDS, DEFAULT_SORT, Comment, Like, Report, Sort
from .rules import CommentWindow, comment_window, paused

TOP_COMMENTS = 3
# The waiting time shown to authors is the median of the decisions in this span.
WAITING_TIME_SPAN = timedelta(hours=6)
WAITING_TIME_CACHE_SECONDS = 300
COMMENTABLE_SECONDS = 60 * 60


PROFILE_COMMENT_COUNT = 20


def profile_comments(reader) -> list[Comment]:
    """The reader's latest published comments, each with its article, for their public profile."""
    return list(
        Comment.objects.published()
        .by(reader)
        .select_related("article")
        .newest_first()[:PROFILE_COMMENT_COUNT]
    )


def commentable_articles():
    """Live articles with only what a comment write checks: the window and the URL.

    Loading a whole page (two tables, the StreamField) costs more than the
    comment's own insert; writes are the hot path of a busy debate.
    """
    return ArticlePage.objects.live().only(*ARTICLE_FIELDS)


def commentable_article(
    article_id: int, *, also: tuple[str, ...] = (), also_entries: tuple[str, ...] = ()
) -> ArticlePage | None:
    """The live article a comment write is for, as commentable_articles() has it; None if there is none.

    From the shared cache, with its window's inherited hours, under the
    article's own version and those of the sections and the site: a publish,
    unpublish, move or deletion of it and a change of a section's or the
    site's hours retire the entry. A busy debate's writes then cost no query
    before the insert. An id that never had a page has no version and gets
    none: ids sent at random must not leave keys behind. ``also``: the
    versions the write's checks read next, fetched in the same round trip.
    """
    key = f"comments:commentable:{article_id}"
    name = page_version_name(article_id)
    (page, sections, site), found = cacheversions.entry(
        key, name, SECTIONS, SITE, start_missing=False, also=also, also_entries=also_entries
    )
    if found is not None:
        return found or None
    if sections is None or site is None:
        sections, site = cacheversions.current(SECTIONS, SITE)
    # Rows after versions (kiosk.cacheversions): an entry filled from older rows is stored under older ones.
    article = commentable_articles().filter(pk=article_id).first()
    if article is not None:
        # Carried in the entry, which is kept under the versions the hours depend on.
        article.inherited_window_hours = _window_hours(article)
    if page is None:
        page = cacheversions.start(name) if article is not None else None
        if page is None:  # no page, or another process started the version meanwhile
            return article
    cacheversions.store_entry(key, (page, sections, site), article or False, COMMENTABLE_SECONDS)
    return article


def _window_hours(article) -> tuple[int | None, int]:
    """(nearest section's hours, site's hours), cached until the sections or the site change."""
    carried = getattr(article, "inherited_window_hours", None)  # see commentable_article()
    if carried is not None:
        return carried
    key = f"comments:window-hours:{article.pk}:{content_generation()}"
    hours = cache.get(key)
    if hours is None:
        section_hours = (
            SectionPage.objects.ancestor_of(article)
            .exclude(comment_window_hours=None)
            .order_by("-depth")
            .values_list("comment_window_hours", flat=True)
            .first()
        )
        site = article.get_site()
        site_hours = NewsroomSettings.cached_for_site(site).comment_window_hours if site else 24
        hours = (section_hours, site_hours)
        cache.set(key, hours, 60 * 60)
    return hours


def article_comment_window(article, *, now: datetime) -> CommentWindow:
    """The article's window at ``now``, paused where a hook of ``KIOSK_COMMENT_PAUSES`` says so."""
    section_hours, site_hours = _window_hours(article)
    window = comment_window(
        first_published_at=article.first_published_at if article.live else None,
        mode=article.comment_mode,
        article_hours=article.comment_window_hours,
        section_hours=section_hours,
        site_hours=site_hours,
        now=now,
    )
    if not window.is_open:
        return window
    return paused(window, [p for p in (hook(article, now=now) for hook in pause_hooks()) if p is not None])


@functools.lru_cache(maxsize=16)
def _imported(paths: tuple[str, ...]) -> tuple:
    # Code named in settings, imported once per process and list: nothing another process changes.
    return tuple(import_string(path) for path in paths)


def named_in_settings(name: str) -> tuple:
    """The functions the setting ``name`` lists by dotted path (a test's override_settings included)."""
    return _imported(tuple(getattr(settings, name)))


def pause_hooks() -> tuple:
    """The site-wide pauses of commenting, named in settings (the desk's staffed hours): comments imports none."""
    return named_in_settings("KIOSK_COMMENT_PAUSES")


def typical_waiting_time(*, now: datetime) -> timedelta | None:
    """The median time from writing to decision over the last hours, or None without decisions."""
    key = "comments:waiting-time"
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    decided = Comment.objects.filter(
        moderated_at__gte=now - WAITING_TIME_SPAN,
        status__in=[Comment.Status.PUBLISHED, Comment.Status.REJECTED],
    ).values_list("created_at", "moderated_at")[:500]
    waits = [(moderated - created).total_seconds() for created, moderated in decided]
    median = timedelta(seconds=statistics.median(waits)) if waits else None
    cache.set(key, median or False, WAITING_TIME_CACHE_SECONDS)
    return median


def _thread_queryset(article):
    replies = Prefetch(
        "replies",
        queryset=Comment.objects.published().with_author().oldest_first(),
        to_attr="published_replies",
    )
    return (
        Comment.objects.for_article(article)
        .top_level()
        .shown_in_thread()
        .with_author()
        .prefetch_related(replies)
    )


def parse_sort(value: str | None) -> Sort:
    return Sort(value) if value in Sort.values else DEFAULT_SORT


def thread_page(article, *, sort: str, page: int | str | None) -> PaginatorPage:
    """One page of top-level comments, each with its published replies; a bad page number gives the nearest."""
    queryset = _thread_queryset(article).in_order(parse_sort(sort))
    return Paginator(queryset, settings.KIOSK_COMMENTS_PER_PAGE).get_page(page)


def most_liked(article) -> list[Comment]:
    """The three most-liked published comments (replies included) with at least one like."""
    return list(
        Comment.objects.for_article(article)
        .published()
        .filter(like_count__gt=0)
        .with_author()
        .most_liked()[:TOP_COMMENTS]
    )


def published_count(article) -> int:
    return Comment.objects.for_article(article).published().count()


def page_of(comment: Comment, *, sort: str) -> int:
    """The thread page (in this sort) that shows the comment, or its parent for a reply."""
    top = comment.parent or comment
    before = _thread_queryset(top.article_id).order_by().before_in_order(top, parse_sort(sort))
    return before.count() // settings.KIOSK_COMMENTS_PER_PAGE + 1


@dataclass(frozen=True)
class ReaderMarks:
    """The comments of one article that one reader has liked or reported."""

    liked: frozenset[int] = frozenset()
    reported: frozenset[int] = frozenset()


def reader_marks(article, reader) -> ReaderMarks:
    liked = Like.objects.filter(reader=reader, comment__article_id=article.pk).values_list("comment_id")
    reported = Report.objects.filter(reporter=reader, comment__article_id=article.pk).values_list(
        "comment_id"
    )
    return ReaderMarks(
        liked=frozenset(pk for (pk,) in liked), reported=frozenset(pk for (pk,) in reported.order_by())
    )


# A reader sees their newest few here; all of them are in their data export.
OWN_UNPUBLISHED_SHOWN = 10
NEWLY_PUBLISHED_SHOWN = 3


@dataclass(frozen=True)
class OwnComments:
    """A reader's comments on one article that the shared debate does not show them.

    Lists are the newest few, so a page costs the same however much one reader wrote;
    the counts say how many more there are.
    """

    # Nobody else sees these: awaiting review, or rejected.
    unpublished: list[Comment]
    # Published since they last looked.
    newly_published: list[Comment]
    more_unpublished: int = 0
    more_newly_published: int = 0


def own_comments(article, reader) -> OwnComments:
    own = Comment.objects.for_article(article).by(reader).order_by("-created_at")
    unpublished = own.filter(status__in=[Comment.Status.PENDING, Comment.Status.REJECTED])
    newly_published = own.filter(status=Comment.Status.PUBLISHED, decision_seen=False)
    shown_unpublished = list(unpublished.select_related("parent__author")[: OWN_UNPUBLISHED_SHOWN + 1])
    shown_published = list(newly_published[: NEWLY_PUBLISHED_SHOWN + 1])
    return OwnComments(
        unpublished=shown_unpublished[:OWN_UNPUBLISHED_SHOWN],
        newly_published=shown_published[:NEWLY_PUBLISHED_SHOWN],
        more_unpublished=_more(unpublished, shown_unpublished, OWN_UNPUBLISHED_SHOWN),
        more_newly_published=_more(newly_published, shown_published, NEWLY_PUBLISHED_SHOWN),
    )


def _more(queryset, fetched: list, shown: int) -> int:
    """How many beyond the ``shown`` newest; counted only when there are any."""
    return queryset.count() - shown if len(fetched) > shown else 0


def sort_query(sort: Sort) -> str:
    return "" if sort == DEFAULT_SORT else f"sort={sort.value}"


@dataclass
class Debate:
    """An article's published debate as every reader sees it: the count, the top comments, one thread page."""

    article: object
    window: CommentWindow
    count: int
    top: list[Comment]
    thread: PaginatorPage
    sort: Sort

    @property
    def sort_choices(self) -> list[tuple[str, str, str]]:
        """(value, label, query string) of each order; the default needs no query."""
        return [(sort.value, sort.label, sort_query(sort)) for sort in Sort]

    @property
    def sort_query(self) -> str:
        """This order in a link to another page of the thread: ``sort=oldest&`` or nothing."""
        query = sort_query(self.sort)
        return f"{query}&" if query else ""

    @property
    def max_length(self) -> int:
        return settings.KIOSK_COMMENT_MAX_LENGTH


def published_debate(article, *, window: CommentWindow, sort: Sort, page: int) -> Debate:
    """What the published debate shows in this order on this page; a fixed number of queries."""
    return Debate(
        article=article,
        window=window,
        count=published_count(article),
        top=most_liked(article),
        thread=thread_page(article, sort=sort, page=page),
        sort=sort,
    )


def thread_pages(article) -> int:
    """How many pages the thread has (at least one)."""
    return Paginator(
        _thread_queryset(article).in_order(DEFAULT_SORT), settings.KIOSK_COMMENTS_PER_PAGE
    ).num_pages


def reader_data(user) -> dict:
    """Everything the debates hold about one reader, for their data export."""

    def when(value):
        return value.isoformat() if value else None

    def article(comment_article) -> dict:
        return {"id": comment_article.pk, "headline": comment_article.title, "url": comment_article.get_url()}

    comments = Comment.objects.by(user).select_related("article").order_by("created_at", "pk")
    likes = Like.objects.filter(reader=user).select_related("comment__article").order_by("created_at", "pk")
    reports = (
        Report.objects.filter(reporter=user).select_related("comment__article").order_by("created_at", "pk")
    )
    return {
        "comments": [
            {
                "id": c.pk,
                "article": article(c.article),
                "reply_to": c.parent_id,
                "status": c.status,
                "text": c.text,
                "written": when(c.created_at),
                "edited": when(c.edited_at),
                "published": when(c.published_at),
                "reviewed": when(c.moderated_at),
                "rejection_reason": c.get_rejection_reason_display() if c.rejection_reason else None,
                "note_to_author": c.rejection_note or None,
                "likes": c.like_count,
            }
            for c in comments
        ],
        "likes": [
            {
                "comment": like.comment_id,
                "article": article(like.comment.article),
                "when": when(like.created_at),
            }
            for like in likes
        ],
        "reports": [
            {
                "comment": report.comment_id,
                "article": article(report.comment.article),
                "reason": report.get_reason_display(),
                "note": report.note or None,
                "when": when(report.created_at),
            }
            for report in reports
        ],
    }
