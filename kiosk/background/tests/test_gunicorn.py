"""deploy/gunicorn.conf.py, as production starts it: the access log is JSON with the request id."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_production_gunicorn_serves_and_logs_json_lines_with_the_request_id(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "DJANGO_", "KIOSK_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="gunicorn-test-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        KIOSK_CACHE_DIR=str(tmp_path / "cache"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/healthz?token=secret",
                    headers={"X-Request-ID": "nginx-0f3c9a7d2b1e"},
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    assert response.read() == b"ok\n"
                    assert response.headers["X-Request-ID"] == "nginx-0f3c9a7d2b1e"
                break
            except OSError:
                assert server.poll() is None, log.read_text()[-2000:]
                assert time.monotonic() < deadline, log.read_text()[-2000:]
                time.sleep(0.3)
        deadline = time.monotonic() + 10
        while '"path": "/healthz"' not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "gunicorn.access"]
    assert access, log.read_text()[-2000:]
    assert access[-1]["path"] == "/healthz"
    assert access[-1]["status"] == 200
    assert access[-1]["request_id"] == "nginx-0f3c9a7d2b1e"
    assert "secret" not in log.read_text()  # the query string is not logged
