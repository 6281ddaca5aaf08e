"""The page cache and purging, through real requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home
from kiosk.pagecache import store

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    home = make_home()
    section = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    return ArticlePageFactory(parent=section, title="Die erste Fassung")


def test_anonymous_article_is_public_cacheable_and_sets_no_cookie(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=" in cache_control
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_second_anonymous_request_is_served_from_cache_without_queries(client, article):
    assert client.get(article.url)["X-Kiosk-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response["X-Kiosk-Cache"] == "hit"
    assert len(queries) == 0
    assert "Die erste Fassung" in response.content.decode()


def test_logged_in_readers_and_odd_query_strings_bypass_the_cache(client, article, django_user_model):
    client.get(article.url)
    assert "X-Kiosk-Cache" not in client.get(article.url, {"utm_source": "x"})
    user = django_user_model.objects.create_user("leserin", password="pw-123456789")
    client.force_login(user)
    assert "X-Kiosk-Cache" not in client.get(article.url)


def test_publishing_purges_the_article_its_sections_and_the_front_page(client, article):
    section_url = article.get_parent().url
    for url in (article.url, section_url, "/", "/en" + article.url):
        client.get(url)
        assert client.get(url)["X-Kiosk-Cache"] == "hit"

    article.title = "Die korrigierte Fassung"
    article.save_revision().publish()

    for url in (article.url, section_url, "/", "/en" + article.url):
        response = client.get(url)
        assert response["X-Kiosk-Cache"] == "miss", url
    assert "Die korrigierte Fassung" in client.get(article.url).content.decode()


def test_unpublishing_purges(client, article):
    client.get(article.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_editing_a_gallery_purges_the_articles_showing_it(client, article):
    gallery = GalleryFactory(images=2)
    article.body = [("gallery", gallery)]
    article.save_revision().publish()
    client.get(article.url)
    assert client.get(article.url)["X-Kiosk-Cache"] == "hit"

    gallery.credit_line = "Alle Bilder: Neue Agentur"
    gallery.save()

    response = client.get(article.url)
    assert response["X-Kiosk-Cache"] == "miss"
    assert "Neue Agentur" in response.content.decode()


def test_not_found_pages_are_not_stored(client, article):
    client.get("/gibt-es-nicht/")
    assert store.lookup("/gibt-es-nicht/", "") is None


def test_preview_is_never_cached(admin_client, article):
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "X-Kiosk-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_scheduled_article_goes_live_and_reaches_the_cached_section(client, article):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    section = article.get_parent().specific
    client.get(section.url)
    scheduled = ArticlePageFactory(parent=section, title="Die geplante Meldung", publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(hours=1)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    assert "Die geplante Meldung" not in client.get(section.url).content.decode()

    # An hour later, as far as the scheduler is concerned:
    revision = Revision.objects.get(pk=scheduled.latest_revision_id)
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")

    assert "Die geplante Meldung" in client.get(section.url).content.decode()
