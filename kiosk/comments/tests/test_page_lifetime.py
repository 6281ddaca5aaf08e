"""A shared copy of an article page lives no longer than its comment window (the comment section says so)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def s_maxage(response) -> int:
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def test_an_article_whose_window_closes_in_two_minutes_is_shared_for_two_minutes_at_most(client, section):
    # Windows are 24 hours by default: this one closes two minutes from now (the cache keeps 5).
    article = ArticlePageFactory(
        parent=section, published_at=timezone.now() - timedelta(hours=23, minutes=58)
    )
    assert 100 <= s_maxage(client.get(article.url)) <= 120


def test_an_article_with_a_long_open_window_keeps_the_usual_lifetime(client, article, settings):
    assert s_maxage(client.get(article.url)) == settings.KIOSK_PAGE_CACHE_SECONDS


def test_a_closed_debate_keeps_the_usual_lifetime(client, closed_article, settings):
    assert s_maxage(client.get(closed_article.url)) == settings.KIOSK_PAGE_CACHE_SECONDS
