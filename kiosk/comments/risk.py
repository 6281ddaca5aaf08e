"""How urgently the desk should look at a comment: a score from 0 to 100, highest first in the queue.

The score adds up what moderators look at first:

- open reports, each weighed by its reporter's record: a reader whose reports were
  mostly upheld counts up to twice, one whose reports were mostly dismissed half;
- suspect words and too many links the checks noted (kiosk.comments.checks);
- the author's record: the share of their comments a moderator rejected in the last
  ``RECORD_DAYS`` (a guess of one in three with fewer than ``RECORD_MIN`` decisions and a
  rejection among them);
- a new account.

Equal scores go oldest first. The score is stored on the comment (``Comment.risk``) and
worked out again whenever one of its parts changes: when it is written or edited, reported,
and when a moderator decides on another comment of the same author, so the queue
orders by an indexed column instead of summing per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

REPORT_POINTS = 15
REPORTS_MAX = 45
HIT_POINTS = 10
HITS_MAX = 30
LINKS_POINTS = 10
RECORD_POINTS = 25
RECORD_DAYS = 90
RECORD_MIN = 3
FEW_RECORD_POINTS = round(RECORD_POINTS / 3)  # a rejection among fewer than RECORD_MIN decisions
NEW_ACCOUNT_POINTS = {timedelta(days=7): 15, timedelta(days=30): 5}
# Reports a reader must have had decided before their record weighs their next ones.
REPORTER_MIN = 3


@dataclass(frozen=True)
class Facts:
    report_weights: Sequence[float] = ()
    suspect_hits: int = 0
    too_many_links: bool = False
    author_decided: int = 0  # their comments a moderator decided on in the last RECORD_DAYS
    author_rejected: int = 0
    author_joined: datetime | None = None  # None: a deleted account


def score(facts: Facts, *, now: datetime) -> int:
    reports = min(REPORTS_MAX, round(REPORT_POINTS * sum(facts.report_weights)))
    words = min(HITS_MAX, HIT_POINTS * facts.suspect_hits)
    links = LINKS_POINTS if facts.too_many_links else 0
    return min(100, reports + words + links + record_points(facts) + account_points(facts, now=now))


def record_points(facts: Facts) -> int:
    # Integer arithmetic rounding halves up, as the SQL of selectors.risk_with_record does.
    if facts.author_decided >= RECORD_MIN:
        return (2 * RECORD_POINTS * facts.author_rejected + facts.author_decided) // (
            2 * facts.author_decided
        )
    return FEW_RECORD_POINTS if facts.author_rejected else 0


def account_points(facts: Facts, *, now: datetime) -> int:
    if facts.author_joined is None:
        return 0
    age = now - facts.author_joined
    return next((points for within, points in NEW_ACCOUNT_POINTS.items() if age < within), 0)


def reporter_weight(*, upheld: int, dismissed: int) -> float:
    """From 0.5 (reports mostly dismissed) to 2 (mostly upheld); 1 until enough were decided."""
    decided = upheld + dismissed
    if decided < REPORTER_MIN:
        return 1.0
    return 0.5 + 1.5 * upheld / decided


def from_notes(notes: Sequence[dict]) -> tuple[int, bool]:
    """(suspect hits, too many links) as the checks noted them on the comment."""
    hits = sum(len(note.get("marks", ())) for note in notes if note.get("code") == "suspect_words")
    return hits, any(note.get("code") == "too_many_links" for note in notes)
