"""What a new comment passes before it is stored: checks, each a plain function of the submission and ``now``.

``KIOSK_COMMENT_CHECKS`` names them in the order they run, the one place a
newsroom extends: apps above comments (the moderation desk) add theirs there
by name, so comments imports none of them. A check answers None (nothing to
say) or a Verdict:

- refuse: nothing is stored, the reader is told why (the window is closed);
- reject: stored as rejected with a house-rule reason the author sees (banned words);
- hold:   stored for review with the reason noted for the moderators
          (suspect words, too many links); every hold is kept, in order;
- publish: may be published at once, reviewed afterwards (post-moderation,
          trusted authors), unless another check holds or rejects it: the
          list goes on, and any hold wins.

The first refusal or rejection ends the list. The same text again from the
same author is refused last, by the insert itself (``services.comment_submit``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import text as comment_text
from .rules import WindowState
from .selectors import article_comment_window, named_in_settings, pause_hooks


class Outcome(enum.StrEnum):
    REFUSE = "refuse"
    REJECT = "reject"
    HOLD = "hold"
    PUBLISH = "publish"


@dataclass(frozen=True)
class Submission:
    """A comment as sent, its text already normalised and within the length allowed."""

    article: object
    author: object
    text: str
    parent: object | None = None


@dataclass(frozen=True)
class Mark:
    """A stretch of the text a check points at (``start``/``end`` index the text), and why."""

    start: int
    end: int
    label: str  # the list entry it matched, for the moderator

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label}


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    code: str  # stable, for clients and the queue: "comments_closed", "suspect_words"
    message: str  # for the reader (refuse, reject) or the moderators (hold)
    status: int = 403  # a refusal's HTTP status
    reason: str = ""  # a rejection's house-rule reason
    marks: Sequence[Mark] = field(default_factory=tuple)

    def as_note(self) -> dict:
        """What is stored with the comment: enough for the queue to say and show why."""
        return {"code": self.code, "message": self.message, "marks": [m.as_dict() for m in self.marks]}


Check = Callable[..., Verdict | None]


def configured_checks() -> tuple[Check, ...]:
    return named_in_settings("KIOSK_COMMENT_CHECKS")


def reader_refusal(reader, *, now: datetime) -> Verdict | None:
    """The first refusal of ``KIOSK_READER_CHECKS`` for a reader about to comment, like or report, if any.

    These look at the reader, not at what they wrote (a block): every one of
    their writes asks them, so the desk's refusals hold for likes and reports too.
    """
    for check in named_in_settings("KIOSK_READER_CHECKS"):
        if (verdict := check(reader, now=now)) is not None:
            return verdict
    return None


def read_with_article() -> dict[str, tuple[str, ...]]:
    """What the checks and pauses read from the shared cache, fetched with a write's article in one round trip:
    ``also`` their versions (a check's ``versions``), ``also_entries`` their entries (``entries``)."""
    readers = (*configured_checks(), *pause_hooks())
    return {
        "also": tuple(dict.fromkeys(name for r in readers for name in getattr(r, "versions", ()))),
        "also_entries": tuple(dict.fromkeys(key for r in readers for key in getattr(r, "entries", ()))),
    }


@dataclass(frozen=True)
class Result:
    """Every check's say: the refusal or rejection that ended the list, if any, the holds before it,
    and the first leave to publish at once (``publishing``, its note saying why)."""

    final: Verdict | None
    holds: tuple[Verdict, ...]
    publishing: Verdict | None = None

    @property
    def publish(self) -> bool:
        """Published at once: a check said it may be, and none held or rejected it."""
        return self.publishing is not None and not self.holds and self.final is None


def run(submission: Submission, *, now: datetime, checks: Sequence[Check] | None = None) -> Result:
    holds = []
    publishing = None
    for check in configured_checks() if checks is None else checks:
        verdict = check(submission, now=now)
        if verdict is None:
            continue
        if verdict.outcome is Outcome.HOLD:
            if all(hold.code != verdict.code for hold in holds):  # two checks may hold for one cause
                holds.append(verdict)
        elif verdict.outcome is Outcome.PUBLISH:
            publishing = publishing or verdict  # a check after it may still hold the comment
        else:
            return Result(verdict, tuple(holds), publishing)
    return Result(None, tuple(holds), publishing)


# Comments' own checks ----------------------------------------------------------


def window(submission: Submission, *, now: datetime) -> Verdict | None:
    """The article's comment window is open."""
    return window_refusal(article_comment_window(submission.article, now=now))


def window_refusal(state) -> Verdict | None:
    """Why a window (kiosk.comments.rules.CommentWindow) takes no comment, if it does not."""
    if state.is_open:
        return None
    if state.state is WindowState.OFF:
        return Verdict(Outcome.REFUSE, "comments_off", _("This article does not take comments."))
    if state.state is WindowState.UNPUBLISHED:
        return Verdict(Outcome.REFUSE, "not_published", _("This article is not published."))
    if state.state is WindowState.PAUSED:
        return Verdict(Outcome.REFUSE, state.pause.code, state.pause.message)
    return Verdict(
        Outcome.REFUSE,
        "comments_closed",
        _("Commenting on this article is closed. Existing comments stay readable."),
    )


def links(submission: Submission, *, now: datetime) -> Verdict | None:
    """More addresses than ``KIOSK_COMMENT_MAX_LINKS``: held for a moderator to look at (spam often is)."""
    found = list(comment_text.URL.finditer(submission.text))
    allowed = settings.KIOSK_COMMENT_MAX_LINKS
    if len(found) <= allowed:
        return None
    return Verdict(
        Outcome.HOLD,
        "too_many_links",
        ngettext(
            "%(count)d links (more than %(allowed)d).", "%(count)d links (more than %(allowed)d).", len(found)
        )
        % {"count": len(found), "allowed": allowed},
        marks=tuple(Mark(m.start(), m.end(), _("link")) for m in found),
    )
