"""Bad input gets a clear 4xx and stores nothing (issue 7, defect 2)."""

import pytest
from django.test import Client
from django.urls import reverse

from kiosk.comments.models import Comment, Report
from kiosk.comments.services import comment_reject
from kiosk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


@pytest.fixture
def strict(reader):
    """Logged in, with CSRF checks on, as a real client is."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    token = client.get("/api/session").json()["csrf_token"]
    client.defaults["HTTP_X_CSRFTOKEN"] = token
    return client


@pytest.mark.parametrize(
    "path",
    [
        f"/kommentare/artikel/{HUGE}/",
        f"/kommentare/{HUGE}/",
        f"/kommentare/{HUGE}/bearbeiten/",
        f"/kommentare/{HUGE}/loeschen/",
        f"/kommentare/{HUGE}/gefaellt-mir/",
        f"/kommentare/{HUGE}/melden/",
        f"/en/kommentare/artikel/{HUGE}/",
        f"/leser/{HUGE}/",
        "/kommentare/artikel/9223372036854775808/",  # one beyond the largest id
        "/kommentare/artikel/0/",
    ],
)
def test_ids_beyond_the_database_range_are_404(strict, path):
    assert strict.post(path, {"text": "Hallo"}).status_code == 404
    assert strict.get(path).status_code == 404
    assert not Comment.objects.exists()


def test_ids_beyond_range_in_the_admin_queue_are_404(moderator):
    client = Client()
    client.force_login(moderator)
    assert client.post(f"/admin/moderation/{HUGE}/approve/").status_code == 404
    assert client.post(f"/admin/moderation/{HUGE}/reject/", {"reason": "spam"}).status_code == 404


@pytest.mark.parametrize("parent", [HUGE, "-1", "0", "abc", "1.5"])
def test_a_bad_parent_in_the_form_is_refused_not_posted_top_level(strict, article, parent):
    response = strict.post(reverse("comments:post", args=[article.pk]), {"text": "Antwort", "parent": parent})
    assert response.status_code == 400
    assert "Antwort" in response.content.decode()  # the form comes back with the text
    assert not Comment.objects.exists()


def test_a_10_mb_body_to_the_api_is_413_json(strict, article):
    body = b'{"text": "' + b"a" * 10_000_000 + b'"}'
    response = strict.post(f"/api/articles/{article.pk}/comments", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x"],
)
def test_multipart_without_a_good_boundary_to_the_api_is_400_json(
    strict, article, other_reader, content_type
):
    comment = CommentFactory(article=article, author=other_reader)
    urls = [f"/api/articles/{article.pk}/comments", f"/api/comments/{comment.pk}/reports"]
    if "boundary=x" not in content_type:  # a readable body the like ignores is no error
        urls.append(f"/api/comments/{comment.pk}/like")
    for url in urls:
        response = strict.post(url, b"--x\r\nnonsense", content_type=content_type)
        assert 400 <= response.status_code < 500, (url, response.content)
        assert response.json()["message"]
    assert Comment.objects.count() == 1
    assert not Report.objects.exists()


def test_a_nul_in_a_report_note_is_removed_on_every_path(strict, article, other_reader):
    first = CommentFactory(article=article, author=other_reader)
    second = CommentFactory(article=article, author=other_reader)
    form = strict.post(
        reverse("comments:report", args=[first.pk]), {"reason": "other", "note": "Be\x00treff\u202e"}
    )
    assert form.status_code == 302
    api = strict.post(
        f"/api/comments/{second.pk}/reports",
        {"reason": "other", "note": "Be\x00treff\x07"},
        content_type="application/json",
    )
    assert api.status_code == 201
    assert sorted(Report.objects.values_list("note", flat=True)) == ["Betreff", "Betreff"]


def test_a_note_of_nothing_but_control_characters_counts_as_empty(strict, article, other_reader):
    comment = CommentFactory(article=article, author=other_reader)
    response = strict.post(
        f"/api/comments/{comment.pk}/reports",
        {"reason": "other", "note": "\x00\x01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "note_required"


def test_comment_and_reply_texts_lose_controls_and_direction_overrides(strict, article, other_reader):
    parent = CommentFactory(article=article, author=other_reader)
    strict.post(reverse("comments:post", args=[article.pk]), {"text": "Ein\x00 Text\u202e mit\u2066 Tricks"})
    strict.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Antwort\x00\u202d", "parent_id": parent.pk},
        content_type="application/json",
    )
    assert sorted(Comment.objects.exclude(pk=parent.pk).values_list("text", flat=True)) == [
        "Antwort",
        "Ein Text mit Tricks",
    ]


def test_a_rejection_note_is_cleaned(article, other_reader, moderator):
    comment = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING)
    comment_reject(comment=comment, moderator=moderator, reason="other", note="Bitte\x00 sachlich\u202e")
    comment.refresh_from_db()
    assert comment.rejection_note == "Bitte sachlich"


def test_display_names_lose_controls_and_direction_overrides(reader):
    client = Client()
    client.force_login(reader)
    response = client.post(
        reverse("accounts:settings"),
        {"form": "profile", "profile-display_name": "Ev\u202eil\x00 \u2066Name\u200b\n"},
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.display_name == "Evil Name"


def test_the_signup_cleans_the_display_name_too(client):
    from kiosk.news.tests.factories import make_home

    make_home()
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "\u202eAnna\x00 Muster",
            "email": "anna@example.ch",
            "password1": "ein-langes-Passwort-7",
            "password2": "ein-langes-Passwort-7",
        },
    )
    assert response.status_code == 302
    from kiosk.accounts.models import User

    assert User.objects.get(email="anna@example.ch").display_name == "Anna Muster"


def test_a_host_we_do_not_serve_is_a_json_400_under_the_api(client):
    response = client.get("/api/session", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    page = client.get("/", HTTP_HOST="evil.example")
    assert page.status_code == 400
    assert not page["Content-Type"].startswith("application/json")
