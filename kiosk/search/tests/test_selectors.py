from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from kiosk.news.models import ArticlePage
from kiosk.news.tests.factories import ArticlePageFactory
from kiosk.search import selectors

from .conftest import published

pytestmark = pytest.mark.django_db
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="German stemming is PostgreSQL's")


def titles(results) -> list[str]:
    return [article.title for article in results]


def search(newsroom, *words, **filters):
    return selectors.article_search(root=newsroom["home"], words=list(words), now=timezone.now(), **filters)


def test_every_word_must_match_in_headline_kicker_lead_or_body(newsroom):
    assert titles(search(newsroom, "Bern")) == ["Die Wahl in Bern ist entschieden"]
    assert titles(search(newsroom, "Grossrat")) == ["Die Wahl in Bern ist entschieden"]  # kicker
    assert titles(search(newsroom, "Regierung")) == ["Die Wahl in Bern ist entschieden"]  # lead
    assert titles(search(newsroom, "Stimmbeteiligung")) == ["Die Wahl in Bern ist entschieden"]  # body
    assert titles(search(newsroom, "Bern", "Lugano")) == []


def test_the_database_backend_matches_words_case_insensitively(newsroom):
    assert titles(search(newsroom, "lugano")) == ["Eishockey: Lugano siegt knapp"]


@on_postgres
def test_on_postgresql_german_stemming_finds_other_forms(newsroom):
    assert set(titles(search(newsroom, "Wahlen"))) == {
        "Die Wahl in Bern ist entschieden",
        "Was die Wahlen im Herbst bringen",
    }
    assert len(titles(search(newsroom, "Stimmen"))) == 2  # "Stimme" in two bodies


def test_relevance_puts_a_headline_match_first_and_newest_sorts_by_date(
    newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=newsroom["sport"],
            title="Eine Stimme für den Sport",
            lead="Kurz.",
            body=[],
            published_at=published("01.01.2020"),
        )
    assert titles(search(newsroom, "Stimme"))[0] == "Eine Stimme für den Sport"
    assert titles(search(newsroom, "Stimme", sort=selectors.Sort.NEWEST)) == [
        "Eishockey: Lugano siegt knapp",
        "Was die Wahlen im Herbst bringen",
        "Eine Stimme für den Sport",
    ]


def test_section_and_dates_narrow_the_results(newsroom):
    assert titles(search(newsroom, "Stimme", section=newsroom["sport"])) == ["Eishockey: Lugano siegt knapp"]
    assert titles(
        search(newsroom, "Stimme", published_from=date(2023, 10, 1), published_to=date(2023, 10, 1))
    ) == ["Was die Wahlen im Herbst bringen"]
    assert titles(search(newsroom, "Stimme", published_from=date(2023, 10, 2))) == [
        "Eishockey: Lugano siegt knapp"
    ]


def test_readers_never_find_unpublished_expired_or_private_articles(newsroom):
    wahl = newsroom["wahl"]
    wahl.unpublish()
    assert titles(search(newsroom, "Bern")) == []
    wahlen = newsroom["wahlen"]
    ArticlePage.objects.filter(pk=wahlen.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert titles(search(newsroom, "Herbst")) == []
    PageViewRestriction.objects.create(page=newsroom["sport"], restriction_type="login")
    assert titles(search(newsroom, "Lugano")) == []


def test_query_words_ignore_punctuation_and_operators():
    assert selectors.query_words('"Wahl" AND -Bern* (2023)') == ["Wahl", "AND", "Bern", "2023"]
    assert selectors.query_words("?!…") == []
    assert len(selectors.query_words("wort " * 50)) == selectors.MAX_WORDS


def test_headline_suggestions_complete_the_last_word(newsroom):
    found = selectors.headline_suggestions(root=newsroom["home"], text="Wah", now=timezone.now())
    assert set(titles(found)) == {"Die Wahl in Bern ist entschieden", "Was die Wahlen im Herbst bringen"}
    found = selectors.headline_suggestions(root=newsroom["home"], text="Eishockey Lug", now=timezone.now())
    assert titles(found) == ["Eishockey: Lugano siegt knapp"]
    assert selectors.headline_suggestions(root=newsroom["home"], text="((", now=timezone.now()) == []


def test_hits_mark_the_headline_and_a_snippet(newsroom, django_assert_max_num_queries):
    articles = list(search(newsroom, "Stimme", sort=selectors.Sort.NEWEST))
    sections = selectors.search_sections(newsroom["home"])
    with django_assert_max_num_queries(1):  # the stems, on PostgreSQL
        hits = selectors.hits(articles, words=["Stimme"], sections=sections)
    assert [hit.section.title for hit in hits] == ["Sport", "Schweiz"]
    assert "<mark>Stimme</mark>" in hits[0].snippet
    assert hits[0].snippet.startswith("… ")


def test_the_backend_is_fts5_on_sqlite_and_german_on_postgresql():
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        assert type(backend).__name__ == "SQLiteSearchBackend"  # not the LIKE fallback
    else:
        assert type(backend).__name__ == "KioskPostgresSearchBackend"
        assert backend.config == "german"


def test_a_page_of_results_costs_two_queries(newsroom, django_assert_num_queries):
    found = search(newsroom, "Stimme")
    # The count and the page; on PostgreSQL the page's ids in order with the count, then its rows.
    with django_assert_num_queries(2):
        page = selectors.results_page(found, 1, per_page=10)
        assert len(page.object_list) == 2
    assert page.paginator.count == 2
    assert page.paginator.num_pages == 1


def test_a_search_without_matches_costs_one_query_on_postgresql(newsroom, django_assert_max_num_queries):
    found = search(newsroom, "Quantenschaum")
    with django_assert_max_num_queries(1 if connection.vendor == "postgresql" else 2):
        page = selectors.results_page(found, 1, per_page=10)
    assert list(page.object_list) == []
    assert page.paginator.count == 0
    assert page.number == 1


def test_a_page_beyond_the_last_shows_the_last(newsroom):
    found = search(newsroom, "Stimme")
    page = selectors.results_page(found, 7, per_page=1)
    assert page.number == 2
    assert len(page.object_list) == 1
    assert page.paginator.count == 2


@on_postgres
def test_relevance_orders_only_the_newest_matches_and_older_ones_follow_newest_first(
    newsroom, django_capture_on_commit_callbacks, monkeypatch
):
    from kiosk.search import backends

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=newsroom["sport"],
            title="Eine Stimme für den Sport",  # the best match, but the oldest
            lead="Kurz.",
            body=[],
            published_at=published("01.01.2020"),
        )
    monkeypatch.setattr(backends, "RANKED_MATCHES", 2)
    assert titles(search(newsroom, "Stimme")) == [
        "Eishockey: Lugano siegt knapp",  # of the newest two, the body with the word
        "Was die Wahlen im Herbst bringen",
        "Eine Stimme für den Sport",  # past the ranked ones: by date
    ]
    monkeypatch.setattr(backends, "RANKED_MATCHES", 3)
    assert titles(search(newsroom, "Stimme"))[0] == "Eine Stimme für den Sport"


@on_postgres
def test_the_index_is_on_the_vector_function_priced_for_the_planner():
    """Migration search 0002: PostgreSQL must see that computing the vector per row is dear."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT procost FROM pg_proc WHERE proname = 'kiosk_search_vector'")
        assert cursor.fetchall() == [(100.0,)]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'kiosk_search_vector_gin'")
        assert "kiosk_search_vector(title, body)" in cursor.fetchone()[0]
