"""The debate under an article: rendered once, shared by every reader of one kind.

The published part of a comment section (the count, the window, the top
comments, one page of the thread in one order) looks the same to every
anonymous reader and, apart from a few controls, to every logged-in one. It
is rendered once per article, debate version, kind of reader, window, order,
page, language and path, and kept in the shared cache. A logged-in reader's
page is the shared HTML with only their own part put in: the notice of their
newly published comments, their unpublished comments, the like and report
controls of the comments they liked, reported or wrote, and their CSRF token.

The debate version is bumped (kiosk.cacheversions) by whatever changes what
the shared HTML shows: a decision, a withdrawal, a like, an author's new name
or picture, an account deletion (all through ``debate_changed``). The window,
which changes with the clock, is part of the key instead.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import string
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from kiosk import cacheversions
from kiosk.pagecache.fragments import FRAGMENT_SECONDS
from kiosk.pagecache.http import limit_lifetime, logged_in_reader

from . import selectors
from .models import Comment, Report
from .rules import CommentWindow

ACTIONS_TEMPLATE = "comments/includes/comment_actions.html"
# One entry per reader and article they open: shorter-lived than the shared debate.
READER_PART_SECONDS = 10 * 60


def debate_version_name(article_id: int) -> str:
    return f"debate:{article_id}"


def debate_changed(article_id: int) -> None:
    """Retire every shared rendering of the article's debate in every process, now and on commit."""
    cacheversions.bump(debate_version_name(article_id))


def reader_version_name(reader_id: int) -> str:
    return f"debate-reader:{reader_id}"


def reader_changed(reader_id: int | None) -> None:
    """The reader wrote, liked or reported, or a decision fell on their comment: retire their part."""
    if reader_id is not None:
        cacheversions.bump(reader_version_name(reader_id))


@dataclass(frozen=True)
class ReaderPart:
    marks: selectors.ReaderMarks
    own: selectors.OwnComments


def _reader_part(article, reader) -> ReaderPart:
    """What the reader did here, from the cache: read on every page they open, changed rarely."""
    (version,) = cacheversions.current(reader_version_name(reader.pk))
    key = f"comments:reader-part:{reader.pk}:{article.pk}:{version}"
    part = cache.get(key)
    if part is None:
        part = ReaderPart(selectors.reader_marks(article, reader), selectors.own_comments(article, reader))
        cache.set(key, part, READER_PART_SECONDS)
    return part


@dataclass(frozen=True)
class ReaderKind:
    """All the shared HTML may know about who reads it."""

    is_authenticated: bool


ANONYMOUS, LOGGED_IN = ReaderKind(False), ReaderKind(True)


# What a reader may have done to a comment, as far as its controls show it.
PLAIN, LIKED, REPORTED, LIKED_AND_REPORTED, OWN = "plain", "liked", "reported", "liked-reported", "own"
STATES = {
    PLAIN: {},
    LIKED: {"liked_by_reader": True},
    REPORTED: {"reported_by_reader": True},
    LIKED_AND_REPORTED: {"liked_by_reader": True, "reported_by_reader": True},
    OWN: {"is_own": True},
}
# The controls are rendered once per state for a comment with these values, then
# copied for each comment (its id in URLs and anchors, its count): thirty comments
# cost ten renders, and a reader who liked many costs none.
SAMPLE_ID, SAMPLE_COUNT = 987654321, "kiosklikecount"


def _actions_of(controls: str, pk: int, like_count: int) -> str:
    return controls.replace(str(SAMPLE_ID), str(pk)).replace(SAMPLE_COUNT, str(like_count))


class Slot(NamedTuple):
    """A stretch of the shared HTML (``html[start:end]``) that a logged-in reader's own part replaces.

    For "notice" and "own" it is empty: the part goes in at ``start``. For
    "actions" it holds the controls of a comment as a reader who has not
    touched it sees them. A named tuple, and the controls left in the one
    string, because every logged-in page unpickles a slot for every comment.
    """

    part: str  # "notice", "own" or "actions"
    start: int
    end: int
    pk: int | None = None
    author_id: int | None = None
    like_count: int = 0
    in_top: bool = False


