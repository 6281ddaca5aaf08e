"""Reads for the desk: the compiled word list, the staffed hours, a reader's blocks, an author's record."""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext_lazy as _

from kiosk import cacheversions
from kiosk.comments import selectors as comment_selectors
from kiosk.comments.models import ARTICLE_FIELDS, Comment, Report
from kiosk.news.models import ArticlePage

from . import hours, publishing, queue, words
from .marks import highlighted
from .models import AuthorNote, Block, StaffedException, StaffedSpan, WordListEntry

logger = logging.getLogger(__name__)

WORDS_VERSION = "moderation:words"

# The compiled list of this process, under the shared version it was built for: any process's
# change bumps the version, and the next check anywhere builds the list afresh from the rows.
_compiled: dict[int, words.WordList] = {}
_building = threading.Lock()


def word_list() -> words.WordList:
    """Every listed word and phrase, compiled; built once per process and version of the list."""
    (version,) = cacheversions.current(WORDS_VERSION)
    found = _compiled.get(version)
    if found is not None:
        return found
    with _building:  # one build per process, however many threads ask at once
        found = _compiled.get(version)
        if found is None:
            # Rows after the version (kiosk.cacheversions): a list built from older rows is kept
            # under the older number.
            found = words.WordList(_entries())
            _compiled.clear()
            _compiled[version] = found
    return found


def _entries():
    for pk, text, kind in WordListEntry.objects.values_list("pk", "text", "kind").iterator():
        try:
            words.pattern(text)
        except words.EntryError:
            # Written past the services (a database edit): one bad row must not stop the list.
            logger.error("Word list entry %s (%r) cannot be matched and is left out", pk, text)
            continue
        yield words.Entry(text=text, kind=words.Kind(kind), pk=pk)


