"""Editors upload images through Wagtail's admin; alt text is required."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kiosk.images.models import KioskImage

pytestmark = pytest.mark.django_db


def jpeg_upload(name="foto.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), "darkgreen").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_upload_without_alt_text_is_refused_and_keeps_the_form(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Alpenpanorama", "file": jpeg_upload(), "credit": "Kiosk", "licence": "own"},
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Alpenpanorama"
    assert not KioskImage.objects.exists()


def test_upload_with_alt_text_caption_and_credit(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Alpenpanorama",
            "file": jpeg_upload(),
            "description": "Schneebedeckte Gipfel über einem Nebelmeer",
            "caption": "Das Nebelmeer über dem Mittelland.",
            "credit": "Kiosk/Archiv",
            "licence": "own",
        },
    )
    assert response.status_code == 302
    image = KioskImage.objects.get()
    assert image.credit == "Kiosk/Archiv"
    assert image.default_alt_text.startswith("Schneebedeckte")


def test_snippets_for_partners_authors_and_galleries_are_in_the_admin(admin_client):
    for url in (
        "/admin/snippets/news/partner/",
        "/admin/snippets/news/author/",
        "/admin/snippets/galleries/gallery/",
    ):
        assert admin_client.get(url).status_code == 200, url
