"""One id per request, on every log line it causes, in the response and for the tasks it enqueues.

nginx sets ``X-Request-ID`` (its ``$request_id``) and logs it; Kiosk takes it when it
looks like one, else makes its own, answers with it, and puts it on every log record
(``request_id``). In a task worker the id is the task's (``task:<id>``), and the line
that logs the enqueuing (``kiosk.tasks``, INFO) carries the request's: request → task → its
mails and purges, in the logs. ``KIOSK_LOG_FORMAT=json`` writes them as JSON lines.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

from django.dispatch import receiver
from django_tasks.signals import task_enqueued, task_finished, task_started

# What nginx's $request_id looks like (32 hex digits), or any other proxy's: short, no spaces.
GIVEN_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
NO_REQUEST = "-"

logger = logging.getLogger("kiosk.tasks")

current_request_id: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)


def request_id_for(given: str) -> str:
    """The proxy's id when it is one (a client can send anything: nothing else gets into the logs)."""
    return given if GIVEN_ID.fullmatch(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request.META.get("HTTP_X_REQUEST_ID", ""))
        token = current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every record (``-`` outside requests and tasks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


# The ids a task's run set aside (a task run at once, inside a request, gives the request's back).
_outer_ids: ContextVar[tuple[str, ...]] = ContextVar("outer_request_ids", default=())


@receiver(task_enqueued)
def _task_enqueued(sender, task_result, **kwargs) -> None:
    logger.info("task %s enqueued: %s", task_result.id, task_result.task.module_path)


@receiver(task_started)
def _task_started(sender, task_result, **kwargs) -> None:
    _outer_ids.set((*_outer_ids.get(), current_request_id.get()))
    current_request_id.set(f"task:{task_result.id}")


@receiver(task_finished)
def _task_finished(sender, task_result, **kwargs) -> None:
    outer = _outer_ids.get()
    current_request_id.set(outer[-1] if outer else NO_REQUEST)
    _outer_ids.set(outer[:-1])
