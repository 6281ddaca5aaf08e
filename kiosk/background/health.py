"""Is this process ready for readers: its database, its Redis and a task worker that runs tasks.

``/healthz`` says only that the process answers (a load balancer restarts it when not);
``/readyz`` checks what it needs to serve and to get background work done (a load
balancer stops sending it readers while one fails). Each check says what it found in
words an operator reads in a monitor; none says where (no hosts, no error text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, connection

from .models import WORKER, Heartbeat


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def heartbeat_check(beat_at: datetime | None, *, now: datetime, max_age: int) -> Check:
    """The worker is alive when its last heartbeat is at most ``max_age`` seconds old."""
    if beat_at is None:
        return Check("worker", False, "no heartbeat yet")
    age = max(0, int((now - beat_at).total_seconds()))
    if age > max_age:
        return Check("worker", False, f"last heartbeat {age} s ago (limit {max_age} s)")
    return Check("worker", True, f"last heartbeat {age} s ago")


def database_check() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return Check("database", False, "unreachable")
    return Check("database", True, connection.vendor)


def redis_check() -> Check | None:
    """None where Kiosk runs without Redis (the embedded default)."""
    if not settings.REDIS_URL:
        return None
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_timeout=settings.KIOSK_HEALTH_TIMEOUT,
            socket_connect_timeout=settings.KIOSK_HEALTH_TIMEOUT,
        )
        try:
            client.ping()
        finally:
            client.close()
    except redis.RedisError:
        return Check("redis", False, "unreachable")
    return Check("redis", True, "answers")


def worker_check(*, now: datetime) -> Check:
    try:
        beat_at = Heartbeat.objects.filter(name=WORKER).values_list("beat_at", flat=True).first()
    except DatabaseError:
        return Check("worker", False, "unknown: the database is unreachable")
    return heartbeat_check(beat_at, now=now, max_age=settings.KIOSK_HEARTBEAT_MAX_AGE)


def readiness(*, now: datetime) -> list[Check]:
    checks = [database_check(), redis_check(), worker_check(now=now)]
    return [check for check in checks if check is not None]
