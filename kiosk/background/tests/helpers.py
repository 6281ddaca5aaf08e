"""Module-level tasks and backends for the tests (tasks must be module-level functions)."""

from unittest import mock

from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker

DATABASE_TASKS = {"default": {"BACKEND": "kiosk.background.backends.DatabaseBackend"}}


class RefusingEmailBackend(BaseEmailBackend):
    """A mail server that is away."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server away")


@task()
def explode() -> None:
    raise RuntimeError("the task broke")


@task()
def noop() -> str:
    return "done"


def run_database_tasks() -> None:
    """What `manage.py worker` does with the database backend, in this process, until no task is ready.

    The worker closes old connections between tasks; inside a test's transaction
    that would close the test's own connection (PostgreSQL), so here it does not.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker().run()


def _worker() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
