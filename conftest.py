import shutil

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: the page cache must not leak between tests."""
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(scope="session", autouse=True)
def _test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


# Browser fixtures (demo_server, chromium, page) for tests marked `browser`.
pytest_plugins = ["kiosk.browser"]
