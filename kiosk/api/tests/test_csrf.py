"""Writes need the session and the CSRF token, exactly as an API client sends them."""

import pytest
from django.conf import settings
from django.test import Client

from kiosk.comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    return client


def test_session_tells_who_is_logged_in_and_sets_the_csrf_cookie(strict_client, reader):
    response = strict_client.get("/api/session")
    assert response.status_code == 200
    data = response.json()
    assert data["authenticated"] is True
    assert (data["id"], data["name"]) == (reader.pk, "Regula Leser")
    assert data["csrf_token"]
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_anonymous_session(client):
    data = client.get("/api/session").json()
    assert data["authenticated"] is False
    assert data["id"] is None
    assert data["name"] is None


def test_write_without_token_is_403_csrf_failed(strict_client, article):
    strict_client.get("/api/session")  # the cookie alone is not enough
    response = strict_client.post(
        f"/api/articles/{article.pk}/comments", {"text": "Hallo"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert not Comment.objects.exists()


def test_wrong_token_is_403(strict_client, article):
    strict_client.get("/api/session")
    response = strict_client.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Hallo"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN="x" * 32,
    )
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


@pytest.mark.parametrize("source", ["body", "cookie"])
def test_token_from_session_or_cookie_works(strict_client, article, source):
    session = strict_client.get("/api/session")
    token = (
        session.json()["csrf_token"] if source == "body" else session.cookies[settings.CSRF_COOKIE_NAME].value
    )
    response = strict_client.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Mit Token"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201
    assert Comment.objects.get().text == "Mit Token"


def test_anonymous_write_with_strict_csrf_is_401_not_403(article):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/api/articles/{article.pk}/comments", {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 401


def test_reading_needs_no_token(strict_client, article):
    assert strict_client.get(f"/api/articles/{article.pk}/comments").status_code == 200
