"""Rate limits on readers' writes, per account and per IP address.

Fixed windows counted in the default cache: Redis when REDIS_URL is set, so
every server process shares the counts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext


@dataclass
class RateLimited(Exception):  # noqa: N818 (named for what the reader hit)
    action: str
    retry_after: int

    @property
    def message(self) -> str:
        return ngettext(
            "You are going too fast. Please wait %(seconds)d second and try again.",
            "You are going too fast. Please wait %(seconds)d seconds and try again.",
            self.retry_after,
        ) % {"seconds": self.retry_after}

    def __str__(self) -> str:
        return self.message


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/60" is five per sixty seconds."""
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(action: str, *, user_id: int | None, ip: str | None, now: float | None = None) -> None:
    """Count one attempt; raise RateLimited when the account or the address is over its limit."""
    if not settings.KIOSK_RATE_LIMITS_ENABLED:
        return
    now = time.time() if now is None else now
    limits = settings.KIOSK_RATE_LIMITS[action]
    for scope, ident in (("user", user_id), ("ip", ip)):
        if ident is None or scope not in limits:
            continue
        allowed, seconds = parse_rate(limits[scope])
        window = int(now // seconds)
        key = f"ratelimit:{action}:{scope}:{ident}:{window}"
        cache.add(key, 0, seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds + 1)
            count = 1
        if count > allowed:
            raise RateLimited(action, retry_after=max(1, int((window + 1) * seconds - now)))


def hit_request(action: str, request) -> None:
    user = getattr(request, "user", None)
    hit(action, user_id=user.pk if user and user.is_authenticated else None, ip=client_ip(request))
