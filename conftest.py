import shutil

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: the page cache must not leak between tests."""
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _still_rate_limit_windows(monkeypatch):
    """Rate-limit windows are fixed: a slow test must not cross into a fresh one halfway."""
    from kiosk.security import ratelimits

    # The start of a window for every limit of up to an hour.
    monkeypatch.setattr(ratelimits, "clock", lambda: 1_800_000_000.0)


@pytest.fixture(autouse=True)
def _mail_through_tasks(settings):
    """Mail goes through the task queue as in production; Django's test setup had put locmem in its place."""
    settings.EMAIL_BACKEND = "kiosk.background.mail.TaskEmailBackend"


@pytest.fixture(scope="session", autouse=True)
def _test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    if getattr(settings, "KIOSK_CACHE_DIR", None):
        shutil.rmtree(settings.KIOSK_CACHE_DIR, ignore_errors=True)


# Browser fixtures (demo_server, chromium, page) for tests marked `browser`.
pytest_plugins = ["kiosk.browser"]
