"""Background work of the desk: telling moderators the queue needs them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from kiosk.comments.models import is_moderator
from kiosk.newsroom.sites import absolute_url

from . import queue, selectors
from .models import QueueAlert

# Across every process and worker: at most one alert in this time, however long the queue stays.
ALERT_KEY = "moderation:queue-alert-sent"
ALERT_INTERVAL = timedelta(minutes=15)


@task()
def alert_moderators() -> int:
    """Every minute (the clock): mail the subscribed moderators when the queue needs them; how many were mailed."""
    return queue_alert_send(now=timezone.now())


def alert_limits() -> queue.Limits:
    minutes = settings.KIOSK_QUEUE_ALERT_WAIT_MINUTES
    return queue.Limits(
        max_pending=settings.KIOSK_QUEUE_ALERT_PENDING,
        max_wait=timedelta(minutes=minutes) if minutes else None,
        busiest_only=False,
    )


def queue_alert_send(*, now: datetime) -> int:
    limits = alert_limits()
    if not limits.in_force:
        return 0
    state = selectors.queue_state(now=now)
    if not queue.is_overloaded(state, limits, now=now):
        return 0
    recipients = [
        alert.moderator.email
        for alert in QueueAlert.objects.select_related("moderator").filter(moderator__is_active=True)
        if alert.moderator.email and is_moderator(alert.moderator)
    ]
    # add() is the one step every process agrees on: the first to claim the quarter hour sends.
    if not recipients or not cache.add(ALERT_KEY, now, int(ALERT_INTERVAL.total_seconds())):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "state": state,
            "waiting": now - state.oldest_pending_at if state.oldest_pending_at else None,
            "queue_url": absolute_url(reverse("moderation_admin:queue")),
        }
        subject = render_to_string("moderation/email/queue_alert_subject.txt", context).strip()
        body = render_to_string("moderation/email/queue_alert_body.txt", context)
    # One mail each, so no moderator sees the others' addresses; queued for the task worker.
    for address in recipients:
        send_mail(subject, body, None, [address])
    return len(recipients)
