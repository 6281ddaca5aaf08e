import pytest

from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

URL = "/api/search/headlines"


@pytest.fixture
def headlines(section, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            ArticlePageFactory(parent=section, title="Wahlsonntag in Bern", lead="Kurz."),
            ArticlePageFactory(parent=section, title="Was die Wahlen bringen", lead="Kurz."),
            ArticlePageFactory(parent=section, title="Eishockey in Bern", lead="Kurz."),
        ]


def test_suggests_headlines_for_an_unfinished_word(client, headlines):
    response = client.get(URL, {"q": "Wahl"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert {s["title"] for s in suggestions} == {"Wahlsonntag in Bern", "Was die Wahlen bringen"}
    assert {s["url"] for s in suggestions} == {headlines[0].url, headlines[1].url}
    assert "private" in response["Cache-Control"]


def test_every_word_counts_and_unpublished_articles_are_not_suggested(client, headlines):
    assert [s["title"] for s in client.get(URL, {"q": "Bern Eis"}).json()["suggestions"]] == [
        "Eishockey in Bern"
    ]
    headlines[2].unpublish()
    assert client.get(URL, {"q": "Bern Eis"}).json()["suggestions"] == []


def test_punctuation_only_and_empty_answer_an_empty_list(client, headlines):
    for q in ["", "?!", '"*(']:
        response = client.get(URL, {"q": q})
        assert response.status_code == 200, q
        assert response.json() == {"suggestions": []}


def test_bad_input_is_refused_as_json(client, headlines):
    too_long = client.get(URL, {"q": "x" * 201})
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "invalid_input"
    missing = client.get(URL)
    assert missing.status_code == 422


def test_rate_limited_per_address(client, headlines, settings):
    settings.KIOSK_RATE_LIMITS = {**settings.KIOSK_RATE_LIMITS, "search": {"ip": "1/60"}}
    assert client.get(URL, {"q": "Wahl"}).status_code == 200
    limited = client.get(URL, {"q": "Wahl"})
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert limited["Retry-After"]
