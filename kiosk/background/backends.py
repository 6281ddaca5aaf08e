"""The embedded default's task backend: django-tasks-db, with a few tasks kept in the enqueuing process."""

from __future__ import annotations

from typing import Any

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend as BaseDatabaseBackend


class DatabaseBackend(BaseDatabaseBackend):
    """Tasks are rows in the database, run by ``manage.py worker`` (django-tasks-db's ``db_worker``).

    ``OPTIONS["in_process"]`` names tasks (by module path) that must run in the
    process that enqueues them. Settings list Wagtail's frontend-cache purge
    there while the page cache lives in each process's own memory (no
    ``REDIS_URL``): run by the worker, it would empty the worker's memory and
    leave the server's copy standing.
    """

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.in_process = frozenset(self.options.get("in_process", ()))
        self._here = ImmediateBackend(alias, {"QUEUES": list(self.queues)})

    def enqueue(self, task, args, kwargs):
        if task.module_path in self.in_process:
            return self._here.enqueue(task, args, kwargs)
        return super().enqueue(task, args, kwargs)
