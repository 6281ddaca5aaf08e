"""Tasks that failed or never finished: logged at ERROR, listed for staff, retried or dismissed by them.

With the database backend (the embedded default) a failed task's row stays
in the database with its traceback until staff retry or dismiss it (the
admin's Reports → Failed tasks, or ``manage.py tasks_failed``). A task whose
worker died under it stays "running"; after KIOSK_TASK_STUCK_MINUTES it is
listed too. RQ keeps its failures in its own FailedJobRegistry (``rq info``).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django_tasks import TaskResultStatus, task_backends
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


@receiver(task_finished)
def log_failure(sender, task_result, **kwargs) -> None:
    """Every failed task, ours and Wagtail's, whichever backend ran it, reaches the error log."""
    if task_result.status == TaskResultStatus.FAILED:
        error = task_result.errors[-1].exception_class_path if task_result.errors else "unknown error"
        logger.error("task %s (%s) failed: %s", task_result.task.module_path, task_result.id, error)


def keeps_results() -> bool:
    """Whether the configured backend keeps results where these functions can see them."""
    return isinstance(task_backends["default"], DatabaseBackend)


def needing_attention(*, now: datetime) -> list[DBTaskResult]:
    """Failed tasks and tasks running for longer than KIOSK_TASK_STUCK_MINUTES, newest first."""
    if not keeps_results():
        return []
    stuck_since = now - timedelta(minutes=settings.KIOSK_TASK_STUCK_MINUTES)
    return list(
        DBTaskResult.objects.filter(
            Q(status=TaskResultStatus.FAILED) | Q(status=TaskResultStatus.RUNNING, started_at__lt=stuck_since)
        )
        .defer("args_kwargs", "return_value")
        .order_by("-enqueued_at")
    )


@transaction.atomic
def result_retry(*, result_id: str) -> str:
    """Enqueue a failed or stuck task again with its arguments and forget the old row; the new result's id."""
    old = DBTaskResult.objects.select_for_update().get(pk=result_id)
    if old.status not in (TaskResultStatus.FAILED, TaskResultStatus.RUNNING):
        raise ValueError("only a failed or stuck task can be retried")
    new = old.task.enqueue(*old.args_kwargs["args"], **old.args_kwargs["kwargs"])
    old.delete()
    logger.info("task %s (%s) retried as %s", old.task_path, result_id, new.id)
    return new.id


def result_dismiss(*, result_id: str) -> None:
    """Forget a failed or stuck task: staff have dealt with it."""
    deleted, _ = DBTaskResult.objects.filter(
        pk=result_id, status__in=[TaskResultStatus.FAILED, TaskResultStatus.RUNNING]
    ).delete()
    if not deleted:
        raise DBTaskResult.DoesNotExist(result_id)
    logger.info("task %s dismissed", result_id)
