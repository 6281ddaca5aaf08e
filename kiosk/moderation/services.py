"""Writes on the desk's records: word lists and blocks, each with its line in the audit log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiosk import cacheversions
from kiosk.comments import services as comment_services
from kiosk.comments.models import BANNED_WORDS_RULE, Comment
from kiosk.newsroom import formatting
from kiosk.security import reader_text

from . import words
from .models import KIND_NAMES, AuditEntry, AuthorNote, Block, QueueAlert, WordListEntry
from .selectors import WORDS_VERSION

# A pasted or uploaded list: enough for any newsroom's, small enough to check in one request.
MAX_LINES = 20_000
# Entries named in an audit line's summary; all of them are in its details.
AUDIT_SHOWN = 10


class ModerationError(Exception):
    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


def audit_record(
    *, actor, action: str, summary: str, now: datetime, reason: str = "", details=None
) -> AuditEntry:
    """Write one line of the audit log, in the caller's transaction: the action and its record stand or fall together."""
    return AuditEntry.objects.create(
        at=now,
        actor=actor,
        actor_name=(actor.get_username() if actor is not None else "") or "—",
        action=action,
        summary=summary,
        reason=reason,
        details=details or {},
    )


@dataclass
class ListedWords:
    """What became of a pasted list: new entries, ones already listed, lines refused and why."""

    added: list[WordListEntry] = field(default_factory=list)
    already_listed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def word_entries_add(
    *, lines: str, kind: str, moderator, note: str = "", now: datetime | None = None
) -> ListedWords:
    """List each line (a word or phrase) under ``kind``; blank lines and lines starting with # are skipped.

    Safe to send twice: an entry listed already (in any spelling that folds the same) is left as it is.
    """
    now = now or timezone.now()
    if kind not in {member.value for member in words.Kind}:
        raise ModerationError(_("Choose the list: banned or suspect."), code="kind")
    candidates = [line.strip() for line in lines.splitlines()]
    candidates = [line for line in candidates if line and not line.startswith("#")]
    if len(candidates) > MAX_LINES:
        raise ModerationError(
            _("A list may have at most %(count)d lines; split it.") % {"count": MAX_LINES}, code="too_long"
        )
    result = ListedWords()
    rows: dict[str, WordListEntry] = {}
    for line in candidates:
        try:
            found = words.pattern(line)
        except words.EntryError as error:
            result.refused.append((line, str(error)))
            continue
        folded = _stored_form(found)
        if folded in rows:
            result.already_listed.append(line)
            continue
        rows[folded] = WordListEntry(
            text=line, folded=folded, kind=kind, note=note[:200], added_by=moderator, added_at=now
        )
    with transaction.atomic():
        existing = set(
            WordListEntry.objects.filter(kind=kind, folded__in=list(rows)).values_list("folded", flat=True)
        )
        new = [row for folded, row in rows.items() if folded not in existing]
        result.already_listed += [row.text for folded, row in rows.items() if folded in existing]
        # Two moderators pasting the same list at once: the constraint keeps one of each.
        WordListEntry.objects.bulk_create(new, ignore_conflicts=True)
        result.added = new
        if new:
            cacheversions.bump(WORDS_VERSION)
            texts = [row.text for row in new]
            audit_record(
                actor=moderator,
                action=AuditEntry.Action.WORDS_LISTED,
                summary=_("%(count)d on the %(kind)s list: %(words)s")
                % {"count": len(texts), "kind": KIND_NAMES[kind], "words": ", ".join(texts[:AUDIT_SHOWN])}
                + (" …" if len(texts) > AUDIT_SHOWN else ""),
                now=now,
                reason=note,
                details={"kind": kind, "words": texts},
            )
    return result


def word_entries_remove(*, entry_ids: list[int], moderator, now: datetime | None = None) -> int:
    """Take entries off the lists; how many went."""
    now = now or timezone.now()
    with transaction.atomic():
        going = list(WordListEntry.objects.filter(pk__in=entry_ids).values_list("kind", "text"))
        removed, _detail = WordListEntry.objects.filter(pk__in=entry_ids).delete()
        if removed:
            cacheversions.bump(WORDS_VERSION)
            texts = [text for _kind, text in going]
            audit_record(
                actor=moderator,
                action=AuditEntry.Action.WORDS_REMOVED,
                summary=_("%(count)d off the lists: %(words)s")
                % {"count": removed, "words": ", ".join(texts[:AUDIT_SHOWN])}
                + (" …" if len(texts) > AUDIT_SHOWN else ""),
                now=now,
                details={"words": [{"kind": kind, "text": text} for kind, text in going]},
            )
    return removed