@dataclass(frozen=True)
class SharedDebate:
    """The shared HTML, its slots in order, and the stand-in for the reader's CSRF token."""

    html: str
    slots: tuple[Slot, ...]
    csrf: str
    # (in the top comments?, state) → the controls of the sample comment.
    controls: dict[tuple[bool, str], str]


class _SharedRender:
    """Put in the template context as ``debate``: the tags in the template mark their slots with it."""

    def __init__(self, reader: ReaderKind) -> None:
        self.reader = reader
        # Unguessable and without digits, so no comment text can pose as a mark or a token
        # and no sample id can be found in one.
        self.nonce = "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
        self.csrf = f"kiosk{self.nonce}csrf" if reader.is_authenticated else ""
        self.slots: list[Slot] = []
        self.controls: dict[tuple[bool, str], str] = {}

    def _mark(self, edge: str, index: int) -> str:
        return f"kiosk{self.nonce}{edge}{index}end"

    def _open(self, slot: Slot) -> str:
        self.slots.append(slot)
        return self._mark("slot", len(self.slots) - 1)

    def reader_part(self, part: str) -> str:
        return mark_safe(self._open(Slot(part, 0, 0))) if self.reader.is_authenticated else ""

    def _render_controls(self, context, in_top: bool) -> None:
        states = STATES if self.reader.is_authenticated else {PLAIN: {}}
        flat = context.flatten()
        for state, flags in states.items():
            sample = {"pk": SAMPLE_ID, "anchor": f"comment-{SAMPLE_ID}", "like_count": SAMPLE_COUNT, **flags}
            controls = render_to_string(ACTIONS_TEMPLATE, {**flat, "comment": sample, "in_top": in_top})
            self.controls[in_top, state] = controls

    def comment_actions(self, context, comment: Comment) -> str:
        in_top = bool(context.get("in_top"))
        if (in_top, PLAIN) not in self.controls:
            self._render_controls(context, in_top)
        plain = _actions_of(self.controls[in_top, PLAIN], comment.pk, comment.like_count)
        if not self.reader.is_authenticated:
            return mark_safe(plain)
        slot = Slot("actions", 0, 0, comment.pk, comment.author_id, comment.like_count, in_top)
        opened = self._open(slot)
        return mark_safe(f"{opened}{plain}{self._mark('stop', len(self.slots) - 1)}")

    def finish(self, html: str) -> SharedDebate:
        """Take the marks out, noting where each slot starts and ends in what is left."""
        clean: list[str] = []
        length = 0
        slots = list(self.slots)
        pieces = re.split(f"kiosk{self.nonce}(slot|stop)(\\d+)end", html)
        for i in range(0, len(pieces), 3):
            clean.append(pieces[i])
            length += len(pieces[i])
            if i + 1 < len(pieces):
                edge, index = pieces[i + 1], int(pieces[i + 2])
                if edge == "slot":
                    slots[index] = slots[index]._replace(start=length, end=length)
                else:
                    slots[index] = slots[index]._replace(end=length)
        return SharedDebate(
            html="".join(clean),
            slots=tuple(slots),
            csrf=self.csrf,
            controls=self.controls if self.reader.is_authenticated else {},
        )


def _page_number(article, version: int, raw: str | None) -> int:
    """The thread page a ``?page=`` shows, as Django's Paginator.get_page would pick it."""
    if raw in (None, "", "1"):
        return 1
    try:
        number = int(raw)
    except ValueError:
        return 1
    # One small entry per debate version, so that a page beyond the last is one key, not one per number.
    key = f"comments:thread-pages:{article.pk}:{version}"
    pages = cache.get(key)
    if pages is None:
        pages = selectors.thread_pages(article)
        cache.set(key, pages, FRAGMENT_SECONDS)
    return number if 1 <= number <= pages else pages


def _context(*, section, window: CommentWindow, reader: ReaderKind, path: str, csrf: str) -> dict:
    context = {
        "section": section,
        "window": window,
        "reader": reader,
        "article_path": path,
        "report_reasons": Report.Reason.choices,
    }
    if csrf:
        context["csrf_token"] = csrf
    return context


