"""Throttling password guesses without locking the owner out.

Failed logins are counted per client address, per address and account, and
per account. The owner's own device carries a signed "known device" cookie
from an earlier successful login into that account; its attempts are counted
for that device and account alone, so a stranger who types wrong passwords
for the owner's e-mail address, from elsewhere or from the same café, slows
only themselves (OWASP's device-cookie scheme). A new device of the owner's
shares the stranger's account-wide count until a password reset clears it. A
throttled attempt is not even tried: it answers 429 with ``Retry-After``.
Successful logins count nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.utils.translation import ngettext

from . import ratelimits
from .clientip import client_ip, rate_limit_bucket

ACTION = "login_failed"
DEVICE_COOKIE = "kiosk_device"
DEVICE_SALT = "kiosk.security.logins.device"
DEVICE_COOKIE_SECONDS = 60 * 60 * 24 * 365
# How many accounts one device remembers (a family computer).
DEVICE_ACCOUNTS = 5


class LoginThrottled(ratelimits.RateLimited):
    """Too many failed logins from here or for this account; answered with 429 by the middleware."""

    @property
    def message(self) -> str:
        minutes = max(1, round(self.retry_after / 60))
        return ngettext(
            "Too many wrong passwords. Please wait %(minutes)d minute and try again, or reset your password.",
            "Too many wrong passwords. Please wait %(minutes)d minutes and try again, or reset your password.",
            minutes,
        ) % {"minutes": minutes}


def account_key(login: str) -> str:
    """The account a login names, as the counters and the device cookie know it (never in clear)."""
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()[:32]


def _device(request) -> tuple[str | None, list[str]]:
    """This device's id and the account keys it has logged into before (from its signed cookie)."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None, []
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_COOKIE_SECONDS)
    except signing.BadSignature:
        return None, []
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("d"), str)
        or not isinstance(data.get("a"), list)
    ):
        return None, []
    return data["d"], [key for key in data["a"] if isinstance(key, str)]


def _idents(request, login: str) -> dict[str, str | None]:
    account = account_key(login)
    device, accounts = _device(request)
    if device and account in accounts:
        # The owner's own device: counted on its own, whatever its address or the account's other attempts.
        return {"device_account": f"{device}|{account}"}
    ip = rate_limit_bucket(client_ip(request))
    return {"ip": ip, "ip_account": f"{ip}|{account}", "account": account}


def check_login_allowed(request, login: str) -> None:
    """Raise LoginThrottled before the password is even checked, if this attempt is over a limit."""
    try:
        ratelimits.check(ACTION, **_idents(request, login))
    except ratelimits.RateLimited as limited:
        raise LoginThrottled(ACTION, retry_after=limited.retry_after) from None


def count_failed_login(request, login: str) -> None:
    # Over the limit, the next attempt is refused; this one has failed already.
    with contextlib.suppress(ratelimits.RateLimited):
        ratelimits.hit(ACTION, **_idents(request, login))


def forget_failed_logins(request, login: str) -> None:
    """After a password reset by e-mail: the owner has proven who they are."""
    ratelimits.reset(ACTION, **{**_idents(request, login), "account": account_key(login)})


def remember_device(request, login: str) -> None:
    """Mark the response to set the known-device cookie for this account (done by the middleware)."""
    device, accounts = _device(request)
    account = account_key(login)
    keys = [account, *(key for key in accounts if key != account)][:DEVICE_ACCOUNTS]
    request._kiosk_known_device = signing.dumps(
        {"d": device or secrets.token_urlsafe(12), "a": keys}, salt=DEVICE_SALT
    )


def set_device_cookie(request, response) -> None:
    value = getattr(request, "_kiosk_known_device", None)
    if value:
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_COOKIE_SECONDS,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


class KnownDeviceMiddleware:
    """Sets the known-device cookie on the response to a successful login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        set_device_cookie(request, response)
        return response
