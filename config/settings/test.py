"""Test settings: the same as base, only faster."""

import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mails still pass through the task queue (conftest.py puts TaskEmailBackend back after
# Django's test setup), and are delivered to Django's test outbox.
KIOSK_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run where they are enqueued, so a test sees their effect at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test process gets its own media folder, so parallel runs never clash.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kiosk-test-media-")
LOGGING["root"]["level"] = "ERROR"
# The demo's own tests, and the tests that load it, whatever DJANGO_DEBUG says.
if "kiosk.demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "kiosk.demo"]
# Its own cache folder too: the file cache of `make run`, which a server the test starts can share.
if "KIOSK_CACHE_DIR" in globals():
    KIOSK_CACHE_DIR = Path(tempfile.mkdtemp(prefix="kiosk-test-cache-"))
    CACHES["default"]["LOCATION"] = str(KIOSK_CACHE_DIR / "default")
    CACHES["renditions"]["LOCATION"] = str(KIOSK_CACHE_DIR / "renditions")