def _stored_form(found) -> str:
    return f"{'*' if found.open_start else ''}{found.folded}{'*' if found.open_end else ''}"


def reader_block(
    *,
    reader,
    moderator,
    reason: str,
    until: datetime | None = None,
    reject_waiting: bool = False,
    now: datetime | None = None,
) -> Block:
    """Keep a reader out of the debates (their comments, likes and reports are refused, with ``reason``).

    A block replaces the one standing, if any. ``reject_waiting`` rejects
    their comments still waiting for review, under the house rules, with
    the same reason. Staff are not blocked here: take their rights away.
    """
    now = now or timezone.now()
    reason = reader_text.clean(reason or "", multiline=True).strip()
    if not any(char.isalnum() for char in reason):
        raise ModerationError(_("Say why: the reader is shown the reason."), code="reason_required")
    if until is not None and until <= now:
        raise ModerationError(_("A block must end in the future, or not at all."), code="until_past")
    if reader.is_staff or reader.is_superuser:
        raise ModerationError(
            _("Staff accounts are not blocked here; change their rights instead."), code="staff"
        )
    with transaction.atomic():
        reader = get_user_model().objects.select_for_update().get(pk=reader.pk)
        Block.objects.filter(reader=reader, lifted_at__isnull=True).update(lifted_at=now, lifted_by=moderator)
        block = Block.objects.create(reader=reader, reason=reason, at=now, until=until, blocked_by=moderator)
        reader.blocked_at, reader.blocked_until, reader.block_reason = now, until, reason
        reader.save(update_fields=["blocked_at", "blocked_until", "block_reason"])
        rejected = 0
        if reject_waiting:
            for comment in Comment.objects.pending().by(reader):
                comment_services.comment_reject(
                    comment=comment,
                    moderator=moderator,
                    reason=BANNED_WORDS_RULE,
                    note=reason,
                    now=now,
                )
                rejected += 1
        audit_record(
            actor=moderator,
            action=AuditEntry.Action.READER_BLOCKED,
            summary=(
                _("%(reader)s blocked until %(until)s")
                % {"reader": reader.get_username(), "until": formatting.local_datetime(until)}
                if until
                else _("%(reader)s blocked") % {"reader": reader.get_username()}
            )
            + (
                ngettext(
                    "; %(count)d waiting comment rejected", "; %(count)d waiting comments rejected", rejected
                )
                % {"count": rejected}
                if rejected
                else ""
            ),
            reason=reason,
            now=now,
            details={
                "reader": reader.pk,
                "until": until.isoformat() if until else None,
                "rejected": rejected,
            },
        )
    return block


def reader_unblock(*, reader, moderator, now: datetime | None = None) -> bool:
    """Lift the reader's standing block; False if there was none."""
    now = now or timezone.now()
    with transaction.atomic():
        reader = get_user_model().objects.select_for_update().get(pk=reader.pk)
        lifted = Block.objects.filter(reader=reader, lifted_at__isnull=True).update(
            lifted_at=now, lifted_by=moderator
        )
        if reader.blocked_at is None and not lifted:
            return False
        reader.blocked_at, reader.blocked_until, reader.block_reason = None, None, ""
        reader.save(update_fields=["blocked_at", "blocked_until", "block_reason"])
        audit_record(
            actor=moderator,
            action=AuditEntry.Action.READER_UNBLOCKED,
            summary=_("%(reader)s may take part again") % {"reader": reader.get_username()},
            now=now,
            details={"reader": reader.pk},
        )
    return True


def queue_alert_set(*, moderator, wanted: bool, now: datetime | None = None) -> bool:
    """Switch a moderator's queue alerts on or off; whether they are on now. Safe to send twice."""
    if wanted:
        QueueAlert.objects.get_or_create(moderator=moderator, defaults={"since": now or timezone.now()})
    else:
        QueueAlert.objects.filter(moderator=moderator).delete()
    return wanted


# Decisions on comments: the comments' services, each with its line in the audit log ----------

# A bulk decision takes at most this many comments at once: each is its own decision (a mail
# to its author, a purge of its article); a larger queue is worked in several goes.
BULK_MAX = 200


def _about(comment: Comment) -> str:
    return _("comment %(id)d by %(author)s on «%(article)s»") % {
        "id": comment.pk,
        "author": comment.author.get_username() if comment.author_id else comment.author_name,
        "article": comment.article.title,
    }


