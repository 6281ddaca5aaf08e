"""Shared versions (kiosk.cacheversions) and the caches keyed by them, as other processes change things."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from kiosk import cacheversions
from kiosk.news.routing import find_page
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home
from kiosk.pagecache import store
from kiosk.pagecache.fragments import ARTICLES

pytestmark = pytest.mark.django_db


def test_a_bump_inside_a_transaction_is_repeated_when_it_commits(django_capture_on_commit_callbacks):
    (before,) = cacheversions.current("page:1")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cacheversions.bump("page:1")
    (now,) = cacheversions.peek("page:1")
    assert now != before
    for callback in callbacks:
        callback()
    assert cacheversions.peek("page:1") not in {(before,), (now,)}


def test_an_entry_read_with_its_version_counts_only_under_that_version():
    versions, value = cacheversions.entry("reader:7", "account:7")
    assert value is None
    cacheversions.store_entry("reader:7", versions, "Zeile", 60)
    assert cacheversions.entry("reader:7", "account:7") == (versions, "Zeile")
    with cacheversions.read_once():
        assert cacheversions.entry("reader:7", "account:7") == (versions, "Zeile")
        cacheversions.bump("account:7")
        newer, value = cacheversions.entry("reader:7", "account:7")
    assert (newer != versions, value) == (True, None)
    # A process that read the rows before the change stores them under the old version: never read.
    cacheversions.store_entry("reader:7", versions, "alte Zeile", 60)
    assert cacheversions.entry("reader:7", "account:7")[1] is None


def test_an_entry_under_several_versions_is_retired_by_any_of_them():
    versions, _ = cacheversions.entry("artikel:3", "page:3", "sections")
    cacheversions.store_entry("artikel:3", versions, "Artikel", 60)
    assert cacheversions.entry("artikel:3", "page:3", "sections") == (versions, "Artikel")
    cacheversions.bump("sections")
    assert cacheversions.entry("artikel:3", "page:3", "sections")[1] is None


def test_an_entry_read_without_starting_versions_leaves_no_version_behind():
    versions, value = cacheversions.entry("artikel:999", "page:999", start_missing=False)
    assert (versions, value) == ((None,), None)
    assert cacheversions.peek("page:999") == (None,)
    # Even a value stored under a missing version is never read.
    cacheversions.store_entry("artikel:999", (None,), "Artikel", 60)
    assert cacheversions.entry("artikel:999", "page:999", start_missing=False)[1] is None


def test_a_page_rendered_across_a_purge_is_kept_where_nobody_reads_it():
    response = HttpResponse("alte Fassung")
    store.store(1, "/meldung/", "", response, 60)
    read_before_rendering = store.versions(1, "/meldung/")

    store.purge(1, "/meldung/")  # another process publishes while this one renders
    store.store(1, "/meldung/", "", response, 60, read_before_rendering)

    assert store.lookup(1, "/meldung/", "") is None


def test_a_first_page_rendered_across_a_purge_is_not_kept():
    read_before_rendering = store.versions(1, "/neu/")
    assert read_before_rendering[0] is None
    store.purge(1, "/neu/")
    store.store(1, "/neu/", "", HttpResponse("alt"), 60, read_before_rendering)
    assert store.lookup(1, "/neu/", "") is None


def test_paths_nobody_stored_get_no_version():
    assert store.lookup(1, "/erfunden-123/", "") is None
    assert store.versions(1, "/erfunden-123/")[0] is None


@pytest.fixture
def article():
    section = SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")
    return ArticlePageFactory(parent=section, slug="meldung")


def route(article):
    home = article.get_parent().get_parent()
    return find_page(home, ["schweiz", "meldung"])


def test_the_routing_cache_keeps_an_article_until_it_changes(article):
    route(article)
    with CaptureQueriesContext(connection) as queries:
        assert route(article).pk == article.pk
    assert len(queries) == 0

    article.title = "Neu"
    article.save_revision().publish()

    assert route(article).title == "Neu"


def test_an_article_read_while_another_process_publishes_is_served_not_kept(article):
    def publish_elsewhere(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "news_articlepage" in sql:
            cacheversions.bump(ARTICLES)
        return result

    with connection.execute_wrapper(publish_elsewhere):
        assert route(article).pk == article.pk
    with CaptureQueriesContext(connection) as queries:
        assert route(article).pk == article.pk
    assert len(queries) == 1


def test_versions_read_along_with_an_entry_are_remembered_for_the_request():
    (words,) = cacheversions.current("moderation:words")
    with cacheversions.read_once():
        cacheversions.entry("artikel:4", "page:4", start_missing=False, also=("moderation:words", "absent"))
        calls = []
        real_get_many = cacheversions.cache.get_many
        cacheversions.cache.get_many = lambda keys: calls.append(keys) or real_get_many(keys)
        try:
            assert cacheversions.current("moderation:words") == (words,)
        finally:
            del cacheversions.cache.get_many
        assert calls == []
    assert cacheversions.peek("absent") == (None,)  # read along, never started


def test_an_entry_read_along_is_used_once_without_another_read():
    versions, _ = cacheversions.entry("zeitplan", "stunden")
    cacheversions.store_entry("zeitplan", versions, "Plan", 60)
    with cacheversions.read_once():
        cacheversions.entry(
            "artikel:5", "page:5", start_missing=False, also=("stunden",), also_entries=("zeitplan",)
        )
        calls = []
        real_get_many = cacheversions.cache.get_many
        cacheversions.cache.get_many = lambda keys: calls.append(keys) or real_get_many(keys)
        try:
            assert cacheversions.entry("zeitplan", "stunden") == (versions, "Plan")
        finally:
            del cacheversions.cache.get_many
        assert calls == []
        # Used once: asked again, it is read again (it may have been stored anew meanwhile).
        assert cacheversions.entry("zeitplan", "stunden") == (versions, "Plan")
