"""A reader downloads everything Kiosk holds about them."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from kiosk.comments.models import Comment
from kiosk.comments.services import comment_reject
from kiosk.comments.tests.factories import CommentFactory, LikeFactory, ReportFactory

from .factories import PASSWORD, ReaderFactory
from .images import photo_bytes, upload
from .test_deletion import article  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_with_history(article):  # noqa: F811
    reader = ReaderFactory(email="anna@example.ch", display_name="Anna Muster", comment_notifications=False)
    other = ReaderFactory(display_name="Beat Anders")
    CommentFactory(article=article, author=reader, text="Veröffentlicht")
    rejected = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING, text="Zu scharf")
    comment_reject(comment=rejected, moderator=other, reason="insult", note="Bitte sachlich bleiben.")
    theirs = CommentFactory(article=article, author=other, text="Fremder Text")
    LikeFactory(comment=theirs, reader=reader)
    ReportFactory(comment=theirs, reporter=reader, reason="other", note="Unpassend")
    return reader


def download(reader, *, through_the_login=True) -> dict:
    client = Client()
    if through_the_login:
        client.post("/konto/login/", {"login": reader.email, "password": PASSWORD})
    else:
        client.force_login(reader)
    response = client.get(reverse("accounts:data-export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="kiosk-daten-')
    assert {"no-store", "private"} <= set(response["Cache-Control"].split(", "))
    return json.loads(response.content)


def test_the_export_holds_account_profile_comments_likes_reports_and_settings(reader_with_history, article):  # noqa: F811
    data = download(reader_with_history)
    assert data["account"]["email"] == "anna@example.ch"
    assert data["account"]["display_name"] == "Anna Muster"
    assert data["account"]["registered"]
    assert data["notifications"] == {"comment_decisions_by_email": False}
    assert data["email_addresses"] == [{"email": "anna@example.ch", "verified": True, "primary": True}]
    assert len(data["sessions"]) == 1
    assert data["sessions"][0]["ip"]
    comments = {c["text"]: c for c in data["debates"]["comments"]}
    assert comments["Veröffentlicht"]["status"] == "published"
    assert comments["Zu scharf"]["status"] == "rejected"
    assert comments["Zu scharf"]["rejection_reason"]
    assert comments["Zu scharf"]["note_to_author"] == "Bitte sachlich bleiben."
    assert comments["Veröffentlicht"]["article"]["url"] == article.url
    assert [like["article"]["id"] for like in data["debates"]["likes"]] == [article.pk]
    assert data["debates"]["reports"][0]["note"] == "Unpassend"
    # Nothing of anyone else's: the other reader's text and name appear nowhere.
    dump = json.dumps(data, ensure_ascii=False)
    assert "Fremder Text" not in dump
    assert "Beat Anders" not in dump


def test_the_export_never_holds_second_factor_secrets(reader_with_history):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(reader_with_history, "JBSWY3DPEHPK3PXP")
    data = download(reader_with_history, through_the_login=False)  # the login would ask for a code
    assert [factor["type"] for factor in data["two_factor"]] == ["totp"]
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(data)


def test_the_export_and_the_picture_need_a_login(client, reader_with_history):
    assert client.get(reverse("accounts:data-export")).status_code == 302
    assert client.get(reverse("accounts:avatar-download")).status_code == 302


def test_the_picture_downloads_as_a_file(reader_with_history):
    client = Client()
    client.force_login(reader_with_history)
    assert client.get(reverse("accounts:avatar-download")).status_code == 404  # none yet
    client.post(reverse("accounts:settings"), {"form": "avatar", "avatar-avatar": upload(photo_bytes())})
    response = client.get(reverse("accounts:avatar-download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content)[:4] == b"RIFF"  # WebP


def test_the_export_is_rate_limited(reader_with_history, settings):
    settings.KIOSK_RATE_LIMITS = {**settings.KIOSK_RATE_LIMITS, "export": {"user": "2/3600"}}
    client = Client()
    client.force_login(reader_with_history)
    answers = [client.get(reverse("accounts:data-export")).status_code for _n in range(3)]
    assert answers == [200, 200, 429]
