"""Reads for the desk: the compiled word list, the staffed hours, a reader's blocks."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Min

from kiosk import cacheversions
from kiosk.comments import selectors as comment_selectors
from kiosk.comments.models import Comment

from . import hours, queue, words
from .models import Block, StaffedException, StaffedSpan, WordListEntry

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