def _comment_details(comment: Comment) -> dict:
    return {
        "comment": comment.pk,
        "article": comment.article_id,
        "author": comment.author.get_username() if comment.author_id else None,
    }


def decision_approve(*, comment: Comment, moderator, now: datetime | None = None) -> Comment:
    """Publish a comment (or keep one already published, its reports dismissed), logged."""
    now = now or timezone.now()
    with transaction.atomic():
        decided = comment_services.comment_approve(comment=comment, moderator=moderator, now=now)
        audit_record(
            actor=moderator,
            action=AuditEntry.Action.COMMENT_APPROVED,
            summary=_about(comment),
            now=now,
            details=_comment_details(comment),
        )
    return decided


def decision_reject(
    *, comment: Comment, moderator, reason: str, note: str = "", now: datetime | None = None
) -> Comment:
    """Reject a comment under a house rule, logged with the rule and the note."""
    now = now or timezone.now()
    with transaction.atomic():
        decided = comment_services.comment_reject(
            comment=comment, moderator=moderator, reason=reason, note=note, now=now
        )
        audit_record(
            actor=moderator,
            action=AuditEntry.Action.COMMENT_REJECTED,
            summary=_about(comment),
            reason=" – ".join(filter(None, [decided.rejection_text, decided.rejection_note])),
            now=now,
            details={**_comment_details(comment), "rule": decided.rejection_reason},
        )
    return decided


@dataclass
class BulkDecision:
    done: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (comment id, why)


def decisions_bulk(
    *, comments, moderator, approve: bool, reason: str = "", note: str = "", now: datetime | None = None
) -> BulkDecision:
    """Approve or reject up to BULK_MAX comments, each on its own: one refused (deleted meanwhile) stops no other."""
    now = now or timezone.now()
    comments = list(comments[: BULK_MAX + 1])
    if len(comments) > BULK_MAX:
        raise ModerationError(
            _("At most %(count)d comments at once; narrow the selection.") % {"count": BULK_MAX},
            code="too_many",
        )
    if not approve:
        # The reason is checked once, before anything is decided.
        comment_services.house_rule_for(reason=reason, note=note)
    result = BulkDecision()
    for comment in comments:
        try:
            if approve:
                decision_approve(comment=comment, moderator=moderator, now=now)
            else:
                decision_reject(comment=comment, moderator=moderator, reason=reason, note=note, now=now)
        except comment_services.CommentError as error:
            result.refused.append((comment.pk, error.message))
        else:
            result.done += 1
    return result


def comment_feature_set(
    *, comment: Comment, moderator, featured: bool, now: datetime | None = None
) -> Comment:
    """Feature a published comment in its article's top comments, or stop; logged when it changes."""
    now = now or timezone.now()
    with transaction.atomic():
        was = comment.is_featured
        changed = comment_services.comment_feature(
            comment=comment, moderator=moderator, featured=featured, now=now
        )
        if was != featured:
            audit_record(
                actor=moderator,
                action=AuditEntry.Action.COMMENT_FEATURED
                if featured
                else AuditEntry.Action.COMMENT_UNFEATURED,
                summary=_about(comment),
                now=now,
                details=_comment_details(comment),
            )
    return changed


def author_note_set(*, author, moderator, text: str, now: datetime | None = None) -> AuthorNote | None:
    """The moderators' note on an author, replaced; an empty text removes it. Logged."""
    now = now or timezone.now()
    text = reader_text.clean(text or "", multiline=True).strip()
    if len(text) > 1000:
        raise ModerationError(_("Please keep the note under 1000 characters."), code="too_long")
    with transaction.atomic():
        if text:
            note, _created = AuthorNote.objects.update_or_create(
                author=author, defaults={"text": text, "updated_at": now, "updated_by": moderator}
            )
        else:
            note = None
            if not AuthorNote.objects.filter(author=author).delete()[0]:
                return None
        audit_record(
            actor=moderator,
            action=AuditEntry.Action.AUTHOR_NOTED,
            summary=(_("note on %(author)s") if text else _("note on %(author)s removed"))
            % {"author": author.get_username()},
            reason=text,
            now=now,
            details={"author": author.pk},
        )
    return note


def settings_logged(*, moderator, action: str, summary: str, now: datetime | None = None) -> AuditEntry:
    """A change to the desk's settings (house rules, staffed hours) made in the admin's model views."""
    return audit_record(actor=moderator, action=action, summary=summary, now=now or timezone.now())