def reader_blocks(user) -> dict:
    """The blocks a reader was given, with the reasons they were shown, for their data export."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "blocks": [
            {
                "reason": block.reason,
                "since": when(block.at),
                "until": when(block.until),
                "lifted": when(block.lifted_at),
            }
            for block in Block.objects.filter(reader=user).order_by("at", "pk")
        ]
    }


HOURS_VERSION = "moderation:hours"
SCHEDULE_KEY = "moderation:schedule"
SCHEDULE_SECONDS = 60 * 60


def schedule() -> hours.Schedule:
    """The staffed hours as the rules read them, from the shared cache (one read with its version)."""
    versions, found = cacheversions.entry(SCHEDULE_KEY, HOURS_VERSION)
    if found is None:
        week: dict[int, list[hours.Span]] = {}
        for span in StaffedSpan.objects.all():
            week.setdefault(span.weekday, []).append(hours.Span(span.opens, span.closes))
        exceptions: dict = {}
        for exception in StaffedException.objects.all():
            spans = exceptions.setdefault(exception.date, [])
            if exception.opens is not None:
                spans.append(hours.Span(exception.opens, exception.closes))
        found = hours.Schedule(
            week={day: tuple(spans) for day, spans in week.items()},
            exceptions={day: tuple(spans) for day, spans in exceptions.items()},
        )
        cacheversions.store_entry(SCHEDULE_KEY, versions, found, SCHEDULE_SECONDS)
    return found


def hours_changed(**_kwargs) -> None:
    """A span or exception saved or deleted, in the admin or anywhere (connected in apps.py)."""
    cacheversions.bump(HOURS_VERSION)


QUEUE_STATE_KEY = "moderation:queue-state"
QUEUE_STATE_LIFETIME = timedelta(seconds=30)
# How many articles count as the busiest when back-pressure pauses only those.
BUSIEST_ARTICLES = 3


def queue_state(*, now) -> queue.QueueState:
    """The pending queue's size, its oldest comment and its busiest articles, from the shared cache (30 s)."""
    state = cache.get(QUEUE_STATE_KEY)
    if state is None:
        pending = Comment.objects.pending()
        summary = pending.aggregate(count=Count("pk"), oldest=Min("created_at"))
        busiest = (
            pending.values("article_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "article_id")[:BUSIEST_ARTICLES]
        )
        state = queue.QueueState(
            pending=summary["count"],
            oldest_pending_at=summary["oldest"],
            busiest=tuple(row["article_id"] for row in busiest),
            expected_wait=comment_selectors.typical_waiting_time(now=now),
        )
        cache.set(QUEUE_STATE_KEY, state, int(QUEUE_STATE_LIFETIME.total_seconds()))
    return state


def author_record(author) -> publishing.AuthorRecord:
    """How many of the author's comments a moderator approved (and are still published), and when one was
    last rejected, by a moderator or the checks; one aggregate query.

    A rejection counts by its reason, so a rejected comment its author deleted afterwards still counts.
    """
    found = Comment.objects.by(author).aggregate(
        approved=Count("pk", filter=Q(status=Comment.Status.PUBLISHED, moderated_at__isnull=False)),
        last_rejection=Max(
            "moderated_at", filter=Q(status=Comment.Status.REJECTED) | ~Q(rejection_reason="")
        ),
    )
    return publishing.AuthorRecord(approved=found["approved"], last_rejection=found["last_rejection"])


# The queue -------------------------------------------------------------------

QUEUE_TABS = {
    "pending": _("waiting"),
    "reported": _("reported"),
    "approved": _("approved"),
    "rejected": _("rejected"),
    "featured": _("featured"),
}


@dataclass(frozen=True)
class QueueFilter:
    """Which comments a moderator works: a tab, narrowed by section, article, author and words in the text."""

    tab: str = "pending"
    section: object | None = None  # a SectionPage
    article_id: int | None = None
    author_id: int | None = None
    text: str = ""
    who: str = ""  # an author's public name (in part), user name or e-mail address
    oldest_first: bool = False


def _narrowed(comments, wanted: QueueFilter):
    if wanted.section is not None:
        comments = comments.filter(article__path__startswith=wanted.section.path)
    if wanted.article_id:
        comments = comments.filter(article_id=wanted.article_id)
    if wanted.author_id:
        comments = comments.filter(author_id=wanted.author_id)
    if wanted.text:
        comments = comments.filter(text__icontains=wanted.text)
    if wanted.who:
        comments = comments.filter(
            Q(author__username__iexact=wanted.who)
            | Q(author__email__iexact=wanted.who)
            | Q(author__display_name__icontains=wanted.who)
        )
    return comments


def _tab(tab: str):
    published = Comment.objects.published()
    return {
        "pending": Comment.objects.awaiting_review(),
        "reported": published.filter(open_reports__gt=0),
        "approved": published.filter(moderated_at__isnull=False),
        "rejected": Comment.objects.filter(status=Comment.Status.REJECTED),
        "featured": published.filter(featured_at__isnull=False),
    }[tab]


def queue_comments(wanted: QueueFilter):
    """The tab's comments as the moderator filtered them, in the order they are worked.

    Waiting and reported comments by risk (kiosk.comments.risk), oldest first
    among equals, or oldest first on request; decided ones newest decision first.
    Only the columns that order them: a page's rows come from ``queue_page_comments``.
    """
    comments = _narrowed(_tab(wanted.tab), wanted)
    if wanted.tab in ("pending", "reported"):
        order = ("created_at", "pk") if wanted.oldest_first else ("-risk", "created_at", "pk")
    elif wanted.tab == "featured":
        order = ("-featured_at", "-pk")
    else:
        order = ("-moderated_at", "-pk")
    return comments.order_by(*order)


def queue_page_comments(ids) -> list[Comment]:
    """The comments of one page, in the page's order, with what the rows show.

    Ordered first as bare ids, then fetched with their joins by id: sorting
    thousands of waiting comments joined to their articles and authors costs
    PostgreSQL more than sorting their ids.
    """
    ids = list(ids)
    found = Comment.objects.filter(pk__in=ids).select_related(
        "author", "parent__author", "moderated_by", "featured_by"
    )
    by_id = {comment.pk: comment for comment in found}
    # The articles apart, with only what a row links and names: a page's rows share few of them,
    # and a whole article page is many columns.
    articles = ArticlePage.objects.filter(pk__in={c.article_id for c in by_id.values()}).only(
        *ARTICLE_FIELDS, "title"
    )
    articles = {article.pk: article for article in articles}
    for comment in by_id.values():
        comment.article = articles[comment.article_id]
    return [by_id[pk] for pk in ids if pk in by_id]


DECIDED_COUNTS_SECONDS = 60


def queue_counts(wanted: QueueFilter) -> dict[str, int]:
    """How many comments each tab holds under the same filters.

    The tabs moderators work (waiting, reported, featured) are counted live, each
    through an index of its own. Counting the decided ones reads nearly every
    row of the table, so those two counts are at most a minute old (the shared
    cache, per filter): nobody works those tabs to zero.
    """
    comments = _narrowed(Comment.objects.all(), wanted).order_by()
    published = comments.filter(status=Comment.Status.PUBLISHED)
    key = "moderation:decided-counts:" + hashlib.md5(repr(_filter_key(wanted)).encode()).hexdigest()
    decided = cache.get(key)
    if decided is None:
        per_status = dict(
            comments.filter(status__in=[Comment.Status.PUBLISHED, Comment.Status.REJECTED])
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        decided = (per_status.get(Comment.Status.PUBLISHED, 0), per_status.get(Comment.Status.REJECTED, 0))
        cache.set(key, decided, DECIDED_COUNTS_SECONDS)
    unreviewed = published.filter(moderated_at__isnull=True).count()
    return {
        "pending": comments.filter(status=Comment.Status.PENDING).count() + unreviewed,
        "reported": published.filter(open_reports__gt=0).count(),
        "approved": max(decided[0] - unreviewed, 0),
        "rejected": decided[1],
        "featured": published.filter(featured_at__isnull=False).count(),
    }


def _filter_key(wanted: QueueFilter) -> tuple:
    section = wanted.section.pk if wanted.section is not None else None
    return (section, wanted.article_id, wanted.author_id, wanted.text, wanted.who)


@dataclass
class AuthorFacts:
    """What the queue shows beside an author's comment."""

    approved: int = 0
    rejected: int = 0
    blocks: int = 0
    note: object | None = None  # an AuthorNote


@dataclass
class QueueRow:
    comment: Comment
    author: AuthorFacts
    reports: list[tuple[str, int]]  # (reason, how many readers gave it), most given first
    marks: list[dict]
    waited: timedelta  # until now, or until the decision
    urls: dict[str, str] = field(default_factory=dict)  # its actions' addresses (admin_views)

    @property
    def text_html(self):
        return highlighted(self.comment.text, self.marks)

    @property
    def notes(self) -> list[str]:
        """Why the checks held it, for the moderator."""
        return [note["message"] for note in self.comment.review_notes if note.get("message")]


def queue_rows(comments, *, now) -> list[QueueRow]:
    """The rows of one page, with each author's record and each comment's open reports: four queries for any page."""
    comments = list(comments)
    author_ids = {c.author_id for c in comments if c.author_id}
    facts = {pk: AuthorFacts() for pk in author_ids}
    if author_ids:
        decided = (
            Comment.objects.filter(author_id__in=author_ids, moderated_at__isnull=False)
            .order_by()
            .values("author_id")
            .annotate(
                approved=Count("pk", filter=Q(status=Comment.Status.PUBLISHED)),
                rejected=Count("pk", filter=Q(status=Comment.Status.REJECTED)),
            )
        )
        for row in decided:
            facts[row["author_id"]].approved, facts[row["author_id"]].rejected = (
                row["approved"],
                row["rejected"],
            )
        blocks = (
            Block.objects.filter(reader_id__in=author_ids)
            .order_by()
            .values("reader_id")
            .annotate(n=Count("pk"))
        )
        for row in blocks:
            facts[row["reader_id"]].blocks = row["n"]
        for note in AuthorNote.objects.filter(author_id__in=author_ids).select_related("updated_by"):
            facts[note.author_id].note = note
    reports: dict[int, list[tuple[str, int]]] = {}
    reported = [c.pk for c in comments if c.open_reports]
    if reported:
        labels = dict(Report.Reason.choices)
        given = (
            Report.objects.filter(comment_id__in=reported, handled_at__isnull=True)
            .order_by()
            .values("comment_id", "reason")
            .annotate(n=Count("pk"))
            .order_by("comment_id", "-n", "reason")
        )
        for row in given:
            reports.setdefault(row["comment_id"], []).append(
                (labels.get(row["reason"], row["reason"]), row["n"])
            )
    return [
        QueueRow(
            comment=c,
            author=facts.get(c.author_id) or AuthorFacts(),
            reports=reports.get(c.pk, []),
            marks=[mark for note in c.review_notes for mark in note.get("marks", ())],
            waited=(c.moderated_at or now) - c.created_at,
        )
        for c in comments
    ]
