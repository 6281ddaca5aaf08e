"""manage.py worker: the task worker for whichever backend KIOSK_TASKS picked, optionally with the clock."""

from __future__ import annotations

import os
import threading
from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from kiosk.background import clock


class Command(BaseCommand):
    help = (
        "Run background tasks: django-tasks-db's db_worker (KIOSK_TASKS=db) or an RQ worker with "
        "its scheduler (KIOSK_TASKS=rq). --with-clock also enqueues the periodic tasks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-clock",
            action="store_true",
            help="Run the clock (scheduled publishing every minute) in this process too; one per site.",
        )
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=settings.DEBUG,
            help="Restart the database worker when the code changes (default: DEBUG).",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks for new database tasks."
        )

    def handle(self, *, with_clock: bool, reload: bool, interval: float, verbosity: int, **options):
        backend = task_backends["default"]
        database = isinstance(backend, DatabaseBackend)
        # Under the autoreloader the worker runs in a child process: the clock goes with it.
        if with_clock and (not (database and reload) or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"):
            threading.Thread(target=clock.run, name="clock", daemon=True).start()

        if database:
            call_command(
                "db_worker",
                queue_name=",".join(sorted(backend.queues)),
                interval=interval,
                reload=reload,
                backend_name=backend.alias,
                verbosity=verbosity,
            )
        elif type(backend).__module__.startswith("django_tasks_rq"):
            call_command(
                "rqworker",
                *sorted(backend.queues),
                job_class="django_tasks_rq.Job",
                with_scheduler=True,  # runs tasks deferred with run_after (mail retries)
                verbosity=verbosity,
            )
        else:
            self.stdout.write(
                f"{type(backend).__name__} runs tasks where they are enqueued: no worker needed."
            )
            if with_clock:
                threading.Event().wait()
