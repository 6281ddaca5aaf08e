"""Only what happened counts against a rate limit (issue 7, defect 3, last sentence)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory
from kiosk.security import ratelimits

pytestmark = pytest.mark.django_db

LIMITS = {
    "comment": {"user": "2/60"},
    "like": {"user": "2/60"},
    "report": {"user": "2/60"},
    "login_failed": {},
}


@override_settings(KIOSK_RATE_LIMITS=LIMITS)
def test_refused_comments_do_not_use_up_the_allowance(client, article, closed_article, reader):
    client.force_login(reader)
    for n in range(5):
        assert (
            client.post(
                reverse("comments:post", args=[closed_article.pk]), {"text": f"Zu spät {n}"}
            ).status_code
            == 403
        )
        assert client.post(reverse("comments:post", args=[article.pk]), {"text": ""}).status_code == 400
    url = reverse("comments:post", args=[article.pk])
    assert [client.post(url, {"text": f"Gedanke {n}"}).status_code for n in range(3)] == [302, 302, 429]


@override_settings(KIOSK_RATE_LIMITS=LIMITS)
def test_refused_likes_and_reports_do_not_use_up_the_allowance(
    client, article, closed_article, reader, other_reader
):
    client.force_login(reader)
    old = CommentFactory(article=closed_article, author=other_reader)
    own = CommentFactory(article=article, author=reader)
    for _attempt in range(4):
        assert client.post(reverse("comments:like", args=[old.pk]), {"action": "like"}).status_code in (
            302,
            403,
        )
        client.post(f"/api/comments/{own.pk}/reports", {"reason": "spam"}, content_type="application/json")
    fresh = CommentFactory.create_batch(3, article=article, author=other_reader)
    likes = [
        client.post(f"/api/comments/{c.pk}/like", content_type="application/json").status_code for c in fresh
    ]
    assert likes == [200, 200, 429]
    reports = [
        client.post(
            f"/api/comments/{c.pk}/reports", {"reason": "spam"}, content_type="application/json"
        ).status_code
        for c in fresh
    ]
    assert reports == [201, 201, 429]
    assert Comment.objects.get(pk=fresh[2].pk).like_count == 0


@override_settings(KIOSK_RATE_LIMITS={"comment": {"user": "2/60"}})
def test_over_the_limit_attempts_do_not_extend_the_wait():
    for _n in range(2):
        ratelimits.hit("comment", user=1, now=1000.0)
    for _n in range(10):
        with pytest.raises(ratelimits.RateLimited) as limited:
            ratelimits.hit("comment", user=1, now=1001.0)
    assert limited.value.retry_after == 19  # the window of sixty seconds ends at 1020
    ratelimits.hit("comment", user=1, now=1020.0)  # a new window


@override_settings(
    KIOSK_RATE_LIMITS={"comment": {"user": "1/60"}},
    CACHES={
        "default": {
            "BACKEND": "kiosk.pagecache.rediscache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    },
)
def test_with_the_shared_cache_down_nothing_is_counted_and_nothing_refused(caplog):
    for _attempt in range(3):
        assert ratelimits.hit("comment", user=1).keys == []
    assert "not counted" in caplog.text


@override_settings(KIOSK_RATE_LIMITS={"comment": {"user": "2/60", "ip": "3/60"}})
def test_an_attempt_over_one_scopes_limit_counts_in_none():
    for _attempt in range(2):
        ratelimits.hit("comment", user=1, ip="192.0.2.1")
    with pytest.raises(ratelimits.RateLimited):
        ratelimits.hit("comment", user=1, ip="192.0.2.1")
    # The refused attempt gave its address count back: another reader there may still write once.
    ratelimits.hit("comment", user=2, ip="192.0.2.1")
    with pytest.raises(ratelimits.RateLimited):
        ratelimits.hit("comment", user=3, ip="192.0.2.1")
