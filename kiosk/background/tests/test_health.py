"""/healthz and /readyz: the process answers; the database, Redis and a task worker are there."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from kiosk.background import health
from kiosk.background.models import WORKER, Heartbeat
from kiosk.background.tasks import heartbeat

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 20, 0, tzinfo=timezone.get_current_timezone())


def test_a_heartbeat_counts_while_it_is_younger_than_the_limit():
    assert health.heartbeat_check(NOW - timedelta(seconds=59), now=NOW, max_age=180).ok
    assert health.heartbeat_check(NOW - timedelta(seconds=180), now=NOW, max_age=180).ok
    late = health.heartbeat_check(NOW - timedelta(seconds=181), now=NOW, max_age=180)
    assert not late.ok
    assert late.detail == "last heartbeat 181 s ago (limit 180 s)"
    assert health.heartbeat_check(None, now=NOW, max_age=180).detail == "no heartbeat yet"


def test_healthz_answers_without_asking_anything_else(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


def test_readyz_waits_for_a_worker_then_says_ready(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["worker"] == {"ok": False, "detail": "no heartbeat yet"}
    assert "redis" not in body["checks"]  # the embedded default runs without it

    assert heartbeat.call() == "beat"  # as a worker runs it
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert "no-cache" in response["Cache-Control"]


def test_a_worker_that_stopped_beating_makes_the_site_not_ready(client, settings):
    settings.REDIS_URL = ""
    stale = timezone.now() - timedelta(seconds=settings.KIOSK_HEARTBEAT_MAX_AGE + 60)
    Heartbeat.objects.create(name=WORKER, beat_at=stale)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["detail"].startswith("last heartbeat 2")


def test_readyz_checks_redis_when_the_site_uses_it(client, settings):
    heartbeat.call()
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["redis"] == {"ok": True, "detail": "answers"}

    settings.REDIS_URL = "redis://127.0.0.1:9/0"  # nothing listens there
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == {"ok": False, "detail": "unreachable"}
    assert "127.0.0.1" not in response.content.decode()  # no hosts or error text for the world


def test_the_probes_answer_over_http_by_any_address(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["kiosk.example"]
    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.5:8000").status_code == 503  # no worker here
    assert client.get("/", HTTP_HOST="kiosk.example").status_code == 301  # to https, as before
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400
