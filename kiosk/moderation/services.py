"""Writes on the desk's records: the word lists, each with its line in the audit log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosk import cacheversions

from . import words
from .models import KIND_NAMES, AuditEntry, WordListEntry
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
