"""Pytest fixtures for browser tests: the demo newsroom on a real server, driven in Chromium.

The server and its task worker are separate processes with their own SQLite
file, loaded once per test session with ``manage.py load_demo``: the browser
sees exactly what a reader of ``make run`` sees, over real HTTP.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The demo's logins as the README lists them (kiosk.demo's tests check they agree; nothing
# outside kiosk.demo imports it).
READER_DOMAIN = "leser.kiosk.example"
READER_PASSWORD = "kiosk-demo"
MODERATOR_USERNAME = "moderation"
EDITOR_USERNAME = "redaktion"
FINANCE_USERNAME = "spenden"
CHROMIUM = os.environ.get("KIOSK_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    """Wait until the server answers.

    The first page starts cold (imports, image renditions) and on a busy machine
    takes most of a minute: one patient request, not a pile of abandoned ones
    that each start that work again.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=max(1, deadline - time.monotonic())):
                return
        except OSError:
            time.sleep(0.3)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
    state = f"exited with {server.returncode}" if server.poll() is not None else "did not answer"
    raise RuntimeError(f"server {state} at {url}; its log ends:\n{tail}")


@pytest.fixture(scope="session")
def demo_workdir():
    """The demo server's folder: its database, media, log and outgoing mail."""
    workdir = Path(tempfile.mkdtemp(prefix="kiosk-browser-"))
    yield workdir
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_mail(demo_server, demo_workdir) -> Path:
    """The folder where the demo server writes each e-mail it sends (Django's filebased backend)."""
    return demo_workdir / "mail"


@pytest.fixture(scope="session")
def demo_server(demo_workdir):
    """Base URL of a server running the demo newsroom."""
    workdir = demo_workdir
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "KIOSK_MEDIA_ROOT": str(workdir / "media"),
        "KIOSK_CACHE_DIR": str(workdir / "cache"),
        # Production-like: real 404 pages, compressed static files.
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KIOSK_SERVE_MEDIA": "true",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "KIOSK_EMAIL_FILE_PATH": str(workdir / "mail"),
        "PYTHONUNBUFFERED": "1",
    }
    port = _free_port()
    # The stripe library and the local stand-in for Stripe (no keys here) answer on this server.
    env["KIOSK_BASE_URL"] = f"http://127.0.0.1:{port}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    # Loaded as in development, so the demo's logins have their documented password;
    # the server then runs production-like, without the demo app.
    # Its tasks (index updates, renditions) run as it loads, so the tests start with an empty queue.
    subprocess.run(
        [*manage, "load_demo"],
        env={**env, "DJANGO_DEBUG": "true", "KIOSK_TASKS": "immediate"},
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # As `make run`: the task worker and its clock beside the server (mails, renditions, scheduled publishing).
    worker_log = open(workdir / "worker.log", "w")  # noqa: SIM115 (closed below)
    worker = subprocess.Popen(
        [*manage, "worker", "--with-clock", "--no-reload", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base_url + "/", server, workdir / "server.log")
        yield base_url
    finally:
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            process.wait(timeout=10)
        log.close()
        worker_log.close()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def patient_expect(request):
    """Browser tests share a busy machine with their server: more than Playwright's five seconds each."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def new_tab(chromium):
    """Opens tabs, each in its own context (own cookies), failing the test on JavaScript errors.

    ``new_tab(color_scheme="dark", width=390, height=844, locale="en", java_script_enabled=False)``
    """
    contexts = []
    errors: list[str] = []

    def open_tab(*, color_scheme="light", width=1280, height=900, locale="de-CH", **options):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, locale=locale, color_scheme=color_scheme, **options
        )
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


def reader_logged_in(page, base_url: str, key: str, next_url: str = "/") -> None:
    """Log the demo reader ``key`` (``<key>@leser.kiosk.example``) in by e-mail and wait for the header to say so."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}/konto/login/?next={next_url}")
    page.locator("#id_login").fill(f"{key}@{READER_DOMAIN}")
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".header-account__reader")).to_be_visible()


@pytest.fixture
def page(chromium):
    """A fresh browser tab (own cookies) that fails the test on JavaScript errors."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


AXE_SOURCE = ROOT / "kiosk" / "browser_vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: contrast, names, labels, landmarks, language.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def axe_violations(
    page, *, context: str | dict | None = None, tags=AXE_TAGS, rules: dict | None = None
) -> list[dict]:
    """What axe-core finds on the page as it stands (WCAG 2 A/AA, colour contrast included).

    axe is evaluated as the page's own script source through the DevTools protocol, which the
    page's Content-Security-Policy does not govern, so the page under test keeps its real
    policy. ``context`` narrows the check (a selector or axe's include/exclude object);
    ``rules`` switches single rules on or off (``{"region": {"enabled": False}}``). Each
    violation is axe's: its ``id``, ``help`` and the ``nodes`` with their ``target`` and
    ``failureSummary``; :func:`describe_violations` makes them readable in a failed assert.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;void 0")
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    if rules:
        options["rules"] = rules
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, options],
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One line per failing element: rule, element and axe's summary (e.g. the contrast it measured)."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']}: {' '.join(map(str, node['target']))} – {summary}")
    return "\n".join(lines)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
