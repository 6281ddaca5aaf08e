"""An expiry time ends an article on time, before the scheduler unpublishes it."""

import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosk.news.models import ArticlePage
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")


def shared_seconds(response) -> int:
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def expire(article, *, seconds: float) -> None:
    article.expire_at = timezone.now() + timedelta(seconds=seconds)
    article.save_revision().publish()


def test_an_article_is_gone_at_its_expiry_time_though_routed_and_cached_before(client, section, settings):
    article = ArticlePageFactory(parent=section, title="Nur kurz")
    expire(article, seconds=1.5)
    assert client.get(article.url).status_code == 200
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    assert client.get(article.url).status_code == 200  # the routing cache has it now

    time.sleep(1.6)

    assert ArticlePage.objects.get(pk=article.pk).live  # no scheduler has run
    assert client.get(article.url).status_code == 404


def test_the_shared_page_lives_no_longer_than_the_article(client, section):
    article = ArticlePageFactory(parent=section)
    expire(article, seconds=120)
    assert 118 <= shared_seconds(client.get(article.url)) <= 120


def test_listings_and_feeds_live_no_longer_than_their_first_article(client, section):
    # A day old: no «vor 5 Minuten» on the front page shortens its lifetime to the minute.
    yesterday = timezone.now() - timedelta(days=1)
    expire(ArticlePageFactory(parent=section, published_at=yesterday), seconds=90)
    ArticlePageFactory(parent=section, published_at=yesterday)
    for url in (section.url, section.url + "feed/", "/"):
        assert 88 <= shared_seconds(client.get(url)) <= 90, url


def test_an_expired_article_leaves_listings_feeds_and_sitemaps(client, section, settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    gone = ArticlePageFactory(parent=section, title="Abgelaufene Meldung", slug="abgelaufen")
    ArticlePageFactory(parent=section, title="Bleibende Meldung")
    # As it stands between the expiry time and the scheduler's next run.
    ArticlePage.objects.filter(pk=gone.pk).update(expire_at=timezone.now() - timedelta(seconds=1))

    for url in (section.url, section.url + "feed/", "/", "/sitemap.xml", "/sitemap-news.xml"):
        content = client.get(url).content.decode()
        assert "Abgelaufene Meldung" not in content, url
        assert "/abgelaufen/" not in content, url
    assert "Bleibende Meldung" in client.get(section.url).content.decode()
