import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from .helpers import noop

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_the_database_backend_stores_tasks_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "kiosk.background.backends.DatabaseBackend"}}
    result = noop.enqueue()
    assert result.status == "READY"
    assert DBTaskResult.objects.get().task_path == "kiosk.background.tests.helpers.noop"


def test_tasks_named_in_process_run_where_they_are_enqueued(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "kiosk.background.backends.DatabaseBackend",
            "OPTIONS": {"in_process": ["kiosk.background.tests.helpers.noop"]},
        }
    }
    result = noop.enqueue()
    assert (result.status, result.return_value) == ("SUCCESSFUL", "done")
    assert not DBTaskResult.objects.exists()


def _settings_with(**env) -> subprocess.CompletedProcess:
    """config.settings.base read in a fresh interpreter with only these task and cache variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in ("KIOSK_TASKS", "REDIS_URL")}
    code = "import json; from config.settings import base as s; print(json.dumps([s.TASKS, s.EMAIL_BACKEND]))"
    return subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, cwd=ROOT, capture_output=True, text=True
    )


def test_the_embedded_default_is_the_database_and_purges_in_the_worker():
    tasks, email_backend = json.loads(_settings_with().stdout)
    assert tasks["default"]["BACKEND"] == "kiosk.background.backends.DatabaseBackend"
    # The embedded file cache is shared by every process: the worker's purge reaches the server's.
    assert tasks["default"]["OPTIONS"]["in_process"] == []
    assert email_backend == "kiosk.background.mail.TaskEmailBackend"


def test_with_redis_purges_go_to_the_worker_too():
    tasks, _ = json.loads(_settings_with(REDIS_URL="redis://127.0.0.1:6379/0").stdout)
    assert tasks["default"]["OPTIONS"]["in_process"] == []


def test_rq_takes_redis():
    tasks, _ = json.loads(_settings_with(KIOSK_TASKS="rq", REDIS_URL="redis://127.0.0.1:6379/0").stdout)
    assert tasks == {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.mark.parametrize("env", [{"KIOSK_TASKS": "rq"}, {"KIOSK_TASKS": "celery"}])
def test_a_backend_that_cannot_work_stops_the_start(env):
    result = _settings_with(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
