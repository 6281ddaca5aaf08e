"""Uploaded files as the embedded server serves them (behind nginx, nginx serves them itself)."""

from pathlib import Path

import pytest
from django.conf import settings


@pytest.mark.skipif(not settings.KIOSK_SERVE_MEDIA, reason="media are served by the web server")
@pytest.mark.django_db
def test_media_are_served_with_an_hour_in_the_browsers_cache(client):
    folder = Path(settings.MEDIA_ROOT) / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test-cache.webp").write_bytes(b"RIFF0000WEBP")

    response = client.get("/media/images/test-cache.webp")

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    assert client.get("/media/images/missing.webp").status_code == 404
