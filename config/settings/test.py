"""Test settings: the same as base, only faster."""

import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test process gets its own media folder, so parallel runs never clash.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kiosk-test-media-")
LOGGING["root"]["level"] = "ERROR"
# The demo's own tests, and the tests that load it, whatever DJANGO_DEBUG says.
if "kiosk.demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "kiosk.demo"]
