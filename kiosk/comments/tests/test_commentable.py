"""The article a comment write is for comes from the shared cache, and leaves it when the article changes."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from kiosk import cacheversions
from kiosk.comments import selectors
from kiosk.pagecache.fragments import page_version_name

pytestmark = pytest.mark.django_db


def test_a_second_write_asks_the_database_nothing(article, django_assert_num_queries):
    # The first write reads the article and what its window depends on (the desk's hours too).
    selectors.article_comment_window(selectors.commentable_article(article.pk), now=timezone.now())
    with django_assert_num_queries(0):
        cached = selectors.commentable_article(article.pk)
        window = selectors.article_comment_window(cached, now=timezone.now())
    assert cached.pk == article.pk
    assert window.is_open
    assert cached.url_path == article.url_path


def test_an_unpublished_article_takes_no_more_writes(article):
    assert selectors.commentable_article(article.pk) is not None
    article.unpublish()
    assert selectors.commentable_article(article.pk) is None
    article.save_revision().publish()
    assert selectors.commentable_article(article.pk) is not None


def test_a_republished_article_brings_its_new_comment_mode(article):
    selectors.commentable_article(article.pk)
    article.comment_mode = article.CommentMode.CLOSED
    article.save_revision().publish()
    cached = selectors.commentable_article(article.pk)
    assert cached.comment_mode == article.CommentMode.CLOSED
    assert not selectors.article_comment_window(cached, now=timezone.now()).is_open


def test_a_sections_new_hours_reach_the_window(section, article):
    now = timezone.now()
    assert selectors.article_comment_window(selectors.commentable_article(article.pk), now=now).is_open
    section.comment_window_hours = 0
    section.save_revision().publish()
    cached = selectors.commentable_article(article.pk)
    assert cached.inherited_window_hours[0] == 0
    assert not selectors.article_comment_window(cached, now=now).is_open


def test_an_id_no_page_ever_had_leaves_nothing_in_the_cache(db):
    unknown = 987_654
    assert selectors.commentable_article(unknown) is None
    # Without a version there is no key to cache an entry under either.
    assert cacheversions.peek(page_version_name(unknown)) == (None,)


def test_an_article_never_asked_for_before_is_cached_under_a_new_version(article):
    cache.delete(cacheversions.PREFIX + page_version_name(article.pk))
    assert selectors.commentable_article(article.pk).pk == article.pk
    (version,) = cacheversions.peek(page_version_name(article.pk))
    assert version is not None
    # Writes once its window has passed are refused from the same entry.
    later = timezone.now() + timedelta(days=2)
    assert not selectors.article_comment_window(selectors.commentable_article(article.pk), now=later).is_open
