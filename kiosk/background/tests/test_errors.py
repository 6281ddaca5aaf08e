"""Error reports with the real Sentry client, sent to a local stand-in for Sentry's ingest API."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.background import errors

ROOT = Path(__file__).resolve().parents[3]


class Ingest(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        Ingest.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def ingest():
    Ingest.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Ingest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def events(received: list[bytes]) -> list[dict]:
    """The events in Sentry's envelopes: a header line, then item header and payload lines."""
    found = []
    for envelope in received:
        lines = envelope.split(b"\n")
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                found.append(json.loads(payload))
    return found


def test_nothing_starts_without_a_dsn(settings):
    settings.SENTRY_DSN = ""
    assert errors.start() is False


def test_an_error_in_a_request_is_reported_with_its_request_id_and_nothing_personal(ingest):
    port = ingest.server_address[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "SENTRY_DSN": f"http://public@127.0.0.1:{port}/1",
        "SENTRY_ENVIRONMENT": "test",
    }
    code = (
        "import django, logging, sentry_sdk; django.setup(); from kiosk.background import logs; "
        "logs.current_request_id.set('0f3c9a7d2b1e4c58'); "
        "logging.getLogger('kiosk.test').error('the purge failed for %s', '/wissen/'); "
        "sentry_sdk.flush(5)"
    )
    subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )

    reported = events(Ingest.received)
    assert len(reported) == 1
    event = reported[0]
    assert event["logentry"]["message"] == "the purge failed for %s"
    assert event["tags"]["request_id"] == "0f3c9a7d2b1e4c58"
    assert event["environment"] == "test"
    assert "user" not in event  # send_default_pii is off
