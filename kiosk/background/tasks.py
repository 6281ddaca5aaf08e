"""Kiosk's own background tasks that belong to no newsroom domain: delivering mail, forgetting old results."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import TaskResult, task, task_backends
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .envelopes import unseal

logger = logging.getLogger(__name__)

# Seconds before the 2nd, 3rd and 4th attempt to deliver a mail; the 4th failure is final.
MAIL_RETRY_DELAYS = (60, 5 * 60, 30 * 60)
# A reader waits for a verification link: mail goes before index updates and renditions.
MAIL_PRIORITY = 50


def urgent(task_: Task) -> Task:
    """The task ahead of the others, where the backend orders by priority (the database; RQ does not)."""
    return task_.using(priority=MAIL_PRIORITY) if task_.get_backend().supports_priority else task_


def enqueue_later(task_: Task, seconds: int, *args, **kwargs) -> TaskResult:
    """Enqueue to run in ``seconds``; at once where the backend cannot defer (the immediate one)."""
    if task_.get_backend().supports_defer:
        task_ = task_.using(run_after=timezone.now() + timedelta(seconds=seconds))
    return task_.enqueue(*args, **kwargs)


@task()
def send_email(envelope: str, attempt: int = 1) -> str:
    """Deliver one sealed e-mail; when the mail server fails, try again later, a few times.

    A retry is a new task with the same envelope: the failed attempt returns
    normally (its result says so), only the last one fails and stays visible.
    """
    message = unseal(envelope)
    message.connection = get_connection(settings.KIOSK_EMAIL_DELIVERY_BACKEND)
    try:
        message.send()
    except OSError as error:  # smtplib's errors, refused connections, timeouts
        if attempt > len(MAIL_RETRY_DELAYS):
            logger.error("e-mail undelivered after %d attempts: %r", attempt, error)
            raise
        delay = MAIL_RETRY_DELAYS[attempt - 1]
        enqueue_later(urgent(send_email), delay, envelope, attempt=attempt + 1)
        logger.warning("e-mail attempt %d failed (%r); trying again in %d s", attempt, error, delay)
        return f"attempt {attempt} failed ({error!r}); attempt {attempt + 1} queued"
    return "sent"


@task()
def prune_task_results() -> int:
    """Forget successful tasks after KIOSK_TASK_RESULTS_DAYS; failed ones stay until staff retry or dismiss them."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return 0  # only the database backend keeps results here
    cutoff = timezone.now() - timedelta(days=settings.KIOSK_TASK_RESULTS_DAYS)
    deleted, _ = DBTaskResult.objects.successful().filter(finished_at__lt=cutoff).delete()
    return deleted


@task()
def heartbeat() -> str:
    """Nothing but proof that a worker runs tasks: the clock enqueues it every minute, ``/readyz`` reads when it ran."""
    from .models import WORKER, Heartbeat

    Heartbeat.objects.update_or_create(name=WORKER, defaults={"beat_at": timezone.now()})
    return "beat"
