"""manage.py load_demo: the demo newsroom is complete, Swiss German, and loaded only once."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from kiosk.galleries.models import Gallery
from kiosk.images.models import KioskImage
from kiosk.news.models import ArticlePage, HomePage, Partner, SectionPage
from kiosk.news.selectors import next_story, related_articles
from kiosk.newsroom.demo import content
from kiosk.newsroom.demo.loader import body_blocks
from kiosk.newsroom.models import NewsroomSettings

REFERENCE_URL = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
SHARP_S = "\N{LATIN SMALL LETTER SHARP S}"  # Swiss Standard German writes "ss"


def block_types(article: ArticlePage) -> list[str]:
    return [block.block_type for block in article.body]


def assert_newsroom(now) -> None:
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert site.site_name == "Kiosk"
    # Wagtail's welcome page is gone: the front page is the only page at the top.
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]

    sections = SectionPage.objects.child_of(home).live()
    assert sections.count() >= 3
    for section in sections:
        assert 1 <= SectionPage.objects.child_of(section).count() <= 2, section.title
    assert ArticlePage.objects.live().count() >= 20
    assert ArticlePage.objects.exclude(lead_image=None).count() >= 20
    assert Partner.objects.exclude(logo=None).count() == 2
    first_times = set(ArticlePage.objects.values_list("first_published_at", flat=True))
    assert len(first_times) == ArticlePage.objects.count()
    assert all(now - timedelta(days=30) < t < now for t in first_times)

    newsroom = NewsroomSettings.for_site(site)
    assert newsroom.publisher_name == "Kiosk"
    assert newsroom.support_email == "support@kiosk.example"
    assert newsroom.tagline

    editor = get_user_model().objects.get(username="redaktion")
    assert editor.is_staff
    assert editor.is_superuser
    assert editor.check_password("kiosk-demo")


def assert_reference_article(now) -> None:
    article = ArticlePage.objects.get(slug="kleinsatellit-sendet-erste-bilder")
    assert article.url == REFERENCE_URL
    assert article.kicker
    assert article.teaser_headline
    assert article.lead
    assert article.lead_image.credit == "Kiosk/Archiv"
    assert article.lead_image.description
    assert article.lead_image.caption
    assert article.partner
    assert article.source_line == "alpenpost/sda"
    assert article.authors.exists()

    types = block_types(article)
    assert types.count("subheading") == 2
    assert types.count("quote") >= 1
    inline = [block.value for block in article.body if block.block_type == "image"]
    assert len(inline) == 2
    assert all(image["image"].caption and image["image"].credit for image in inline)
    gallery = next(block.value for block in article.body if block.block_type == "gallery")
    slides = gallery.slides
    assert len(slides) == 8
    assert gallery.credit_line == "Alle Bilder: Hochschule Seeland"
    assert all(slide.title and slide.display_caption for slide in slides)

    assert abs(article.first_published_at - (now - timedelta(hours=3))) < timedelta(minutes=5)
    assert article.updated_at - article.first_published_at == timedelta(minutes=40)

    related = related_articles(article, tag_ids=article.tags.values_list("pk", flat=True))
    assert len(related) == 4
    following = next_story(article, avoid=[a.pk for a in related])
    assert following.first_published_at < article.first_published_at


def assert_no_sharp_s() -> None:
    for article in ArticlePage.objects.all():
        text = json.dumps(
            [article.title, article.lead, article.kicker, list(article.body.raw_data)], ensure_ascii=False
        )
        assert SHARP_S not in text, article.slug
    for image in KioskImage.objects.all():
        assert SHARP_S not in image.title + image.description + image.caption + image.credit
    for gallery in Gallery.objects.all():
        assert SHARP_S not in gallery.title + gallery.credit_line
        assert all(SHARP_S not in slide.title + slide.caption for slide in gallery.items.all())


@pytest.mark.django_db
def test_load_demo_builds_the_newsroom_once(client):
    # One test: loading paints some forty pictures, which is worth doing only once.
    now = timezone.now()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "redaktion / kiosk-demo" in out.getvalue()

    assert_newsroom(now)
    assert_reference_article(now)
    assert_no_sharp_s()

    response = client.get(REFERENCE_URL)
    assert response.status_code == 200
    assert "Studentischer Kleinsatellit sendet erste Bilder" in response.content.decode()

    counts = (ArticlePage.objects.count(), KioskImage.objects.count(), Gallery.objects.count())
    again = StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("load_demo", stdout=again)
    assert "already loaded" in again.getvalue()
    assert len(queries) <= 2
    assert (ArticlePage.objects.count(), KioskImage.objects.count(), Gallery.objects.count()) == counts


def test_body_markup_becomes_blocks():
    markup = """
        Erster Absatz.

        Zweiter Absatz mit <Zeichen> & mehr.

        ## Ein Zwischentitel

        > Ein Zitat. | Eine Person

        [galerie:g]
    """
    blocks = body_blocks(markup, pictures={}, galleries={"g": "the gallery"})

    assert [kind for kind, _value in blocks] == ["paragraph", "subheading", "quote", "gallery"]
    assert blocks[0][1].source == "<p>Erster Absatz.</p><p>Zweiter Absatz mit &lt;Zeichen&gt; &amp; mehr.</p>"
    assert blocks[2][1] == {"text": "Ein Zitat.", "attribution": "Eine Person"}


def test_every_article_body_is_a_real_text():
    for article in content.ARTICLES:
        chunks = [chunk.strip() for chunk in article.body.split("\n\n") if chunk.strip()]
        words = sum(len(chunk.split()) for chunk in chunks if not chunk.startswith("["))
        paragraphs = [chunk for chunk in chunks if not chunk.startswith(("[", "## ", "> "))]
        subheadings = [chunk for chunk in chunks if chunk.startswith("## ")]
        assert 150 <= words <= 350, article.slug
        assert 3 <= len(paragraphs) <= 6, article.slug
        assert 1 <= len(subheadings) <= 2, article.slug
        assert 2 <= len(article.tags) <= 4, article.slug
        assert 1 <= len(article.authors) <= 3, article.slug
        assert article.kicker, article.slug
        assert len(re.findall(r"[.!?]»?(?:\s|$)", article.lead)) == 2, article.slug


def test_the_reference_story_has_four_older_siblings_to_relate_to():
    reference = next(a for a in content.ARTICLES if a.slug == content.REFERENCE_SLUG)
    siblings = [
        a
        for a in content.ARTICLES
        if a.section == reference.section and a is not reference and set(a.tags) & set(reference.tags)
    ]
    assert len(siblings) >= 4
    assert all(a.age > reference.age for a in siblings)
    assert all(a.age < timedelta(weeks=3) for a in content.ARTICLES)
    assert content.GALLERIES["ref"].credit_line == "Alle Bilder: Hochschule Seeland"
    assert len(content.GALLERIES["ref"].slides) == 8
