"""The reader pages: content, bad input and bounded queries."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.models import SECTION_PAGE_SIZE
from kiosk.news.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    PartnerFactory,
    SectionPageFactory,
    make_home,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_page_cache(settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False


@pytest.fixture
def tree():
    home = make_home()
    section = SectionPageFactory(parent=home, title="Wissen", slug="wissen")
    sub = SectionPageFactory(parent=section, title="Raumfahrt", slug="raumfahrt")
    return home, section, sub


def rich_article(parent, *, images: int, gallery_size: int, tags: int, **kwargs):
    body = []
    for i in range(images):
        body += [
            ("subheading", f"Zwischentitel {i}"),
            ("paragraph", f"<p>Absatz {i}</p>"),
            ("image", {"image": KioskImageFactory(), "caption": "", "credit": ""}),
            ("quote", {"text": "Ein Zitat.", "attribution": "Jemand"}),
        ]
    if gallery_size:
        body.append(("gallery", GalleryFactory(images=gallery_size)))
    article = ArticlePageFactory(
        parent=parent,
        lead_image=KioskImageFactory(),
        partner=PartnerFactory(logo=KioskImageFactory()),
        body=body,
        **kwargs,
    )
    article.authors = [AuthorFactory(), AuthorFactory()]
    article.tags.add(*[f"thema-{i}" for i in range(tags)])
    article.save_revision().publish()
    return article


def query_count(client, url) -> int:
    """Queries of a cold render: renditions exist, but no cache helps."""
    client.get(url)  # renditions are created on the first view
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_queries_do_not_grow_with_blocks_images_tags_or_related(client, tree, no_page_cache):
    _, _section, sub = tree
    small = rich_article(sub, images=1, gallery_size=1, tags=1)
    small_count = query_count(client, small.url)

    big = rich_article(sub, images=8, gallery_size=8, tags=6)
    for i in range(6):
        related = ArticlePageFactory(parent=sub, lead_image=KioskImageFactory())
        related.tags.add(*[f"thema-{j}" for j in range(i % 6)])
        related.save_revision().publish()
    big_count = query_count(client, big.url)

    assert big_count == small_count
    # cold: navigation, settings and private paths are fetched too, and the comment section's
    # counts, most-liked comments, thread page and window hours
    assert big_count <= 27  # and the pages linked in the footer


def test_section_queries_do_not_grow_with_articles(client, tree, no_page_cache):
    _, section, sub = tree
    ArticlePageFactory(parent=sub, lead_image=KioskImageFactory())
    few = query_count(client, section.url)
    for _ in range(8):
        ArticlePageFactory(parent=sub, lead_image=KioskImageFactory())
    assert query_count(client, section.url) == few


def test_front_page_queries_do_not_grow_with_articles(client, tree, no_page_cache):
    home, _section, sub = tree
    other = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    ArticlePageFactory(parent=sub, lead_image=KioskImageFactory())
    ArticlePageFactory(parent=other)
    few = query_count(client, "/")
    for _ in range(6):
        ArticlePageFactory(parent=sub, lead_image=KioskImageFactory())
        ArticlePageFactory(parent=other, lead_image=KioskImageFactory())
    assert query_count(client, "/") == few


def test_article_page_shows_the_reference_blocks_in_order(client, tree):
    _, _section, sub = tree
    now = timezone.now()
    article = rich_article(
        sub, images=2, gallery_size=8, tags=2, kicker="Raumfahrt", source_line="bergpost/sda"
    )
    ArticlePageFactory(parent=sub, published_at=now - timedelta(days=1), title="Die Geschichte davor")
    html = client.get(article.url).content.decode()

    order = [
        'class="breadcrumb"',
        'class="article__kicker"',
        "<h1",
        'class="article__lead-image"',
        'class="article__lead"',
        "<time datetime=",
        "Mehr «Raumfahrt»",
        "Ein Artikel von",
        'class="article__body"',
        'class="gallery"',  # a body block, placed by the editor
        "(bergpost/sda)",
        'class="share"',
        'class="support"',
        'class="next-story"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert html.count("<h1") == 1
    assert "1 / 8" in html
    assert "8 / 8" in html
    assert 'loading="lazy"' in html
    assert 'fetchpriority="high"' in html


def test_updated_time_only_after_a_correction_is_published(client, tree):
    _, _, sub = tree
    article = ArticlePageFactory(parent=sub, published_at=timezone.now() - timedelta(hours=3))
    assert "article__updated" not in client.get(article.url).content.decode()

    article.lead = "Ein korrigierter Lead."
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "article__updated" in html
    assert "Ein korrigierter Lead." in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1.5", "%00", "9" * 30])
def test_bad_listing_page_numbers_are_a_styled_404(client, tree, page):
    _, section, sub = tree
    ArticlePageFactory(parent=sub)
    response = client.get(section.url, {"page": page})
    assert response.status_code == 404
    assert 'class="error-page"' in response.content.decode()


def test_section_paginates_newest_first(client, tree):
    _, section, sub = tree
    now = timezone.now()
    for i in range(SECTION_PAGE_SIZE + 3):
        ArticlePageFactory(parent=sub, title=f"Meldung {i:02d}", published_at=now - timedelta(hours=i))
    first = client.get(section.url).content.decode()
    second = client.get(section.url, {"page": 2}).content.decode()
    assert first.index("Meldung 00") < first.index("Meldung 01")
    assert "Meldung 22" in second
    assert "Meldung 22" not in first
    assert 'rel="next"' in first
    assert 'rel="prev"' in second


def test_unknown_url_is_a_styled_404(client, tree):
    response = client.get("/gibt/es/nicht/")
    assert response.status_code == 404
    assert 'class="error-page"' in response.content.decode()


def test_missing_image_file_does_not_break_the_page(client, tree):
    _, _, sub = tree
    image = KioskImageFactory()
    article = ArticlePageFactory(
        parent=sub,
        lead_image=image,
        body=[("image", {"image": image, "caption": "", "credit": ""})],
    )
    image.file.storage.delete(image.file.name)
    response = client.get(article.url)
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_related_articles_prefer_shared_tags_and_never_show_the_article(tree):
    from kiosk.news.selectors import related_articles

    home, _, sub = tree
    elsewhere = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    now = timezone.now()
    article = ArticlePageFactory(parent=sub, published_at=now)
    article.tags.add("mond")
    article.save()
    same_tag_elsewhere = ArticlePageFactory(parent=elsewhere, published_at=now - timedelta(days=9))
    same_tag_elsewhere.tags.add("mond")
    same_tag_elsewhere.save()
    same_section = [
        ArticlePageFactory(parent=sub, published_at=now - timedelta(days=d)) for d in (1, 2, 3, 4)
    ]
    ArticlePageFactory(parent=elsewhere, published_at=now)  # unrelated
    tag_ids = Tag.objects.filter(name="mond").values_list("pk", flat=True)

    related = related_articles(article, tag_ids=tag_ids)

    assert [a.pk for a in related] == [same_tag_elsewhere.pk, *[a.pk for a in same_section[:3]]]
    assert article.pk not in [a.pk for a in related]


def test_warm_article_render_needs_no_query(client, tree, no_page_cache):
    _, _, sub = tree
    article = rich_article(sub, images=2, gallery_size=4, tags=2)
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.url).content.decode()
    # The site, the route to the article (with lead image and partner), every fragment
    # and the shared debate come from the cache.
    assert len(queries) == 0
    assert "1 / 4" in html


def test_a_published_change_reaches_the_cached_fragments(client, tree, no_page_cache):
    _, _, sub = tree
    article = rich_article(sub, images=1, gallery_size=0, tags=1)
    client.get(article.url)
    article.body = [("paragraph", "<p>Ganz neuer Text.</p>")]
    article.save_revision().publish()
    assert "Ganz neuer Text." in client.get(article.url).content.decode()


def test_later_listing_pages_are_their_own_canonical_page(client, tree):
    _, section, sub = tree
    for i in range(SECTION_PAGE_SIZE + 1):
        ArticlePageFactory(parent=sub, title=f"Meldung {i:02d}")
    first = client.get(section.url).content.decode()
    second = client.get(section.url, {"page": 2}).content.decode()
    assert f'<link rel="canonical" href="{section.full_url}">' in first
    assert f'<link rel="canonical" href="{section.full_url}?page=2">' in second
