"""Rate limits on what clients do, per account, per address or per any key.

Fixed windows counted in the default cache: Redis when REDIS_URL is set, so
every server process shares the counts. A limit is configured as
``"<count>/<seconds>"`` in ``KIOSK_RATE_LIMITS[action][scope]``.

Only what happened counts: a write the rules refuse (a closed comment
window, a blocked action, bad input) gives its attempt back, so a reader
who hits a refusal has not used up their allowance.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext

from .clientip import client_ip, rate_limit_bucket

logger = logging.getLogger(__name__)


@dataclass
class RateLimited(Exception):  # noqa: N818 (named for what the client hit)
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


def clock() -> float:
    """Seconds now; one place, so tests can hold the windows still."""
    return time.time()


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/60" is five per sixty seconds."""
    count, _sep, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def _key(action: str, scope: str, ident: str, window: int) -> str:
    # Identifiers may be e-mail addresses: hashed, they never sit in the cache in clear.
    digest = hashlib.sha256(str(ident).encode()).hexdigest()[:32]
    return f"ratelimit:{action}:{scope}:{digest}:{window}"


def _windows(action: str, idents: dict[str, object], now: float) -> Iterator[tuple[str, int, int, int]]:
    """(key, allowed, seconds, window) for each configured scope that has an identifier."""
    limits = settings.KIOSK_RATE_LIMITS[action]
    for scope, ident in idents.items():
        if ident is None or scope not in limits:
            continue
        allowed, seconds = parse_rate(limits[scope])
        window = int(now // seconds)
        yield _key(action, scope, str(ident), window), allowed, seconds, window


def _retry_after(window: int, seconds: int, now: float) -> int:
    return max(1, int((window + 1) * seconds - now))


@dataclass
class Usage:
    """What one counted attempt added, so that a refused action can give it back."""

    keys: list[str]

    def give_back(self) -> None:
        for key in self.keys:
            with contextlib.suppress(ValueError):  # the window has expired meanwhile
                cache.decr(key)


def hit(action: str, *, now: float | None = None, **idents) -> Usage:
    """Count one attempt per scope (``user=…, ip=…``); raise RateLimited if any scope is over its limit.

    An attempt over the limit does not count, so hammering a closed door
    does not keep it closed longer.
    """
    usage = Usage(keys=[])
    if not settings.KIOSK_RATE_LIMITS_ENABLED:
        return usage
    now = clock() if now is None else now
    windows = list(_windows(action, idents, now))
    counts = _count_up({key: seconds + 1 for key, _allowed, seconds, _window in windows})
    if counts is None:
        # The shared cache is down and set to ignore it: nothing can be counted, so nothing is refused.
        logger.warning("Rate limit %s not counted: the cache is unreachable", action)
        return usage
    usage.keys = list(counts)
    for key, allowed, seconds, window in windows:
        if counts[key] > allowed:
            usage.give_back()
            raise RateLimited(action, retry_after=_retry_after(window, seconds, now))
    return usage


def _count_up(timeouts: dict[str, int]) -> dict[str, int] | None:
    """One more on each count, started with its timeout where missing: in one step where the cache can."""
    if hasattr(cache, "count_up"):  # Kiosk's file and Redis caches
        return cache.count_up(timeouts)
    counts = {}
    for key, timeout in timeouts.items():
        cache.add(key, 0, timeout)
        try:
            counts[key] = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
            counts[key] = 1
    return counts


def check(action: str, *, now: float | None = None, **idents) -> None:
    """Raise RateLimited if any scope has used up its limit; counts nothing (for failures counted later)."""
    if not settings.KIOSK_RATE_LIMITS_ENABLED:
        return
    now = clock() if now is None else now
    keys = list(_windows(action, idents, now))
    counts = cache.get_many([key for key, *_rest in keys])
    for key, allowed, seconds, window in keys:
        if counts.get(key, 0) >= allowed:
            raise RateLimited(action, retry_after=_retry_after(window, seconds, now))


def reset(action: str, *, now: float | None = None, **idents) -> None:
    """Forget the current window's counts of these scopes."""
    now = clock() if now is None else now
    cache.delete_many([key for key, *_rest in _windows(action, idents, now)])


def request_idents(request) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "user": user.pk if user is not None and user.is_authenticated else None,
        "ip": rate_limit_bucket(client_ip(request)),
    }


def hit_request(action: str, request) -> Usage:
    """Count one attempt by this request's account and address."""
    return hit(action, **request_idents(request))


@contextmanager
def counted(action: str, request) -> Iterator[None]:
    """Count the attempt made in the block; give it back when the block raises (the action did not happen)."""
    usage = hit_request(action, request)
    try:
        yield
    except BaseException:
        usage.give_back()
        raise


class RateLimitMiddleware:
    """A RateLimited that no view answered itself becomes a readable 429 page with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RateLimited):
            return None
        response = render(
            request,
            "429.html",
            {"message": exception.message, "limited": exception},
            status=429,
        )
        response["Retry-After"] = str(exception.retry_after)
        return response
