"""Only the author and moderators ever see an unpublished comment, on every route (issue 7, defect 1)."""

import pytest
from django.test import Client
from django.urls import reverse

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

SECRET = "Nur für die Moderation bestimmt"
HIDDEN = [Comment.Status.PENDING, Comment.Status.REJECTED]


@pytest.fixture(params=HIDDEN)
def hidden(request, article, other_reader):
    return CommentFactory(article=article, author=other_reader, status=request.param, text=SECRET)


@pytest.fixture
def stranger(reader):
    client = Client()
    client.force_login(reader)
    return client


def _routes(comment):
    return [
        ("get", reverse("comments:report", args=[comment.pk]), {}),
        ("post", reverse("comments:report", args=[comment.pk]), {"reason": "spam"}),
        ("post", reverse("comments:like", args=[comment.pk]), {"action": "like"}),
        ("get", reverse("comments:permalink", args=[comment.pk]), {}),
        ("get", reverse("comments:edit", args=[comment.pk]), {}),
        ("get", reverse("comments:delete", args=[comment.pk]), {}),
        ("get", f"/api/comments/{comment.pk}", None),
        ("post", f"/api/comments/{comment.pk}/like", None),
        ("post", f"/api/comments/{comment.pk}/reports", {"reason": "spam"}),
    ]


def test_other_readers_get_404_everywhere_and_never_the_text(stranger, hidden):
    for method, url, data in _routes(hidden):
        if data is None or url.startswith("/api/"):
            response = getattr(stranger, method)(url, data or {}, content_type="application/json")
        else:
            response = getattr(stranger, method)(url, data)
        assert response.status_code == 404, (method, url, response.status_code)
        assert SECRET not in response.content.decode(), (method, url)
    hidden.refresh_from_db()
    assert (hidden.like_count, hidden.report_count) == (0, 0)


def test_anonymous_readers_get_404_or_login_and_never_the_text(client, hidden):
    for method, url, data in _routes(hidden):
        response = getattr(client, method)(url, data or {})
        assert response.status_code in (302, 401, 404), (method, url)
        assert SECRET not in response.content.decode()


def test_a_hidden_comment_cannot_be_answered_by_others(stranger, hidden, article):
    response = stranger.post(
        reverse("comments:post", args=[article.pk]), {"text": "Antwort", "parent": hidden.pk}
    )
    assert response.status_code == 400
    assert SECRET not in response.content.decode()
    api = stranger.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Antwort", "parent_id": hidden.pk},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert not Comment.objects.filter(text="Antwort").exists()


def test_the_article_page_and_the_profile_do_not_show_it(client, stranger, hidden, article, other_reader):
    for visitor in (client, stranger):
        assert SECRET not in visitor.get(article.url).content.decode()
        assert SECRET not in visitor.get(reverse("accounts:profile", args=[other_reader.pk])).content.decode()
        listing = visitor.get(f"/api/articles/{article.pk}/comments").content.decode()
        assert SECRET not in listing


def test_the_author_and_moderators_still_see_it(hidden, other_reader, moderator):
    author = Client()
    author.force_login(other_reader)
    assert author.get(f"/api/comments/{hidden.pk}").json()["text"] == SECRET
    assert SECRET in author.get(hidden.article.url).content.decode()
    desk = Client()
    desk.force_login(moderator)
    assert SECRET in desk.get(reverse("moderation_admin:queue") + f"?tab={hidden.status}").content.decode()
    assert desk.get(reverse("comments:report", args=[hidden.pk])).status_code == 200
