"""Background work of donations: processing the provider's events, receipts, the clock's safety net."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from . import events, receipts


@task()
def event_process(event_pk: int) -> str:
    """One stored provider event, processed once (a second run finds it done)."""
    return events.event_process(event_pk, now=timezone.now())


@task()
def events_waiting_retry() -> int:
    """Every few minutes (the clock): events still waiting for their payment are tried again."""
    return events.waiting_retry(now=timezone.now())


@task()
def receipt_send(donation_pk: int) -> str:
    return receipts.receipt_send(donation_pk, now=timezone.now())
