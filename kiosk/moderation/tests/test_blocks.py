"""Blocking readers: refused comments, likes and reports with the reason, never silently; lifted by hand or in time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kiosk.accounts import selectors as account_selectors
from kiosk.comments import services as comment_services
from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory
from kiosk.moderation import services
from kiosk.moderation.models import AuditEntry, Block

pytestmark = pytest.mark.django_db


def test_a_blocked_reader_is_refused_comments_likes_and_reports_with_the_reason(
    article, reader, other_reader, moderator
):
    published = CommentFactory(article=article, author=other_reader, status=Comment.Status.PUBLISHED)
    services.reader_block(reader=reader, moderator=moderator, reason="Wiederholt beleidigend")
    reader.refresh_from_db()
    for write in (
        lambda: comment_services.comment_submit(article=article, author=reader, text="Hallo"),
        lambda: comment_services.comment_like(comment=published, reader=reader),
        lambda: comment_services.comment_report(comment=published, reporter=reader, reason="spam"),
    ):
        with pytest.raises(comment_services.CommentError) as refused:
            write()
        assert (refused.value.code, refused.value.status) == ("blocked", 403)
        assert "Wiederholt beleidigend" in refused.value.message
    assert Comment.objects.count() == 1


def test_a_block_until_a_time_ends_by_itself(article, reader, moderator):
    now = timezone.now()
    services.reader_block(
        reader=reader, moderator=moderator, reason="Abkühlen", until=now + timedelta(hours=2), now=now
    )
    reader.refresh_from_db()
    with pytest.raises(comment_services.CommentError, match="Abkühlen"):
        comment_services.comment_submit(
            article=article, author=reader, text="Jetzt", now=now + timedelta(hours=1)
        )
    later = comment_services.comment_submit(
        article=article, author=reader, text="Später", now=now + timedelta(hours=2)
    )
    assert later.is_pending
    assert not Block.objects.standing(now=now + timedelta(hours=2)).exists()


def test_blocking_can_reject_the_waiting_comments_and_lifting_lets_the_reader_back(
    article, reader, moderator
):
    waiting = comment_services.comment_submit(article=article, author=reader, text="Wartet")
    services.reader_block(reader=reader, moderator=moderator, reason="Spam", reject_waiting=True)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.rejection_note) == ("rejected", "Spam")
    assert services.reader_unblock(reader=reader, moderator=moderator)
    reader.refresh_from_db()
    assert comment_services.comment_submit(article=article, author=reader, text="Wieder da").is_pending
    assert not services.reader_unblock(reader=reader, moderator=moderator)  # nothing left to lift
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "reader_blocked",
        "reader_unblocked",
    ]


def test_a_new_block_replaces_the_standing_one(reader, moderator):
    services.reader_block(reader=reader, moderator=moderator, reason="Erstens")
    services.reader_block(reader=reader, moderator=moderator, reason="Zweitens")
    assert list(Block.objects.filter(lifted_at__isnull=True).values_list("reason", flat=True)) == ["Zweitens"]
    reader.refresh_from_db()
    assert reader.block_reason == "Zweitens"


@pytest.mark.parametrize(
    ("reason", "until", "code"),
    [
        ("", None, "reason_required"),
        ("  \u200b ", None, "reason_required"),
        ("Grund", timedelta(hours=-1), "until_past"),
    ],
)
def test_a_block_needs_a_reason_and_an_end_in_the_future(reader, moderator, reason, until, code):
    now = timezone.now()
    with pytest.raises(services.ModerationError) as refused:
        services.reader_block(
            reader=reader, moderator=moderator, reason=reason, until=until and now + until, now=now
        )
    assert refused.value.code == code
    assert not Block.objects.exists()


def test_staff_are_not_blocked_here(moderator, other_reader):
    with pytest.raises(services.ModerationError):
        services.reader_block(reader=moderator, moderator=moderator, reason="Versehen")


def test_moderators_block_and_lift_in_the_admin(client, moderator, reader):
    client.force_login(moderator)
    url = reverse("moderation_admin:blocks")
    response = client.post(url, {"reader": reader.email.upper(), "reason": "Hetze", "until": ""}, follow=True)
    assert response.status_code == 200
    assert "Hetze" in response.content.decode()
    unknown = client.post(url, {"reader": "niemand@example.org", "reason": "Hetze"})
    assert unknown.status_code == 400
    client.post(reverse("moderation_admin:unblock", args=[reader.pk]))
    reader.refresh_from_db()
    assert reader.blocked_at is None
    assert "Hetze" not in client.get(url).content.decode()


def test_the_api_refuses_a_blocked_reader_with_a_clear_message(client, article, reader, moderator):
    services.reader_block(reader=reader, moderator=moderator, reason="Spam")
    client.force_login(reader)
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Hallo"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "blocked"
    assert "Spam" in response.json()["message"]


def test_a_readers_blocks_are_in_their_data_export(reader, moderator):
    services.reader_block(reader=reader, moderator=moderator, reason="Hetze")
    [block] = account_selectors.personal_data(reader, now=timezone.now())["moderation"]["blocks"]
    assert (block["reason"], block["until"], block["lifted"]) == ("Hetze", None, None)
