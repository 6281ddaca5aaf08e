"""Likes under concurrent requests: counts stay exact (PostgreSQL; CI runs the suite on it)."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from kiosk.comments import services
from kiosk.comments.models import Comment, Like
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrency need PostgreSQL"),
]

THREADS = 16


def run_together(jobs):
    """Start every job at the same moment, each on its own database connection."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def comment():
    # A transactional test starts from an empty database: Wagtail's root page is gone too.
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        Page.add_root(instance=Page(title="Root", slug="root"))
    section = SectionPageFactory(parent=make_home())
    article = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))
    return CommentFactory(article=article)


def test_sixteen_readers_liking_at_once_make_sixteen_likes(comment):
    readers = CommenterFactory.create_batch(THREADS)
    errors = run_together([lambda r=r: services.comment_like(comment=comment, reader=r) for r in readers])
    assert errors == []
    comment.refresh_from_db()
    assert comment.like_count == THREADS == Like.objects.filter(comment=comment).count()


def test_one_reader_liking_sixteen_times_at_once_counts_once(comment):
    reader = CommenterFactory()
    errors = run_together([lambda: services.comment_like(comment=comment, reader=reader)] * THREADS)
    assert errors == []
    comment.refresh_from_db()
    assert comment.like_count == 1 == Like.objects.filter(comment=comment).count()


def test_likes_and_unlikes_racing_leave_the_count_equal_to_the_rows(comment):
    readers = CommenterFactory.create_batch(THREADS // 2)
    for reader in readers[::2]:
        services.comment_like(comment=comment, reader=reader)
    jobs = []
    for reader in readers:
        jobs.append(lambda r=reader: services.toggle_like(comment=comment, reader=r))
        jobs.append(lambda r=reader: services.comment_unlike(comment=comment, reader=r))
    errors = run_together(jobs)
    assert errors == []
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.like_count == Like.objects.filter(comment=comment).count()


def test_the_same_comment_sent_ten_times_at_once_is_stored_once(comment):
    reader = CommenterFactory()
    article = comment.article
    errors = run_together(
        [lambda: services.comment_submit(article=article, author=reader, text="Doppelt gemoppelt")] * 10
    )
    assert Comment.objects.filter(author=reader, text="Doppelt gemoppelt").count() == 1
    assert len(errors) == 9
    assert {error.code for error in errors} == {"duplicate"}