def shared_debate(
    article, *, reader: ReaderKind, window: CommentWindow, sort, page, path: str
) -> SharedDebate:
    """The shared HTML from the cache, rendered from the rows on a miss."""
    # The version is read before the rows (kiosk.cacheversions).
    (version,) = cacheversions.current(debate_version_name(article.pk))
    sort = selectors.parse_sort(sort)
    number = _page_number(article, version, page)
    closes = window.closes_at.timestamp() if window.closes_at else None
    changes = window.changes_at.timestamp() if window.changes_at else None  # a pause says until when
    post_moderated = selectors.published_at_once(article)
    parts = (
        article.pk,
        version,
        reader.is_authenticated,
        window.state,
        closes,
        changes,
        window.hours,
        sort,
        number,
        post_moderated,
    )
    raw = "|".join(map(str, (*parts, translation.get_language(), path)))
    key = f"comments:debate:{article.pk}:{hashlib.md5(raw.encode()).hexdigest()}"
    shared = cache.get(key)
    if shared is None:
        render = _SharedRender(reader)
        section = selectors.published_debate(article, window=window, sort=sort, page=number)
        context = _context(section=section, window=window, reader=reader, path=path, csrf=render.csrf)
        context["post_moderated"] = post_moderated
        shared = render.finish(
            render_to_string("comments/comment_section.html", {**context, "debate": render})
        )
        cache.set(key, shared, FRAGMENT_SECONDS)
    return shared


def _what_reader_did(slot: Slot, marks: selectors.ReaderMarks, reader) -> str:
    if slot.author_id == reader.pk:
        return OWN
    liked, reported = slot.pk in marks.liked, slot.pk in marks.reported
    if liked and reported:
        return LIKED_AND_REPORTED
    return LIKED if liked else REPORTED if reported else PLAIN


def _reader_html(shared: SharedDebate, *, article, reader, window: CommentWindow, path: str, now) -> str:
    """The shared HTML with this reader's own part in its gaps."""
    part = _reader_part(article, reader)
    marks, own = part.marks, part.own
    context = _context(section=None, window=window, reader=LOGGED_IN, path=path, csrf=shared.csrf)

    def fill(slot: Slot) -> str | None:
        """The reader's own part for the slot, or None where the shared HTML shows it already."""
        if slot.part == "notice":
            if not own.newly_published:
                return ""
            notice = {
                "newly_published": own.newly_published,
                "more_published": own.more_newly_published,
                "article_id": article.pk,
            }
            return render_to_string("comments/includes/decisions_notice.html", {**context, **notice})
        if slot.part == "own":
            waiting = selectors.typical_waiting_time(now=now) if own.unpublished else None
            unpublished = {
                "own_unpublished": own.unpublished,
                "more_unpublished": own.more_unpublished,
                "waiting_time": waiting,
            }
            return render_to_string("comments/includes/own_comments.html", {**context, **unpublished})
        done = _what_reader_did(slot, marks, reader)
        if done == PLAIN:
            return None
        return _actions_of(shared.controls[slot.in_top, done], slot.pk, slot.like_count)

    html, pieces, position = shared.html, [], 0
    for slot in shared.slots:
        own_part = fill(slot)
        if own_part is not None:
            pieces += [html[position : slot.start], own_part]
            position = slot.end
    pieces.append(html[position:])
    return "".join(pieces)


def debate_html(request, article, *, csrf_token=None) -> SafeString:
    """The article's comment section for this request; empty where the article takes no comments.

    ``csrf_token``: the page's own (a template's context has one), so the page masks one token, not two.
    """
    now = timezone.now()
    window = selectors.article_comment_window(article, now=now)
    if window.changes_at is not None:
        # A shared copy of the page must not offer the form after the window closes or pauses,
        # nor say it is paused once it has opened again.
        limit_lifetime(request, (window.changes_at - now).total_seconds())
    if not window.shows_comments:
        return mark_safe("")
    reader = logged_in_reader(request)
    kind = LOGGED_IN if reader else ANONYMOUS
    sort, page = request.GET.get("sort"), request.GET.get("page")
    shared = shared_debate(article, reader=kind, window=window, sort=sort, page=page, path=request.path)
    if reader is None:
        return mark_safe(shared.html)
    html = _reader_html(shared, article=article, reader=reader, window=window, path=request.path, now=now)
    return mark_safe(html.replace(shared.csrf, str(csrf_token or get_token(request))))
