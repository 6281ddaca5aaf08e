"""Purges as narrow as the change: what an edit, a removal or a snippet change retires, and what it leaves."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import ArticlePageFactory, PartnerFactory, SectionPageFactory, make_home
from kiosk.newsroom.models import NewsroomSettings
from kiosk.pagecache import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    """Two articles in one section, one in another."""
    home = make_home()
    schweiz = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    kultur = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    first = ArticlePageFactory(parent=schweiz, title="Erste Meldung", lead_image=KioskImageFactory())
    second = ArticlePageFactory(parent=schweiz, title="Zweite Meldung")
    elsewhere = ArticlePageFactory(parent=kultur, title="Andere Meldung")
    return first, second, elsewhere


def content_fragment(article) -> str | None:
    """The article's cached body, as the template keys it."""
    article.refresh_from_db()
    versions = fragments.article_versions(article)
    return cache.get(make_template_fragment_key("article-content", [article.pk, versions.content, "de-ch"]))


def cache_state(client, url) -> str:
    return client.get(url)["X-Kiosk-Cache"]


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert cache_state(client, url) == "hit", url


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_correction_retires_that_article_and_its_listings_not_the_others(client, stories):
    first, second, elsewhere = stories
    kultur = elsewhere.get_parent()
    warm(client, first.url, second.url, elsewhere.url, first.get_parent().url, kultur.url, "/")

    first.title = "Erste Meldung, korrigiert"
    first.save_revision().publish()

    assert cache_state(client, first.url) == "miss"
    assert cache_state(client, first.get_parent().url) == "miss"
    assert cache_state(client, first.get_parent().url + "feed/") == "miss"
    assert cache_state(client, "/") == "miss"
    assert cache_state(client, second.url) == "hit"
    assert cache_state(client, kultur.url) == "hit"
    assert cache_state(client, elsewhere.url) == "hit"


def test_a_correction_leaves_the_other_articles_bodies_and_renders_only_their_teasers(
    client, stories, settings
):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    first, second, _ = stories
    client.get(first.url)
    client.get(second.url)
    assert content_fragment(second) is not None
    warm_render = queries(client, second.url)

    first.title = "Erste Meldung, korrigiert"
    first.save_revision().publish()

    assert content_fragment(second) is not None
    # The teasers again: the article's tags (for related ones), the related articles,
    # the next story and their images; the body and the routing entry come from the cache.
    assert queries(client, second.url) == warm_render + 4
    assert queries(client, second.url) == warm_render
    assert content_fragment(first) is None
    assert "Erste Meldung, korrigiert" in client.get(first.url).content.decode()


def test_taking_an_article_down_retires_every_cached_page_but_no_other_body(client, stories, settings):
    first, second, elsewhere = stories
    warm(client, second.url, elsewhere.url)
    body = content_fragment(elsewhere)

    first.unpublish()

    assert client.get(first.url).status_code == 404
    # Any page may tease it (related articles, the next story).
    assert cache_state(client, elsewhere.url) == "miss"
    assert cache_state(client, second.url) == "miss"
    assert content_fragment(elsewhere) == body is not None


def test_an_image_edit_retires_only_the_pages_that_show_it(client, stories):
    first, second, elsewhere = stories
    warm(client, first.url, second.url, elsewhere.url)

    image = first.lead_image
    image.credit = "Neue Agentur"
    image.save()

    assert cache_state(client, first.url) == "miss"
    assert "Neue Agentur" in client.get(first.url).content.decode()
    assert cache_state(client, elsewhere.url) == "hit"


def test_a_partner_logo_edit_reaches_the_partners_articles(client, stories):
    first, second, _ = stories
    logo = KioskImageFactory()
    partner = PartnerFactory(logo=logo)
    second.partner = partner
    second.save_revision().publish()
    warm(client, first.url, second.url)

    logo.title = "Neues Logo"
    logo.save()

    assert cache_state(client, second.url) == "miss"
    assert cache_state(client, first.url) == "hit"


def test_new_settings_retire_every_page(client, stories):
    first, _, elsewhere = stories
    warm(client, first.url, elsewhere.url, "/")
    newsroom = NewsroomSettings.objects.get()
    newsroom.support_heading = "Etwas geht nicht?"
    newsroom.save()

    for url in (first.url, elsewhere.url, "/"):
        assert cache_state(client, url) == "miss", url
    assert "Etwas geht nicht?" in client.get(elsewhere.url).content.decode()


def test_moving_an_article_retires_its_old_address(client, stories):
    first, _, elsewhere = stories
    old_url = first.url
    warm(client, old_url)

    first.move(elsewhere.get_parent(), pos="last-child")
    first.refresh_from_db()

    # Wagtail's redirects send readers on; the old address serves no cached copy.
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, first.url)
    assert client.get(first.url).status_code == 200
