"""The clock: enqueues each periodic task (KIOSK_PERIODIC_TASKS) on its interval.

The tasks API runs tasks, it does not schedule them, and the backends
schedule differently (RQ has a cron, the database backend has none). The
clock is one small loop that works with every backend: ``manage.py clock``
on its own, or ``manage.py worker --with-clock`` beside the worker (what
``make run`` starts). It keeps nothing that matters: restarted, it enqueues
every periodic task at once and then on the next boundary of its interval
(every minute on the minute). Two clocks at once, or a backlog after the
worker was down, only cost time: the periodic tasks are safe to run twice
and at the same time. While a task it enqueued still waits for a worker, it
enqueues no second one, so a stopped worker does not pile up a backlog.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import close_old_connections
from django.utils.module_loading import import_string
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

logger = logging.getLogger(__name__)


@dataclass
class Clock:
    schedule: dict[str, int]  # task path → seconds between runs
    next_at: dict[str, float] = field(default_factory=dict)
    waiting: dict[str, TaskResult] = field(default_factory=dict)

    def tick(self, now: float) -> list[str]:
        """Enqueue every task that is due at ``now`` (a Unix time); the paths enqueued."""
        enqueued = []
        for path, every in self.schedule.items():
            if now < self.next_at.get(path, now):
                continue
            self.next_at[path] = (now // every + 1) * every
            if self._still_waiting(path):
                logger.info("periodic task %s not enqueued: the last one still waits for a worker", path)
                continue
            try:
                self.waiting[path] = import_string(path).enqueue()
            except Exception:
                # The database may be locked or Redis away for a moment: the next tick tries again.
                logger.exception("could not enqueue periodic task %s", path)
            else:
                enqueued.append(path)
        return enqueued

    def _still_waiting(self, path: str) -> bool:
        result = self.waiting.get(path)
        if result is None or not result.task.get_backend().supports_get_result:
            return False
        try:
            result.refresh()
        except TaskResultDoesNotExist:
            return False
        return result.status == TaskResultStatus.READY

    def seconds_to_next(self, now: float) -> float:
        return max(0.0, min(self.next_at.values(), default=now + 60) - now)


def run(stop: threading.Event | None = None, *, clock: Callable[[], float] = time.time) -> None:
    """Tick until ``stop`` is set (never, when run as its own process)."""
    stop = stop or threading.Event()
    ticker = Clock(dict(settings.KIOSK_PERIODIC_TASKS))
    logger.info("clock started: %s", ", ".join(f"{p} every {s} s" for p, s in ticker.schedule.items()))
    while not stop.is_set():
        close_old_connections()
        ticker.tick(clock())
        close_old_connections()
        stop.wait(ticker.seconds_to_next(clock()))
