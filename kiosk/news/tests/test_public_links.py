"""Feeds, sitemaps and robots.txt link to the public address (KIOSK_BASE_URL) only.

Requests come to ``testserver`` and the Site record says ``localhost``; neither
may appear in what search engines and feed readers keep.
"""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db

BASE = "https://news.example"
URL = re.compile(r"""[a-z][a-z0-9+.-]*://[^\s"'<>]+""", re.IGNORECASE)
# Names of XML vocabularies, not links.
NAMESPACES = {
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "http://www.google.com/schemas/sitemap-news/0.9",
    "http://www.w3.org/2005/Atom",
    "http://www.w3.org/1999/xhtml",
    "http://purl.org/dc/elements/1.1/",
}


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]


@pytest.fixture
def article():
    section = SectionPageFactory(parent=make_home(), title="Wissen", slug="wissen")
    return ArticlePageFactory(
        parent=section,
        slug="zürcher-sonde",
        lead_image=KioskImageFactory(),
        published_at=timezone.now() - timedelta(hours=1),
    )


def links_in(content: bytes) -> list[str]:
    return [url for url in URL.findall(content.decode()) if url not in NAMESPACES]


@pytest.mark.parametrize(
    "path",
    ["/feed/", "/wissen/feed/", "/en/wissen/feed/", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt"],
)
def test_feeds_sitemaps_and_robots_link_only_to_the_public_address(client, article, path):
    response = client.get(path)

    assert response.status_code == 200
    links = links_in(response.content)
    assert links
    assert all(link.startswith(f"{BASE}/") for link in links), links
    assert b"testserver" not in response.content
    assert b"localhost" not in response.content


def test_feed_items_link_to_the_article_on_the_public_address(client, article):
    content = client.get("/wissen/feed/").content.decode()

    assert f"<link>{BASE}/wissen/z%C3%BCrcher-sonde/</link>" in content
    assert f'href="{BASE}/wissen/feed/"' in content  # the feed's own address
    assert '<guid isPermaLink="false">tag:news.example,' in content


def test_the_article_page_names_the_same_addresses_whatever_host_it_was_asked_on(client, article, settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    pages = []
    for host in ("testserver", "127.0.0.1"):
        cache.clear()  # rendered afresh, fragments included
        pages.append(client.get(article.url, HTTP_HOST=host))

    assert all(page.status_code == 200 for page in pages)
    heads = [page.content.decode().split("</head>")[0] for page in pages]
    assert heads[0] == heads[1]
    for link in links_in(heads[0].encode()):
        assert not link.startswith(("http://testserver", "http://127.0.0.1", "http://localhost")), link
    assert f'<link rel="canonical" href="{BASE}/wissen/z%C3%BCrcher-sonde/">' in heads[0]
