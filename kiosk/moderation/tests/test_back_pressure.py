"""Back-pressure: new comments pause while the queue is too long or too old, and the pause lifts by itself."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from kiosk.comments import services as comment_services
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.moderation import queue, selectors
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _state(pending=0, oldest=None):
    return queue.QueueState(pending=pending, oldest_pending_at=oldest, busiest=(), expected_wait=None)


def test_the_queue_is_overloaded_by_its_length_or_its_oldest_comment():
    limits = queue.Limits(max_pending=100, max_wait=timedelta(minutes=30), busiest_only=False)
    assert not queue.is_overloaded(_state(99, NOW - timedelta(minutes=30)), limits, now=NOW)
    assert queue.is_overloaded(_state(100), limits, now=NOW)
    assert queue.is_overloaded(_state(1, NOW - timedelta(minutes=31)), limits, now=NOW)
    assert not queue.Limits(max_pending=0, max_wait=None, busiest_only=False).in_force


def test_new_comments_pause_while_too_many_wait_and_it_lifts_once_the_desk_caught_up(
    settings, article, reader, moderator
):
    settings.KIOSK_BACK_PRESSURE_MAX_PENDING = 2
    waiting = [
        comment_services.comment_submit(article=article, author=CommenterFactory(), text="Eins")
        for _ in range(2)
    ]
    cache.delete(selectors.QUEUE_STATE_KEY)  # the queue is looked at again every 30 s
    with pytest.raises(comment_services.CommentError) as refused:
        comment_services.comment_submit(article=article, author=reader, text="Drei")
    assert (refused.value.code, refused.value.status) == ("desk_busy", 403)
    for comment in waiting:
        comment_services.comment_approve(comment=comment, moderator=moderator)
    cache.delete(selectors.QUEUE_STATE_KEY)  # the next look at the queue, at most 30 s later
    assert comment_services.comment_submit(article=article, author=reader, text="Drei").is_pending


def test_with_the_busiest_scope_only_the_busiest_articles_pause(settings, section, article, reader):
    settings.KIOSK_BACK_PRESSURE_MAX_PENDING = 3
    settings.KIOSK_BACK_PRESSURE_SCOPE = "busiest"
    selectors_busiest = selectors.BUSIEST_ARTICLES
    quiet = [
        ArticlePageFactory(parent=section, published_at=NOW - timedelta(hours=1))
        for _ in range(selectors_busiest)
    ]
    for _ in range(3):
        CommentFactory(article=article, author=CommenterFactory(), status="pending")
    for other in quiet[:-1]:
        CommentFactory(article=other, author=CommenterFactory(), status="pending")
    with pytest.raises(comment_services.CommentError) as refused:
        comment_services.comment_submit(article=article, author=reader, text="Auf dem vollen Artikel")
    assert refused.value.code == "desk_busy"
    assert comment_services.comment_submit(
        article=quiet[-1], author=reader, text="Auf einem ruhigen"
    ).is_pending


def test_without_limits_nothing_pauses_and_the_queue_is_not_even_read(
    article, reader, django_assert_num_queries
):
    comment_services.comment_submit(article=article, author=reader, text="Erst")
    assert cache.get(selectors.QUEUE_STATE_KEY) is None
