"""Several processes on the embedded default (SQLite, the file cache), as `make run` has them.

A real server process answers readers; what an editor or the scheduler does
runs in processes of its own. Whatever they change must reach the server's
readers at once, although the server cached the page, its route and its
fragments before.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kiosk.browser import _free_port, _wait_for

ROOT = Path(__file__).resolve().parents[3]
HEADLINE = re.compile(r'<h1 id="article-headline"[^>]*>([^<]*)</h1>')
pytestmark = pytest.mark.process


class Newsroom:
    def __init__(self, workdir: Path, port: int):
        self.base_url = f"http://127.0.0.1:{port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "DJANGO_", "REDIS_"))},
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "KIOSK_CACHE_DIR": str(workdir / "cache"),
            "KIOSK_MEDIA_ROOT": str(workdir / "media"),
            "KIOSK_BASE_URL": self.base_url,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_LOG_LEVEL": "ERROR",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=self.env, cwd=ROOT, check=True)

    def edit(self, call: str) -> None:
        """An editor's change, in a process of its own."""
        self.manage("shell", "-c", f"from kiosk.pagecache.tests import editor; editor.{call}")

    def get(self, path: str) -> tuple[int, str, dict]:
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), dict(error.headers)


@pytest.fixture(scope="module")
def newsroom():
    with tempfile.TemporaryDirectory(prefix="kiosk-processes-") as folder:
        workdir = Path(folder)
        room = Newsroom(workdir, _free_port())
        room.manage("migrate", "--noinput", "-v0")
        # Production-like: pages name the collected, hashed static files.
        room.manage("collectstatic", "--noinput", "-v0")
        room.edit("set_up()")
        log_path = workdir / "server.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", room.base_url[7:]],
                env=room.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                _wait_for(room.base_url + "/robots.txt", server, log_path)
                yield room
            finally:
                server.terminate()
                server.wait(timeout=10)


def test_a_scheduled_article_goes_live_for_a_reader_who_opened_it_too_early(newsroom):
    assert newsroom.get("/schweiz/geplant/")[0] == 404
    assert newsroom.get("/schweiz/geplant/")[0] == 404
    assert "Die geplante Meldung" not in newsroom.get("/schweiz/")[1]

    newsroom.manage("publish_scheduled")

    status, html, _ = newsroom.get("/schweiz/geplant/")
    assert (status, HEADLINE.search(html).group(1)) == (200, "Die geplante Meldung")
    assert "Die geplante Meldung" in newsroom.get("/schweiz/")[1]


def test_a_correction_reaches_anonymous_readers(newsroom):
    newsroom.get("/schweiz/meldung/")
    status, html, headers = newsroom.get("/schweiz/meldung/")
    assert (status, headers["X-Kiosk-Cache"]) == (200, "hit")

    newsroom.edit("correct('meldung', 'Die korrigierte Fassung')")

    status, html, headers = newsroom.get("/schweiz/meldung/")
    assert HEADLINE.search(html).group(1) == "Die korrigierte Fassung"
    assert "Die korrigierte Fassung" in newsroom.get("/schweiz/")[1]
    assert "Die korrigierte Fassung" in newsroom.get("/schweiz/feed/")[1]


def test_an_unpublished_article_with_umlauts_leaves_at_once(newsroom):
    path = "/schweiz/z%C3%BCrcher-gemeinderat/"
    newsroom.get(path)
    status, _, headers = newsroom.get(path)
    assert (status, headers["X-Kiosk-Cache"]) == (200, "hit")
    assert newsroom.get("/en" + path)[0] == 200

    newsroom.edit("unpublish('zürcher-gemeinderat')")

    assert newsroom.get(path)[0] == 404
    assert newsroom.get("/en" + path)[0] == 404
    assert "Zürcher Gemeinderat" not in newsroom.get("/schweiz/")[1]


def test_an_expiry_time_ends_the_article_on_time_without_the_scheduler(newsroom):
    newsroom.edit("expire_in('befristet', 4)")
    status, _, headers = newsroom.get("/schweiz/befristet/")
    assert status == 200
    assert int(re.search(r"s-maxage=(\d+)", headers["Cache-Control"]).group(1)) <= 4
    assert newsroom.get("/schweiz/befristet/")[2]["X-Kiosk-Cache"] == "hit"

    time.sleep(4.5)

    assert newsroom.get("/schweiz/befristet/")[0] == 404
    assert "Länger gültig" not in newsroom.get("/schweiz/")[1]
