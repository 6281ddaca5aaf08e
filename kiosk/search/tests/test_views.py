import pytest
from django.urls import reverse
from django.utils import translation

from kiosk.news.tests.factories import ArticlePageFactory
from kiosk.search.selectors import MAX_QUERY_CHARS

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    """The English page (/en/suche/), so the messages read as in the code."""
    with translation.override("en"):
        return reverse("search")


def test_the_address_is_suche():
    assert reverse("search") == "/suche/"


def test_the_german_page_speaks_german(client, newsroom):
    html = client.get("/suche/", {"q": "Quantenphysik"}).content.decode()
    assert "0 Ergebnisse für «Quantenphysik»" in html


def test_without_a_query_the_form_invites_a_search(client, url, newsroom):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'name="q"' in html
    assert "Enter a word or two" in html
    assert "results for" not in html


def test_results_say_how_many_and_mark_the_words(client, url, newsroom):
    response = client.get(url, {"q": "Lugano"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Search: Lugano – " in html
    assert "1 result for “Lugano”" in html
    assert "Eishockey: <mark>Lugano</mark> siegt knapp" in html
    assert newsroom["stimme"].url in html
    assert "Sport" in html
    assert "20.10.2023" in html


def test_no_results_and_punctuation_only(client, url, newsroom):
    html = client.get(url, {"q": "Quantenphysik"}).content.decode()
    assert "0 results for “Quantenphysik”" in html
    assert "No article matches" in html
    response = client.get(url, {"q": "?!*"})
    assert response.status_code == 200
    assert "punctuation alone finds nothing" in response.content.decode()


def test_a_headline_with_markup_is_escaped(client, url, newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=newsroom["sport"],
            title='<script>alert("Lugano")</script>',
            lead="<img src=x onerror=alert(1)> Lugano",
            body=[],
        )
    html = client.get(url, {"q": "Lugano", "sort": "newest"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;<mark>Lugano</mark>&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>Lugano</mark>" in html


def test_swiss_and_iso_dates_and_the_section_filter(client, url, newsroom):
    swiss = client.get(url, {"q": "Stimme", "published_from": "01.10.2023", "published_to": "1.10.2023"})
    iso = client.get(url, {"q": "Stimme", "published_from": "2023-10-01", "published_to": "2023-10-01"})
    for response in (swiss, iso):
        html = response.content.decode()
        assert "1 result for" in html
        assert "Was die <mark>Wahlen</mark>" not in html  # only the query's words are marked
        assert 'value="2023-10-01"' in html  # as <input type="date"> wants it
    html = client.get(url, {"q": "Stimme", "section": "sport"}).content.decode()
    assert "1 result for" in html
    assert "Lugano" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x", "section": "nirgends"}, "There is no section «nirgends»"),
        ({"q": "x", "published_from": "32.13.2023"}, "Enter a date such as 13.09.2023."),
        ({"q": "x", "published_from": "01.01.0001"}, "between 1900 and 2100"),
        ({"q": "x", "published_from": "02.10.2023", "published_to": "01.10.2023"}, "before the start date"),
        ({"q": "x", "sort": "random"}, "Sort by relevance or newest first."),
        ({"q": "x", "page": "zwei"}, "whole number"),
        ({"q": "x", "page": "0"}, "whole number"),
        ({"q": "x", "page": "99999999999999999999"}, "results are shown up to page"),
        ({"q": "x" * (MAX_QUERY_CHARS + 1)}, "at most 200 characters"),
        ({"q": "a\x00b"}, "Null characters are not allowed."),
    ],
)
def test_bad_filters_answer_400_with_the_form_saying_what_is_wrong(client, newsroom, params, message):
    response = client.get("/en/suche/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    if "page" not in params:  # the page number has no field of its own
        assert 'aria-invalid="true"' in html


def test_pages_of_results(client, url, newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(11):
            ArticlePageFactory(parent=newsroom["sport"], title=f"Derby Nummer {n}", lead="Derby.", body=[])
    first = client.get(url, {"q": "Derby", "sort": "newest"}).content.decode()
    assert "11 results for" in first
    assert first.count('class="search-result"') == 10
    assert 'rel="next" href="?q=Derby&amp;sort=newest&amp;page=2"' in first
    second = client.get(url, {"q": "Derby", "sort": "newest", "page": "2"}).content.decode()
    assert second.count('class="search-result"') == 1
    # A page beyond the last (results shrink as articles are unpublished) shows the last.
    beyond = client.get(url, {"q": "Derby", "page": "7"})
    assert beyond.status_code == 200
    assert beyond.context["results"].number == 2


def test_never_shared_by_the_page_cache(client, url, newsroom):
    response = client.get(url, {"q": "Lugano"})
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response.get("X-Kiosk-Cache") is None


def test_only_get_and_head(client, url):
    assert client.post(url, {"q": "x"}).status_code == 405


def test_searches_are_rate_limited_per_address(client, url, newsroom, settings):
    settings.KIOSK_RATE_LIMITS = {**settings.KIOSK_RATE_LIMITS, "search": {"ip": "2/60"}}
    assert client.get(url, {"q": "Lugano"}).status_code == 200
    assert client.get(url, {"q": "Bern"}).status_code == 200
    limited = client.get(url, {"q": "Herbst"})
    assert limited.status_code == 429
    assert limited["Retry-After"]


def test_english_prefix(client, newsroom):
    response = client.get("/en/suche/", {"q": "Lugano"})
    assert response.status_code == 200
    assert "1 result for" in response.content.decode()
