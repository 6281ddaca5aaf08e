"""The request's site and every site's public address."""

import pytest
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from kiosk.newsroom import sites

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE + "/"  # a trailing slash is forgiven
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "zweite.example"]


@pytest.fixture
def default_site():
    return Site.objects.get(is_default_site=True)  # Wagtail's first site: localhost:80


@pytest.fixture
def second_site(default_site):
    root = Page.get_first_root_node().add_child(instance=Page(title="Zweite", slug="zweite"))
    return Site.objects.create(hostname="zweite.example", port=8080, root_page=root)


def test_the_default_site_answers_at_the_base_url_whatever_its_record_says(default_site):
    assert sites.public_root_url(default_site) == BASE
    assert sites.public_root_url(default_site.pk) == BASE
    assert sites.public_root_url(None) == BASE
    assert sites.absolute_url("/sitemap.xml", site=default_site) == f"{BASE}/sitemap.xml"


def test_a_lone_site_is_the_newsrooms_even_without_the_default_flag(default_site):
    Site.objects.filter(pk=default_site.pk).update(is_default_site=False)
    sites.forget_sites()

    assert sites.public_root_url(default_site) == BASE


def test_further_sites_answer_at_their_own_root_url(default_site, second_site):
    assert sites.public_root_url(second_site) == "http://zweite.example:8080"
    assert sites.public_root_url(default_site) == BASE
    assert sites.absolute_url("/a/", site=second_site) == "http://zweite.example:8080/a/"


def test_absolute_urls_stay_as_they_are(default_site):
    assert sites.absolute_url("https://cdn.example/bild.jpg") == "https://cdn.example/bild.jpg"
    assert sites.absolute_url("//evil.example/x") == f"{BASE}/evil.example/x"


def test_a_url_belongs_to_the_site_at_its_address(default_site, second_site):
    assert sites.site_id_for_url(f"{BASE}/schweiz/") == default_site.pk
    assert sites.site_id_for_url("http://localhost/schweiz/") == default_site.pk  # by the record
    assert sites.site_id_for_url("http://zweite.example:8080/schweiz/") == second_site.pk
    assert sites.site_id_for_url("http://zweite.example/schweiz/") is None  # another port
    assert sites.site_id_for_url("http://unbekannt.example/") is None
    assert sites.site_id_for_url("http://localhost:99999/") is None
    assert sites.site_id_for_url("/nur/ein/pfad/") is None


def test_the_request_site_and_addresses_come_from_the_cache(rf, default_site):
    warm = rf.get("/", HTTP_HOST="localhost")
    sites.site_for_request(warm)
    sites.site_addresses(request=warm)
    request = rf.get("/", HTTP_HOST="localhost")

    with CaptureQueriesContext(connection) as queries:
        assert sites.site_for_request(request) == default_site
        assert sites.site_for_request(request) == default_site
        assert sites.public_root_url(default_site, request=request) == BASE
    assert len(queries) == 0
    assert request._wagtail_site == default_site


def test_an_unknown_host_is_refused_before_the_cache_sees_it(rf, default_site):
    with pytest.raises(DisallowedHost):
        sites.site_for_request(rf.get("/", HTTP_HOST="evil.example"))


def test_the_site_id_map_answers_hits_and_forgets_a_changed_site(rf, default_site, second_site):
    request = rf.get("/", HTTP_HOST="zweite.example:8080")
    assert sites.site_id_for_request(request) == second_site.pk
    with CaptureQueriesContext(connection) as queries:
        assert sites.site_id_for_request(rf.get("/", HTTP_HOST="zweite.example:8080")) == second_site.pk
    assert len(queries) == 0
    second_site.hostname = "dritte.example"
    second_site.save()  # the post_save receiver forgets the sites
    assert sites.site_id_for_request(rf.get("/", HTTP_HOST="zweite.example:8080")) == default_site.pk
    with pytest.raises(DisallowedHost):
        sites.site_id_for_request(rf.get("/", HTTP_HOST="evil.example"))


def test_a_host_map_written_back_from_before_a_change_is_never_read(rf, default_site, second_site):
    """Another process read the map, the site changed, and that process then stores what it read."""
    from django.core.cache import cache

    request = rf.get("/", HTTP_HOST="zweite.example:8080")
    assert sites.site_id_for_request(request) == second_site.pk
    stale_key = sites.SITE_IDS_KEY.format(version=sites.site_version())
    stale = cache.get(stale_key)

    second_site.hostname = "dritte.example"
    second_site.save()
    cache.set(stale_key, stale)

    assert sites.site_id_for_request(rf.get("/", HTTP_HOST="zweite.example:8080")) == default_site.pk
