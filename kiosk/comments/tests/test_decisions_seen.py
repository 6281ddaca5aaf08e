"""Reads read, writes write: the notice of newly published comments goes only when the reader dismisses it."""

import pytest
from django.urls import reverse

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

NOTICE = "ist jetzt veröffentlicht"


@pytest.fixture
def published(article, reader):
    return CommentFactory(article=article, author=reader, status=Comment.Status.PUBLISHED)


def test_viewing_the_article_again_and_again_keeps_the_notice(client, article, reader, published):
    client.force_login(reader)
    for _ in range(2):
        assert NOTICE in client.get(article.url).content.decode()
    client.head(article.url)
    published.refresh_from_db()
    assert not published.decision_seen


def test_dismissing_it_with_the_form_marks_it_seen(client, article, reader, published):
    client.force_login(reader)
    response = client.post(reverse("comments:decisions-seen", args=[article.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    assert NOTICE not in client.get(article.url).content.decode()


def test_dismissing_it_through_the_api_marks_only_ones_own(client, article, reader, other_reader, published):
    others = CommentFactory(article=article, author=other_reader, status=Comment.Status.PUBLISHED)
    client.force_login(reader)
    response = client.post(f"/api/articles/{article.pk}/comments/seen")
    assert response.status_code == 204
    assert client.post(f"/api/articles/{article.pk}/comments/seen").status_code == 204  # again: nothing
    published.refresh_from_db()
    others.refresh_from_db()
    assert (published.decision_seen, others.decision_seen) == (True, False)


def test_it_takes_a_logged_in_reader_and_a_post(client, article, reader):
    url = reverse("comments:decisions-seen", args=[article.pk])
    assert client.post(url).status_code == 302  # to the login
    assert client.post(f"/api/articles/{article.pk}/comments/seen").status_code == 401
    client.force_login(reader)
    assert client.get(url).status_code == 405
