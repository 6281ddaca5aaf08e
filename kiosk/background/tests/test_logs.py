"""Request ids: from the proxy or made here, on every log line, in the response, and through tasks."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from kiosk.background import logs
from kiosk.background.tests.helpers import noop

ROOT = Path(__file__).resolve().parents[3]


def through_middleware(**headers):
    seen = {}

    def view(request):
        seen["id"] = logs.current_request_id.get()
        return HttpResponse("ok")

    response = logs.RequestIdMiddleware(view)(RequestFactory().get("/", **headers))
    return response, seen["id"]


def test_the_proxys_request_id_is_taken_and_answered():
    response, during = through_middleware(HTTP_X_REQUEST_ID="0f3c9a7d2b1e4c58a6d7e8f90a1b2c3d")
    assert during == "0f3c9a7d2b1e4c58a6d7e8f90a1b2c3d"
    assert response["X-Request-ID"] == during
    assert logs.current_request_id.get() == logs.NO_REQUEST  # not beyond the request


@pytest.mark.parametrize("given", ["", "short", "evil\nforged log line", "x" * 65, "a b c d e f g h"])
def test_anything_else_gets_an_id_of_our_own(given):
    response, during = through_middleware(HTTP_X_REQUEST_ID=given)
    assert len(during) == 32
    assert during != given
    assert response["X-Request-ID"] == during


def test_every_record_carries_the_current_id():
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "hello", (), None)
    token = logs.current_request_id.set("abc12345")
    try:
        assert logs.RequestIdFilter().filter(record)
    finally:
        logs.current_request_id.reset(token)
    assert record.request_id == "abc12345"


@pytest.mark.django_db
def test_a_task_logs_under_its_own_id_and_its_enqueuing_under_the_requests(caplog):
    caplog.set_level(logging.INFO, logger="kiosk.tasks")
    token = logs.current_request_id.set("request-0001")
    try:
        result = noop.enqueue()  # the tests' backend runs it at once, inside the "request"
        assert logs.current_request_id.get() == "request-0001"  # given back after the task
    finally:
        logs.current_request_id.reset(token)
    enqueued = [r for r in caplog.records if r.name == "kiosk.tasks"]
    assert enqueued[0].getMessage() == f"task {result.id} enqueued: {noop.module_path}"
    logs.RequestIdFilter().filter(enqueued[0])
    assert enqueued[0].request_id == "request-0001"


def test_production_logs_are_json_lines_with_the_request_id():
    env = {**os.environ, "KIOSK_LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    code = (
        "import django, logging; django.setup(); from kiosk.background import logs; "
        "logs.current_request_id.set('0f3c9a7d2b1e4c58'); logging.getLogger('kiosk.x').warning('purged %s', 3)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    line = json.loads(done.stderr.strip().splitlines()[-1])
    assert line["message"] == "purged 3"
    assert line["level"] == "WARNING"
    assert line["logger"] == "kiosk.x"
    assert line["request_id"] == "0f3c9a7d2b1e4c58"
    assert "time" in line


def test_the_enqueued_lines_are_written_in_json_logs_only():
    code = (
        "import django, logging; django.setup(); print(logging.getLogger('kiosk.tasks').getEffectiveLevel())"
    )
    levels = {}
    for log_format in ("json", "text"):
        env = {**os.environ, "KIOSK_LOG_FORMAT": log_format, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        levels[log_format] = int(done.stdout.strip().splitlines()[-1])
    assert levels == {"json": logging.INFO, "text": logging.WARNING}
