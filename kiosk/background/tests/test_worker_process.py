"""The real thing: `manage.py worker` as its own process delivering a queued mail, from the database and from Redis."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.process


def status(database: Path) -> list[tuple[str]]:
    with sqlite3.connect(database) as db:
        return db.execute("select status from django_tasks_database_dbtaskresult").fetchall()


def test_the_worker_process_delivers_a_mail_the_server_queued(tmp_path):
    database = tmp_path / "db.sqlite3"
    mail_dir = tmp_path / "mail"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "KIOSK_TASKS", "EMAIL_URL")},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"sqlite:///{database}",
        # The file cache every process shares: this test's own, not `make run`'s.
        "KIOSK_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "KIOSK_EMAIL_FILE_PATH": str(mail_dir),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    # The worker needs only the task table: migrating just that app keeps the test to seconds.
    subprocess.run([*manage, "migrate", "django_tasks_database", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from django.core.mail import send_mail; send_mail('Betreff', 'Vom Worker', None, ['a@example.ch'])",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert not mail_dir.exists()  # queued, not sent
    assert status(database) == [("READY",)]

    worker = subprocess.Popen(
        [*manage, "worker", "--no-reload", "--interval", "0.1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while status(database) != [("SUCCESSFUL",)] and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.1)
        assert status(database) == [("SUCCESSFUL",)]
        (sent,) = mail_dir.glob("*.log")
        assert "Vom Worker" in sent.read_text()
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=15)
    assert worker.returncode == 0, output  # a graceful stop


REDIS_URL = os.environ.get("KIOSK_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def empty_redis():
    """A Redis database of our own, used only when empty and emptied afterwards; skipped without Redis."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        if client.dbsize():
            pytest.skip(f"{REDIS_URL} is not empty")
    except redis.ConnectionError as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield REDIS_URL
    client.flushdb()


def test_with_rq_the_worker_process_delivers_it_from_redis(tmp_path, empty_redis):
    mail_dir = tmp_path / "mail"
    env = {
        **{k: v for k, v in os.environ.items() if k != "EMAIL_URL"},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "KIOSK_TASKS": "rq",
        "REDIS_URL": empty_redis,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "KIOSK_EMAIL_FILE_PATH": str(mail_dir),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from django.core.mail import send_mail; send_mail('Betreff', 'Aus Redis', None, ['a@example.ch'])",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert not mail_dir.exists()
    worker = subprocess.Popen(
        [*manage, "worker"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not list(mail_dir.glob("*.log")) and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.1)
        (sent,) = mail_dir.glob("*.log")
        assert "Aus Redis" in sent.read_text()
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=15)
    assert "Traceback" not in output, output
