"""The desk's checks of every new comment (kiosk.comments.checks names the kinds of verdict).

Listed by name in ``KIOSK_COMMENT_CHECKS``, so comments runs them without importing this app.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import lru_cache

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiosk.comments import selectors as comment_selectors
from kiosk.comments.checks import Mark, Outcome, Submission, Verdict
from kiosk.comments.models import BANNED_WORDS_RULE
from kiosk.comments.rules import Pause
from kiosk.newsroom import formatting

from . import hours, publishing, queue, selectors, words

logger = logging.getLogger(__name__)


@lru_cache(maxsize=32)  # both word checks look at the same text with the same list: one pass
def _hits(word_list: words.WordList, text: str) -> tuple[words.Hit, ...]:
    return tuple(word_list.find(text))


def _found(submission: Submission, kind: words.Kind) -> list[words.Hit]:
    return [hit for hit in _hits(selectors.word_list(), submission.text) if hit.entry.kind is kind]


def _marks(hits: list[words.Hit]) -> tuple[Mark, ...]:
    return tuple(Mark(hit.start, hit.end, hit.entry.text) for hit in hits)


def _quoted(hits: list[words.Hit]) -> str:
    return ", ".join(dict.fromkeys(f"«{hit.found}»" for hit in hits))


def _unchecked(error: Exception) -> Verdict:
    # Never through unchecked, and never every comment flagged as if it held a listed word.
    logger.exception("Word lists could not be checked", exc_info=error)
    return Verdict(
        Outcome.HOLD, "words_unchecked", _("The word lists could not be checked: read the whole comment.")
    )


def banned_words(submission: Submission, *, now: datetime) -> Verdict | None:
    """A banned word or phrase: stored as rejected under the house rules, the author told which words."""
    try:
        hits = _found(submission, words.Kind.BANNED)
    except Exception as error:  # the list's rows or the cache unreachable
        return _unchecked(error)
    if not hits:
        return None
    return Verdict(
        Outcome.REJECT,
        "banned_words",
        _("Your comment uses words we do not publish: %(words)s.") % {"words": _quoted(hits)},
        reason=BANNED_WORDS_RULE,
        marks=_marks(hits),
    )


def suspect_words(submission: Submission, *, now: datetime) -> Verdict | None:
    """A suspect word or phrase: held for review, each one highlighted for the moderator."""
    try:
        hits = _found(submission, words.Kind.SUSPECT)
    except Exception as error:  # the same hold as banned_words': kept once (comments.checks.run)
        return _unchecked(error)
    if not hits:
        return None
    return Verdict(
        Outcome.HOLD,
        "suspect_words",
        _("Suspect words: %(words)s.") % {"words": _quoted(hits)},
        marks=_marks(hits),
    )


def publish_at_once(submission: Submission, *, now: datetime) -> Verdict | None:
    """Post-moderated articles, and trusted authors where the site lets them: published at once and
    reviewed afterwards (kiosk.moderation.publishing), unless another check holds the comment.

    The author's record costs a query, asked only where it can decide: under pre-moderation without
    trusted authors this check asks nothing of the database.
    """
    article, author = submission.article, submission.author
    inherited = comment_selectors.inherited_moderation(article)
    facts = publishing.Facts(
        mode=publishing.effective_mode(
            article=article.comment_moderation, section=inherited.section, site=inherited.site
        ),
        trusted_publish=inherited.trusted_publish,
        joined=author.date_joined,
    )
    thresholds = publishing.Thresholds.from_settings()
    if not publishing.needs_record(facts, now=now, thresholds=thresholds):
        return None
    record = selectors.author_record(author)
    reason = publishing.publish_reason(facts, record, now=now, thresholds=thresholds)
    if reason is None:
        return None
    if reason is publishing.Reason.POST_MODERATED:
        message = _("Published at once: comments on this article are reviewed after they appear.")
    else:
        message = ngettext(
            "Published at once: a trusted author (%(approved)d comment approved, none rejected lately).",
            "Published at once: a trusted author (%(approved)d comments approved, none rejected lately).",
            record.approved,
        ) % {"approved": record.approved}
    return Verdict(Outcome.PUBLISH, "published_at_once", message)


def blocked_reader(reader, *, now: datetime) -> Verdict | None:
    """A reader a moderator has blocked: every comment, like and report refused, with the reason and the end."""
    if reader is None or not reader.is_blocked(now=now):
        return None
    if reader.blocked_until is not None:
        message = _("Your account is blocked from the debates until %(until)s. Reason: %(reason)s") % {
            "until": formatting.local_datetime(reader.blocked_until),
            "reason": reader.block_reason,
        }
    else:
        message = _("Your account is blocked from the debates. Reason: %(reason)s") % {
            "reason": reader.block_reason
        }
    return Verdict(Outcome.REFUSE, "blocked", message, status=403)


def desk_pause(article, *, now: datetime) -> Pause | None:
    """Commenting pauses site-wide outside the staffed hours (comments.rules.Pause); None without any hours."""
    schedule = selectors.schedule()
    if hours.is_staffed(schedule, now=now):
        closes = hours.closing_time(schedule, now=now)
        return None if closes is None else Pause(paused=False, until=closes)
    opening = hours.next_opening(schedule, now=now)
    if opening is None:
        message = _("Commenting is closed while our moderators are away.")
    else:
        message = _("Commenting is closed while our moderators are away. It opens again at %(when)s.") % {
            "when": formatting.local_datetime(opening)
        }
    return Pause(paused=True, until=opening, code="desk_closed", message=message)


desk_pause.versions = (selectors.HOURS_VERSION,)
desk_pause.entries = (selectors.SCHEDULE_KEY,)


def back_pressure(article, *, now: datetime) -> Pause | None:
    """New comments pause while the queue is longer or older than the desk can take (KIOSK_BACK_PRESSURE_*).

    Site-wide, or only on the busiest articles (``KIOSK_BACK_PRESSURE_SCOPE``); it lifts by itself as the
    moderators catch up: the queue is looked at again every ``selectors.QUEUE_STATE_SECONDS``.
    """
    limits = queue.Limits.from_settings()
    if not limits.in_force:
        return None
    state = selectors.queue_state(now=now)
    if not queue.is_overloaded(state, limits, now=now):
        return None
    if limits.busiest_only and article.pk not in state.busiest:
        return None
    wait = state.expected_wait
    message = _("Commenting pauses while our moderators catch up with the comments already sent.")
    if wait:
        message += " " + _("Please try again in about %(wait)s.") % {"wait": formatting.duration(wait)}
    # Until the queue is looked at again: a shared page must not say paused for longer.
    return Pause(paused=True, until=now + selectors.QUEUE_STATE_LIFETIME, code="desk_busy", message=message)


# Read with the article a comment is for, in one round trip (kiosk.comments.checks.read_with_article).
banned_words.versions = suspect_words.versions = (selectors.WORDS_VERSION,)
