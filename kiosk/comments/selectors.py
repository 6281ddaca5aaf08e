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
from django.db import connection
from django.db.models import Count, F, IntegerField, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils.module_loading import import_string

from kiosk import cacheversions
from kiosk.news.models import ArticlePage, SectionPage
from kiosk.newsroom.models import ModerationMode, NewsroomSettings
from kiosk.pagecache.fragments import SECTIONS, SITE, content_generation, page_version_name

from . import risk
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

    From the shared cache, with its window's inherited hours and moderation,
    under the article's own version and those of the sections and the site: a
    publish, unpublish, move or deletion of it and a change of a section's or
    the site's settings retire the entry. A busy debate's writes then cost no query
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
        # Carried in the entry, which is kept under the versions the hours and the moderation depend on.
        article.inherited_window_hours, article.inherited_moderation = _inherited(article)
    if page is None:
        page = cacheversions.start(name) if article is not None else None
        if page is None:  # no page, or another process started the version meanwhile
            return article
    cacheversions.store_entry(key, (page, sections, site), article or False, COMMENTABLE_SECONDS)
    return article


@dataclass(frozen=True)
class InheritedModeration:
    """What an article's comment moderation falls back to (kiosk.newsroom.models.ModerationMode)."""

    section: str  # the nearest section's that sets one, "" where none does
    site: str
    trusted_publish: bool  # the site lets trusted authors publish at once


def _inherited(article) -> tuple[tuple[int | None, int], InheritedModeration]:
    """What the article's comments inherit from its sections and its site: (nearest section's hours,
    site's hours) and the moderation; one entry per article, cached until the sections or the site change."""
    key = f"comments:inherited:{article.pk}:{content_generation()}"
    found = cache.get(key)
    if found is None:
        sections = list(
            SectionPage.objects.ancestor_of(article)
            .order_by("-depth")
            .values_list("comment_window_hours", "comment_moderation")
        )
        site = article.get_site()
        newsroom = NewsroomSettings.cached_for_site(site) if site else NewsroomSettings()
        hours = (next((h for h, _mode in sections if h is not None), None), newsroom.comment_window_hours)
        moderation = InheritedModeration(
            section=next((mode for _hours, mode in sections if mode), ""),
            site=newsroom.comment_moderation,
            trusted_publish=newsroom.trusted_authors_publish_at_once,
        )
        found = (hours, moderation)
        cache.set(key, found, 60 * 60)
    return found


def _window_hours(article) -> tuple[int | None, int]:
    """(nearest section's hours, site's hours)."""
    carried = getattr(article, "inherited_window_hours", None)  # see commentable_article()
    return carried if carried is not None else _inherited(article)[0]


def inherited_moderation(article) -> InheritedModeration:
    """The section's and the site's moderation the article's own setting falls back to; no query for the
    article of a write (commentable_article carries it)."""
    carried = getattr(article, "inherited_moderation", None)
    return carried if carried is not None else _inherited(article)[1]


def published_at_once(article) -> bool:
    """Whether the article's comments appear at once (post-moderation), as the article, its section or the site sets it."""
    inherited = inherited_moderation(article)
    mode = ModerationMode.effective(
        article=article.comment_moderation, section=inherited.section, site=inherited.site
    )
    return mode == ModerationMode.POST


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


def author_records(author_ids, *, now: datetime) -> dict[int, tuple[int, int]]:
    """Per author: (comments a moderator decided on, of them rejected) in the last ``risk.RECORD_DAYS``; one query."""
    if not author_ids:
        return {}
    rows = (
        _decided(Comment.objects.filter(author_id__in=list(author_ids)), now=now)
        .values("author_id")
        .annotate(decided=Count("pk"), rejected=Count("pk", filter=Q(status=Comment.Status.REJECTED)))
    )
    return {row["author_id"]: (row["decided"], row["rejected"]) for row in rows}


# risk.record_points of one author's record, in SQL both SQLite and PostgreSQL run (integer
# arithmetic rounding halves up); written out because the ORM's expression for it cost more
# to build and compile than the rest of a post.
_RECORD_POINTS_SQL = """
    %s + COALESCE((
        SELECT CASE
            WHEN COUNT(*) >= %s THEN (%s * SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) + COUNT(*)) / (2 * COUNT(*))
            WHEN SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) > 0 THEN %s
            ELSE 0
        END
        FROM {table}
        WHERE author_id = %s AND moderated_by_id IS NOT NULL AND moderated_at >= %s AND status IN (%s, %s)
    ), 0)
"""


def risk_with_record(points: int, author_id, *, now: datetime) -> RawSQL:
    """``points`` plus the author's record part of the risk, as an expression a comment's INSERT works
    out: the record is read in the same statement, no round trip of its own."""
    since = connection.ops.adapt_datetimefield_value(now - timedelta(days=risk.RECORD_DAYS))
    rejected, published = Comment.Status.REJECTED.value, Comment.Status.PUBLISHED.value
    params = (
        points,
        risk.RECORD_MIN,
        2 * risk.RECORD_POINTS,
        rejected,
        rejected,
        risk.FEW_RECORD_POINTS,
        author_id,
        since,
        published,
        rejected,
    )
    return RawSQL(
        _RECORD_POINTS_SQL.format(table=Comment._meta.db_table), params, output_field=IntegerField()
    )


def _decided(comments, *, now: datetime):
    """Of ``comments``, those a moderator decided on in the record's span."""
    return comments.filter(
        moderated_by__isnull=False,
        moderated_at__gte=now - timedelta(days=risk.RECORD_DAYS),
        status__in=[Comment.Status.PUBLISHED, Comment.Status.REJECTED],
    ).order_by()


def reporter_weights(comment_ids) -> dict[int, list[float]]:
    """Per comment: the weight of each open report, by its reporter's record (kiosk.comments.risk); two queries."""
    if not comment_ids:
        return {}
    reports = list(
        Report.objects.filter(comment_id__in=list(comment_ids), handled_at__isnull=True).values_list(
            "comment_id", "reporter_id"
        )
    )
    records = {
        row["reporter_id"]: row
        for row in Report.objects.filter(reporter_id__in={r for _c, r in reports}, handled_at__isnull=False)
        .order_by()
        .values("reporter_id")
        .annotate(held=Count("pk", filter=Q(upheld=True)), dismissed=Count("pk", filter=Q(upheld=False)))
    }
    weights: dict[int, list[float]] = {}
    for comment_id, reporter_id in reports:
        record = records.get(reporter_id, {"held": 0, "dismissed": 0})
        weights.setdefault(comment_id, []).append(
            risk.reporter_weight(upheld=record["held"], dismissed=record["dismissed"])
        )
    return weights


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
    """The article's top comments: those the desk featured (latest first), then the most-liked
    published ones (replies included) with at least one like; three in all."""
    return list(
        Comment.objects.for_article(article)
        .published()
        .filter(Q(featured_at__isnull=False) | Q(like_count__gt=0))
        .with_author()
        .order_by(F("featured_at").desc(nulls_last=True), *Sort.LIKED.ordering)[:TOP_COMMENTS]
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
                "rejection_reason": c.rejection_reason_text or None,
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
