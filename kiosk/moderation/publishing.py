"""Post-moderation and trusted authors: whether a new comment may be published at once, reviewed afterwards.

Plain rules of facts and ``now``; ``checks.publish_at_once`` gathers the facts. The
article's moderation mode wins over its section's, the section's over the site's.
Authors whose account is new, or who had a comment rejected lately, always wait
for review. Where the site allows it, trusted authors publish at once even where
comments are reviewed first. Whatever these rules say, a comment another check
holds waits for review, and a rejection stays one (kiosk.comments.checks.run).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from kiosk.newsroom.models import ModerationMode

effective_mode = ModerationMode.effective


@dataclass(frozen=True)
class Thresholds:
    new_author: timedelta  # an account younger than this always waits for review
    clean: timedelta  # a rejection within this time, and the author waits for review
    min_approved: int  # a trusted author has at least this many comments a moderator approved
    min_account_age: timedelta  # and an account older than this

    @classmethod
    def from_settings(cls) -> Thresholds:
        return cls(
            new_author=timedelta(days=settings.KIOSK_NEW_AUTHOR_DAYS),
            clean=timedelta(days=settings.KIOSK_TRUSTED_CLEAN_DAYS),
            min_approved=settings.KIOSK_TRUSTED_MIN_APPROVED,
            min_account_age=timedelta(days=settings.KIOSK_TRUSTED_MIN_ACCOUNT_DAYS),
        )


@dataclass(frozen=True)
class Facts:
    """What is known of a comment before anything is looked up: no query."""

    mode: ModerationMode  # the article's, as effective_mode() has it
    trusted_publish: bool  # the site lets trusted authors publish at once
    joined: datetime  # when the author's account was made


@dataclass(frozen=True)
class AuthorRecord:
    """The desk's decisions on an author's comments (kiosk.moderation.selectors.author_record)."""

    approved: int  # published comments a moderator approved
    last_rejection: datetime | None  # by a moderator or the checks


class Reason(enum.StrEnum):
    POST_MODERATED = "post_moderated"
    TRUSTED_AUTHOR = "trusted_author"


def is_new_author(joined: datetime, *, now: datetime, thresholds: Thresholds) -> bool:
    return now - joined < thresholds.new_author


def needs_record(facts: Facts, *, now: datetime, thresholds: Thresholds) -> bool:
    """Whether the author's record could let the comment skip the queue; where not, it is not looked up
    (pre-moderation without trusted authors, a new author)."""
    if facts.mode != ModerationMode.POST and not facts.trusted_publish:
        return False
    return not is_new_author(facts.joined, now=now, thresholds=thresholds)


def publish_reason(
    facts: Facts, record: AuthorRecord | None, *, now: datetime, thresholds: Thresholds
) -> Reason | None:
    """Why the comment may be published at once, or None: it waits for review.

    ``record`` may be None where needs_record() says it is not needed; then the comment waits.
    """
    if record is None or not needs_record(facts, now=now, thresholds=thresholds):
        return None
    # "In the last 90 days" includes a rejection exactly 90 days ago.
    if record.last_rejection is not None and now - record.last_rejection <= thresholds.clean:
        return None
    if facts.mode == ModerationMode.POST:
        return Reason.POST_MODERATED
    if record.approved >= thresholds.min_approved and now - facts.joined > thresholds.min_account_age:
        return Reason.TRUSTED_AUTHOR
    return None
