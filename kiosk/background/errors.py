"""Error reports to Sentry when ``SENTRY_DSN`` is set: the official client, and nothing personal.

Without a DSN nothing is loaded and nothing leaves the site. With one, unhandled
exceptions in requests and tasks and every ERROR log line are reported; readers'
addresses, cookies and logged-in users are not (``send_default_pii`` off), and each
report carries the request id its log lines have (tag ``request_id``).
"""

from __future__ import annotations

from django.conf import settings

from .logs import NO_REQUEST, current_request_id


def tag_request_id(event: dict, hint: dict) -> dict:
    request_id = current_request_id.get()
    if request_id != NO_REQUEST:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def start() -> bool:
    """Start reporting if a DSN is configured; whether it did."""
    if not settings.SENTRY_DSN:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=settings.SENTRY_ENVIRONMENT,
        send_default_pii=False,
        traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
        before_send=tag_request_id,
    )
    return True
