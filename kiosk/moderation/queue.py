"""Back-pressure: when the queue is longer or older than the desk can take, new comments pause.

Plain rules of the queue's state, the limits and ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings


@dataclass(frozen=True)
class QueueState:
    """What back-pressure looks at, read from the database at most every few seconds."""

    pending: int
    oldest_pending_at: datetime | None
    busiest: tuple[int, ...]  # the articles with the most comments waiting, busiest first
    expected_wait: timedelta | None  # the typical time to a decision lately


@dataclass(frozen=True)
class Limits:
    max_pending: int  # 0: no limit
    max_wait: timedelta | None  # None: no limit
    busiest_only: bool

    @property
    def in_force(self) -> bool:
        return bool(self.max_pending) or self.max_wait is not None

    @classmethod
    def from_settings(cls) -> Limits:
        minutes = settings.KIOSK_BACK_PRESSURE_MAX_WAIT_MINUTES
        return cls(
            max_pending=settings.KIOSK_BACK_PRESSURE_MAX_PENDING,
            max_wait=timedelta(minutes=minutes) if minutes else None,
            busiest_only=settings.KIOSK_BACK_PRESSURE_SCOPE == "busiest",
        )


def is_overloaded(state: QueueState, limits: Limits, *, now: datetime) -> bool:
    """More comments waiting than allowed, or the oldest waiting longer than allowed."""
    if limits.max_pending and state.pending >= limits.max_pending:
        return True
    return bool(
        limits.max_wait is not None
        and state.oldest_pending_at is not None
        and now - state.oldest_pending_at > limits.max_wait
    )
