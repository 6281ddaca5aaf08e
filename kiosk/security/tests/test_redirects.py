"""No redirect leaves the site (issue 7, defect 6)."""

import pytest
from django.test import Client
from django.urls import reverse

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver.evil.example/",
]


@pytest.fixture
def desk(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.mark.parametrize("target", OFF_SITE)
def test_moderators_approve_and_reject_never_follow_next_off_site(desk, article, other_reader, target):
    pending = CommentFactory.create_batch(
        2, article=article, author=other_reader, status=Comment.Status.PENDING
    )
    approve = desk.post(reverse("moderation_admin:approve", args=[pending[0].pk]), {"next": target})
    reject = desk.post(
        reverse("moderation_admin:reject", args=[pending[1].pk]), {"next": target, "reason": "spam"}
    )
    for response in (approve, reject):
        assert response.status_code == 302
        assert response["Location"] == reverse("moderation_admin:queue")


def test_moderators_next_on_site_is_kept(desk, article, other_reader):
    comment = CommentFactory(article=article, author=other_reader, status=Comment.Status.PENDING)
    target = reverse("moderation_admin:queue") + "?status=pending&p=2"
    response = desk.post(reverse("moderation_admin:approve", args=[comment.pk]), {"next": target})
    assert response["Location"] == target


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_refused_comment_action_does_not_follow_the_referer_off_site(
    client, reader, closed_article, other_reader, target
):
    comment = CommentFactory(article=closed_article, author=other_reader)
    client.force_login(reader)
    response = client.post(
        reverse("comments:like", args=[comment.pk]), {"action": "like"}, HTTP_REFERER=target
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith(("//", "/\\"))
    assert comment.article.url in response["Location"]


def test_a_refused_comment_action_goes_back_to_our_own_page(client, reader, closed_article, other_reader):
    comment = CommentFactory(article=closed_article, author=other_reader)
    client.force_login(reader)
    back = "http://testserver" + closed_article.url + "?sort=oldest"
    response = client.post(reverse("comments:like", args=[comment.pk]), {"action": "like"}, HTTP_REFERER=back)
    assert response["Location"] == back


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_login_detour_of_a_comment_post_stays_on_site(client, article, target):
    response = client.post(
        reverse("comments:post", args=[article.pk]), {"text": "Hallo"}, HTTP_REFERER=target
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
