"""RSS feeds: valid RSS 2.0, newest first, complete items, cacheable, and found from every page."""

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kiosk.news.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    PartnerFactory,
    SectionPageFactory,
    make_home,
)

pytestmark = pytest.mark.django_db

RSS_TYPE = "application/rss+xml"
# The newsroom's public address; requests come to testserver and the Site record says localhost.
BASE = "https://news.example"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


@pytest.fixture
def tree():
    home = make_home()
    science = SectionPageFactory(parent=home, title="Wissen", slug="wissen")
    space = SectionPageFactory(parent=science, title="Raumfahrt", slug="raumfahrt")
    culture = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    return home, science, space, culture


def fetch_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return response, feed


def test_site_feed_lists_every_section_newest_first(client, tree):
    _, _, space, culture = tree
    now = timezone.now()
    oldest = ArticlePageFactory(parent=space, title="Älteste", published_at=now - timedelta(hours=3))
    newest = ArticlePageFactory(parent=culture, title="Neueste", published_at=now - timedelta(hours=1))
    middle = ArticlePageFactory(parent=space, title="Mittlere", published_at=now - timedelta(hours=2))

    response, feed = fetch_feed(client, "/feed/")

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert feed.feed.title == "Kiosk"
    assert feed.feed.link == f"{BASE}/"
    assert [e.link for e in feed.entries] == [newest.full_url, middle.full_url, oldest.full_url]


def test_feed_items_are_complete(client, tree):
    _, _, space, _ = tree
    published = timezone.now() - timedelta(hours=1)
    article = ArticlePageFactory(
        parent=space, title="Lange Schlagzeile", teaser_headline="Kurz", published_at=published
    )
    article.authors = [AuthorFactory(name="Anna Muster"), AuthorFactory(name="Beat Beispiel")]
    article.tags.add("mond", "sonde")
    article.save()

    response, feed = fetch_feed(client, "/feed/")
    (entry,) = feed.entries

    assert entry.title == "Kurz"
    assert entry.link == article.full_url
    assert entry.id.startswith("tag:news.example,")
    assert entry.id.endswith(f":article-{article.pk}")
    assert entry.guidislink is False
    assert entry.summary == article.lead
    assert sorted(tag.term for tag in entry.tags) == ["mond", "sonde"]
    assert entry.author == "Anna Muster, Beat Beispiel"
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == published.replace(microsecond=0)
    # RFC 822 dates with the newsroom's UTC offset.
    assert re.search(r"<pubDate>\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}</pubDate>", response.text)


def test_partner_copy_without_byline_names_the_partner(client, tree):
    _, _, space, _ = tree
    ArticlePageFactory(parent=space, partner=PartnerFactory(name="Bergpost"))
    _, feed = fetch_feed(client, "/feed/")
    assert feed.entries[0].author == "Bergpost"


def test_guid_survives_a_new_slug_and_a_language_prefix(client, tree):
    _, _, space, _ = tree
    article = ArticlePageFactory(parent=space)
    _, feed = fetch_feed(client, "/feed/")
    guid = feed.entries[0].id

    article.slug = "neuer-slug"
    article.save_revision().publish()

    assert fetch_feed(client, "/feed/")[1].entries[0].id == guid
    assert fetch_feed(client, "/en/feed/")[1].entries[0].id == guid


def test_section_feed_has_only_its_articles(client, tree):
    _, science, space, culture = tree
    ArticlePageFactory(parent=space, title="Im Weltall")
    ArticlePageFactory(parent=culture, title="Im Theater")

    response, feed = fetch_feed(client, f"{science.url}feed/")

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert feed.feed.title == "Wissen – Kiosk"
    assert feed.feed.link == science.full_url
    assert [e.title for e in feed.entries] == ["Im Weltall"]
    assert fetch_feed(client, f"{culture.url}feed/")[1].entries[0].title == "Im Theater"


def test_feed_queries_do_not_grow_with_articles(client, tree, settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    _, _, space, _ = tree

    def count():
        with CaptureQueriesContext(connection) as queries:
            fetch_feed(client, "/feed/")
        return len(queries)

    def add_article():
        article = ArticlePageFactory(parent=space, partner=PartnerFactory())
        article.authors = [AuthorFactory()]
        article.tags.add("thema")
        article.save()

    add_article()
    count()  # site and private-section lookups are cached after the first request
    few = count()
    for _ in range(5):
        add_article()
    assert count() == few


class FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type") == RSS_TYPE:
            self.hrefs.append(attrs["href"])


def feed_links(client, url) -> list[str]:
    parser = FeedLinks()
    parser.feed(client.get(url).content.decode())
    return parser.hrefs


def test_every_page_announces_the_site_feed_and_its_section_feed(client, tree):
    _, _, space, _ = tree
    article = ArticlePageFactory(parent=space)

    assert feed_links(client, "/") == ["/feed/"]
    assert sorted(feed_links(client, space.url)) == ["/feed/", f"{space.url}feed/"]
    assert sorted(feed_links(client, article.url)) == ["/feed/", f"{space.url}feed/"]
    for href in feed_links(client, article.url):
        fetch_feed(client, href)
