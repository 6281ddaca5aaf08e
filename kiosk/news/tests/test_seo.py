"""What search engines and social networks read: meta tags, JSON-LD, sitemaps and robots.txt."""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news import seo
from kiosk.news.models import ArticlePage
from kiosk.news.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    PartnerFactory,
    SectionPageFactory,
    make_home,
)
from kiosk.newsroom.models import NewsroomSettings

pytestmark = pytest.mark.django_db

OFFSET = re.compile(r"T\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NEWS = {**SITEMAP, "news": "http://www.google.com/schemas/sitemap-news/0.9"}
# The newsroom's public address; requests come to testserver and the Site record says localhost.
BASE = "https://news.example"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data

    def one(self, key: str) -> str:
        (value,) = self.meta[key]
        return value

    def canonical(self) -> str:
        (link,) = [link for link in self.links if link.get("rel") == "canonical"]
        return link["href"]

    def article_jsonld(self) -> dict:
        (block,) = self.jsonld
        return json.loads(block)


def head_of(client, url) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def tree():
    home = make_home()
    section = SectionPageFactory(parent=home, title="Wissen", slug="wissen", intro="Forschung und Technik.")
    sub = SectionPageFactory(parent=section, title="Raumfahrt", slug="raumfahrt")
    return home, section, sub


@pytest.fixture
def newsroom():
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publisher_name = "Kiosk Zeitung"
    settings.x_handle = "kiosk"
    settings.save()
    return settings


def full_article(parent, **kwargs):
    article = ArticlePageFactory(
        parent=parent,
        title="Die Sonde hat den Mond erreicht und sendet erste Bilder",
        teaser_headline="Sonde am Mond",
        kicker="Raumfahrt",
        lead_image=KioskImageFactory(description="Die Sonde vor dem Start"),
        published_at=timezone.now() - timedelta(hours=2),
        **kwargs,
    )
    article.authors = [AuthorFactory(name="Anna Muster"), AuthorFactory(name="Beat Beispiel")]
    article.tags.add("mond", "sonde")
    article.save()
    return article


def test_article_jsonld_describes_the_news_article(client, tree, newsroom):
    _, _, sub = tree
    article = full_article(sub)

    data = head_of(client, article.url).article_jsonld()

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["alternativeHeadline"] == "Sonde am Mond"
    assert data["description"] == article.lead
    assert len(data["image"]) == 3
    assert all(url.startswith(f"{BASE}/media/") for url in data["image"])
    assert OFFSET.search(data["datePublished"])
    assert data["dateModified"] == data["datePublished"]
    assert data["author"] == [
        {"@type": "Person", "name": "Anna Muster", "url": f"{BASE}/autoren/anna-muster/"},
        {"@type": "Person", "name": "Beat Beispiel", "url": f"{BASE}/autoren/beat-beispiel/"},
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Kiosk Zeitung", "url": f"{BASE}/"}
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": article.full_url}
    assert data["articleSection"] == "Raumfahrt"
    assert sorted(data["keywords"]) == ["mond", "sonde"]
    assert data["inLanguage"] == "de-CH"
    assert data["isAccessibleForFree"] is True
    assert "isBasedOn" not in data
    assert "sourceOrganization" not in data


def test_open_graph_and_x_tags(client, tree, newsroom):
    _, _, sub = tree
    article = full_article(sub)

    head = head_of(client, article.url)

    assert head.canonical() == article.full_url
    assert head.one("description") == article.lead
    assert "robots" not in head.meta
    assert head.one("og:type") == "article"
    assert head.one("og:title") == "Sonde am Mond"
    assert head.one("og:description") == article.lead
    assert head.one("og:url") == article.full_url
    assert head.one("og:image").startswith(f"{BASE}/media/")
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "675")
    assert head.one("og:image:alt") == "Die Sonde vor dem Start"
    assert head.one("og:site_name") == "Kiosk Zeitung"
    assert head.one("og:locale") == "de_CH"
    assert OFFSET.search(head.one("article:published_time"))
    assert OFFSET.search(head.one("article:modified_time"))
    assert head.one("article:section") == "Raumfahrt"
    assert sorted(head.meta["article:tag"]) == ["mond", "sonde"]
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("twitter:site") == "@kiosk"


def test_no_x_site_without_a_handle(client, tree):
    _, _, sub = tree
    head = head_of(client, ArticlePageFactory(parent=sub).url)
    assert "twitter:site" not in head.meta
    assert head.one("twitter:card") == "summary_large_image"


def test_partner_copy_points_to_the_original_and_stays_out_of_the_index(client, tree):
    _, _, sub = tree
    original = "https://partner.example/2025/mond-sonde"
    article = ArticlePageFactory(
        parent=sub,
        partner=PartnerFactory(name="Bergpost", url="https://bergpost.example"),
        canonical_url=original,
        noindex=True,
    )

    head = head_of(client, article.url)
    data = head.article_jsonld()

    assert head.one("robots") == "noindex"
    assert head.canonical() == original
    assert head.one("og:url") == original
    assert data["isBasedOn"] == original
    assert data["sourceOrganization"] == {
        "@type": "Organization",
        "name": "Bergpost",
        "url": "https://bergpost.example",
    }
    # Without bylines the partner is the author; the page itself stays this site's.
    assert data["author"] == [data["sourceOrganization"]]
    assert data["mainEntityOfPage"]["@id"] == article.full_url


def test_article_without_authors_or_partner_is_by_the_publisher(client, tree):
    _, _, sub = tree
    data = head_of(client, ArticlePageFactory(parent=sub).url).article_jsonld()
    assert data["author"] == [data["publisher"]]
    assert "alternativeHeadline" not in data


def test_search_description_wins_and_long_leads_are_shortened(client, tree):
    _, _, sub = tree
    lead = "Ein sehr langer Lead mit vielen Wörtern. " * 10
    long_one = ArticlePageFactory(parent=sub, lead=lead, title="Wort " * 40)
    chosen = ArticlePageFactory(parent=sub, lead=lead, search_description="Von Hand geschrieben.")

    head = head_of(client, long_one.url)
    description = head.one("description")
    assert len(description) <= 160
    assert description.endswith("…")
    assert lead.startswith(description[:-1])
    data = head.article_jsonld()
    assert len(data["headline"]) <= 110
    assert data["description"] == description

    assert head_of(client, chosen.url).one("description") == "Von Hand geschrieben."


def test_a_correction_sets_the_modified_time(client, tree):
    _, _, sub = tree
    article = ArticlePageFactory(parent=sub, published_at=timezone.now() - timedelta(hours=3))
    article.lead = "Ein korrigierter Lead."
    article.save_revision().publish()

    head = head_of(client, article.url)
    data = head.article_jsonld()

    assert data["dateModified"] > data["datePublished"]
    assert head.one("article:modified_time") == data["dateModified"]


def test_jsonld_cannot_break_out_of_its_script(client, tree):
    _, _, sub = tree
    title = "Bund & Kantone </script><script>alert(1)</script>"
    article = ArticlePageFactory(parent=sub, title=title)

    html = client.get(article.url).content.decode()
    parser = HeadParser()
    parser.feed(html)

    assert "<script>alert(1)" not in html
    assert parser.article_jsonld()["headline"] == title


def test_publisher_logo_is_an_image_object(client, tree, newsroom):
    _, _, sub = tree
    newsroom.publisher_logo = KioskImageFactory()
    newsroom.save()

    data = head_of(client, ArticlePageFactory(parent=sub).url).article_jsonld()

    logo = data["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith(f"{BASE}/media/")
    assert logo["width"] <= 600
    assert logo["height"] <= 600


def test_missing_lead_image_file_leaves_out_the_image(client, tree):
    _, _, sub = tree
    image = KioskImageFactory()
    article = ArticlePageFactory(parent=sub, lead_image=image)
    image.file.storage.delete(image.file.name)

    head = head_of(client, article.url)

    assert "image" not in head.article_jsonld()
    assert "og:image" not in head.meta
    assert head.article_jsonld()["headline"] == article.title


def test_reader_language_prefixes_share_the_german_canonical_url(client, tree):
    _, section, sub = tree
    article = ArticlePageFactory(parent=sub)

    assert head_of(client, f"/en{article.url}").canonical() == article.full_url
    assert head_of(client, f"/fr{section.url}").canonical() == section.full_url
    assert head_of(client, "/en/").canonical() == f"{BASE}/"


def test_article_metadata_costs_at_most_one_query(client, tree, newsroom):
    """The social renditions come in one lookup; everything else the page has already loaded."""
    _, _, sub = tree
    article = full_article(sub)
    client.get(article.url)  # creates the renditions
    caches["renditions"].clear()
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get(article.url)
    request._wagtail_site = site
    article = ArticlePage.objects.select_related("lead_image", "partner").get(pk=article.pk)
    article.get_full_url(request)  # site root paths, as routing has them
    authors, tags, section = article.authors, list(article.tags.all()), article.get_parent()

    with CaptureQueriesContext(connection) as queries:
        result = seo.article_seo(
            article, request=request, publisher=newsroom, authors=authors, tags=tags, section=section
        )

    assert len(queries) == 1
    assert len(result.images) == 3


def test_section_and_front_page_have_description_canonical_and_open_graph(client, tree, newsroom):
    home, section, sub = tree
    ArticlePageFactory(parent=sub)

    head = head_of(client, section.url)
    assert head.one("description") == "Forschung und Technik."
    assert head.canonical() == section.full_url
    assert head.one("og:type") == "website"
    assert head.one("og:title") == "Wissen"
    assert head.one("og:url") == section.full_url
    assert head.one("og:site_name") == "Kiosk Zeitung"

    head = head_of(client, "/")
    assert head.canonical() == home.full_url
    assert head.one("og:url") == home.full_url
    assert head.one("og:title") == "Kiosk Zeitung"
    assert head.one("twitter:site") == "@kiosk"


def sitemap_entries(client, url="/sitemap.xml") -> dict[str, ElementTree.Element]:
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {url.findtext("s:loc", namespaces=SITEMAP): url for url in root.findall("s:url", SITEMAP)}


def test_sitemap_leaves_out_noindex_and_foreign_canonical_articles(client, tree):
    _, section, sub = tree
    now = timezone.now()
    indexed = ArticlePageFactory(parent=sub, published_at=now - timedelta(days=5))
    hidden = ArticlePageFactory(parent=sub, noindex=True)
    elsewhere = ArticlePageFactory(parent=sub, canonical_url="https://partner.example/original")
    self_canonical = ArticlePageFactory(parent=sub)
    self_canonical.canonical_url = self_canonical.full_url
    self_canonical.save_revision().publish()

    entries = sitemap_entries(client)

    assert indexed.full_url in entries
    assert self_canonical.full_url in entries
    assert hidden.full_url not in entries
    assert elsewhere.full_url not in entries
    lastmod = entries[indexed.full_url].findtext("s:lastmod", namespaces=SITEMAP)
    assert lastmod == timezone.localdate(now - timedelta(days=5)).isoformat()
    # A section's lastmod is its newest article's.
    newest = timezone.localdate(self_canonical.last_published_at).isoformat()
    assert entries[section.full_url].findtext("s:lastmod", namespaces=SITEMAP) == newest


def test_news_sitemap_lists_the_last_two_days(client, tree, newsroom):
    _, _, sub = tree
    now = timezone.now()
    fresh = ArticlePageFactory(
        parent=sub, title="Bund & Kantone <einig>", published_at=now - timedelta(hours=5)
    )
    old = ArticlePageFactory(parent=sub, published_at=now - timedelta(days=3))
    hidden = ArticlePageFactory(parent=sub, noindex=True, published_at=now - timedelta(hours=1))
    elsewhere = ArticlePageFactory(
        parent=sub, canonical_url="https://partner.example/x", published_at=now - timedelta(hours=1)
    )

    response = client.get("/sitemap-news.xml")
    entries = sitemap_entries(client, "/sitemap-news.xml")

    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert list(entries) == [fresh.full_url]
    assert old.full_url not in entries
    assert hidden.full_url not in entries
    assert elsewhere.full_url not in entries
    news = entries[fresh.full_url].find("news:news", NEWS)
    assert news.findtext("news:publication/news:name", namespaces=NEWS) == "Kiosk Zeitung"
    assert news.findtext("news:publication/news:language", namespaces=NEWS) == "de"
    assert news.findtext("news:title", namespaces=NEWS) == "Bund & Kantone <einig>"
    assert OFFSET.search(news.findtext("news:publication_date", namespaces=NEWS))


def test_news_sitemap_and_robots_answer_head_requests(client, tree):
    assert client.head("/sitemap-news.xml").status_code == 200
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert f"Sitemap: {BASE}/sitemap-news.xml" in robots
