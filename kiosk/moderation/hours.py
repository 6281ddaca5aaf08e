"""Staffed hours: when the desk reads comments, and so when readers may write them.

The newsroom's week (spans per weekday, Europe/Zurich) with exceptions for
given dates (a holiday closed all day, an election night staffed longer).
Plain functions of a ``Schedule`` and ``now``: no database, no clock, so the
rules are tested at any instant, the nights the clocks change included.
A schedule without a single span means no staffed hours: always open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

NEWSROOM_TZ = ZoneInfo("Europe/Zurich")
# How far ahead to look for the next opening: past any run of holidays.
LOOKAHEAD_DAYS = 31


@dataclass(frozen=True)
class Span:
    """From ``opens`` to ``closes`` on one day; ``closes`` at 00:00 means midnight, the day's end."""

    opens: time
    closes: time

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, self.opens, NEWSROOM_TZ)
        end_day = day + timedelta(days=1) if self.closes == time(0) else day
        return start, datetime.combine(end_day, self.closes, NEWSROOM_TZ)


@dataclass(frozen=True)
class Schedule:
    week: dict[int, tuple[Span, ...]] = field(default_factory=dict)  # weekday (Monday 0) → spans
    exceptions: dict[date, tuple[Span, ...]] = field(
        default_factory=dict
    )  # a date → its spans (none: closed)

    def spans_on(self, day: date) -> tuple[Span, ...] | None:
        """The day's spans; None when nothing limits it (no weekly hours and no exception): open all day."""
        if day in self.exceptions:
            return self.exceptions[day]
        return self.week.get(day.weekday(), ()) if self.week else None


def _local_day(now: datetime) -> date:
    return now.astimezone(NEWSROOM_TZ).date()


def _bounds(schedule: Schedule, day: date) -> list[tuple[datetime, datetime]] | None:
    spans = schedule.spans_on(day)
    return None if spans is None else [span.bounds(day) for span in spans]


def is_staffed(schedule: Schedule, *, now: datetime) -> bool:
    """Whether the desk is staffed at ``now`` (always, where the schedule sets no hours)."""
    # Only today's spans count: one that runs to midnight yesterday ended at today's start. They
    # are compared as instants, so a 02:00–03:00 span on the night the clocks jump is empty.
    bounds = _bounds(schedule, _local_day(now))
    return bounds is None or any(start <= now < end for start, end in bounds)


def next_opening(schedule: Schedule, *, now: datetime) -> datetime | None:
    """When the desk opens next after ``now`` (``now`` itself when staffed); None if not within a month."""
    if is_staffed(schedule, now=now):
        return now
    today = _local_day(now)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + timedelta(days=offset)
        bounds = _bounds(schedule, day)
        if bounds is None:  # a day nothing limits opens at its first instant
            return datetime.combine(day, time(0), NEWSROOM_TZ)
        for start in sorted(start for start, end in bounds if start > now):
            return start
    return None


def closing_time(schedule: Schedule, *, now: datetime) -> datetime | None:
    """When the span that is open at ``now`` ends; None when the desk is closed or no hours limit the day."""
    for start, end in _bounds(schedule, _local_day(now)) or ():
        if start <= now < end:
            return end
    return None
