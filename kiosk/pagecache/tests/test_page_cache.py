"""The page cache and purging, through real requests."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.news.models import HomePage
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home
from kiosk.pagecache import store

pytestmark = pytest.mark.django_db

HEADLINE = re.compile(r'<h1 id="article-headline"[^>]*>([^<]*)</h1>')


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
    assert store.lookup(Site.objects.get(is_default_site=True).pk, "/gibt-es-nicht/", "") is None


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


# Keyed by site: an unknown host, two sites with the same paths, and purges that
# reach exactly the copy they mean.


def test_a_cached_page_refuses_an_unknown_host_as_the_application_does(client, article):
    client.get(article.url)
    assert client.get(article.url)["X-Kiosk-Cache"] == "hit"

    response = client.get(article.url, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "X-Kiosk-Cache" not in response
    assert "Die erste Fassung" not in response.content.decode()


@pytest.fixture
def two_sites(settings):
    """Two newsrooms whose articles share a path: /schweiz/gleicher-pfad/."""
    settings.ALLOWED_HOSTS = ["testserver", "a.example", "b.example"]
    first_home = make_home()
    Site.objects.filter(root_page=first_home).update(hostname="a.example")
    second_home = Page.get_first_root_node().add_child(instance=HomePage(title="Zweite", slug="zweite-home"))
    Site.objects.create(hostname="b.example", port=80, root_page=second_home, site_name="Zweite")
    articles = {}
    for host, home, title in (
        ("a.example", first_home, "Nachricht A"),
        ("b.example", second_home, "Nachricht B"),
    ):
        section = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
        articles[host] = ArticlePageFactory(parent=section, title=title, slug="gleicher-pfad")
    return articles


def shared_path_on(client, host) -> tuple[str, str]:
    """The page cache's answer and the headline served for /schweiz/gleicher-pfad/ on the host."""
    response = client.get("/schweiz/gleicher-pfad/", HTTP_HOST=host)
    assert response.status_code == 200
    return response["X-Kiosk-Cache"], HEADLINE.search(response.content.decode()).group(1)


def test_two_sites_with_the_same_paths_each_get_their_own_page(client, two_sites):
    assert shared_path_on(client, "a.example") == ("miss", "Nachricht A")
    assert shared_path_on(client, "b.example") == ("miss", "Nachricht B")
    assert shared_path_on(client, "a.example") == ("hit", "Nachricht A")
    assert shared_path_on(client, "b.example") == ("hit", "Nachricht B")


def test_publishing_on_one_site_leaves_the_other_sites_copy(client, two_sites):
    shared_path_on(client, "a.example")
    shared_path_on(client, "b.example")

    article = two_sites["a.example"]
    article.title = "Nachricht A, korrigiert"
    article.save_revision().publish()

    assert shared_path_on(client, "a.example") == ("miss", "Nachricht A, korrigiert")
    assert shared_path_on(client, "b.example") == ("hit", "Nachricht B")


def test_purging_a_url_of_one_site_leaves_the_other(client, two_sites):
    shared_path_on(client, "a.example")
    shared_path_on(client, "b.example")

    store.purge_url("http://b.example/schweiz/gleicher-pfad/")

    assert shared_path_on(client, "b.example") == ("miss", "Nachricht B")
    assert shared_path_on(client, "a.example") == ("hit", "Nachricht A")


def test_the_default_sites_public_address_purges_that_site(client, two_sites, settings):
    settings.KIOSK_BASE_URL = "https://news.example"
    shared_path_on(client, "a.example")
    shared_path_on(client, "b.example")

    store.purge_url("https://news.example/schweiz/gleicher-pfad/")

    assert shared_path_on(client, "a.example") == ("miss", "Nachricht A")
    assert shared_path_on(client, "b.example") == ("hit", "Nachricht B")


def test_a_url_of_no_known_site_is_purged_on_every_site(client, two_sites):
    shared_path_on(client, "a.example")
    shared_path_on(client, "b.example")

    store.purge_url("http://unbekannt.example/schweiz/gleicher-pfad/")

    assert shared_path_on(client, "a.example") == ("miss", "Nachricht A")
    assert shared_path_on(client, "b.example") == ("miss", "Nachricht B")


def test_publishing_purges_an_article_whose_slug_has_umlauts(client, article):
    section = article.get_parent().specific
    zurich = ArticlePageFactory(parent=section, title="Zürcher Fassung", slug="zürcher-gemeinderat")
    assert "%C3%BC" in zurich.url  # Wagtail's URLs are percent-encoded; request.path is not
    client.get(zurich.url)
    assert client.get(zurich.url)["X-Kiosk-Cache"] == "hit"

    zurich.title = "Zürcher Korrektur"
    zurich.save_revision().publish()

    response = client.get(zurich.url)
    assert response["X-Kiosk-Cache"] == "miss"
    assert "Zürcher Korrektur" in response.content.decode()
