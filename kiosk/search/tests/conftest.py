"""A small newsroom to search: two sections, articles with known words, one of them unpublished."""

from datetime import datetime

import pytest

from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory
from kiosk.newsroom.formatting import NEWSROOM_TZ


def published(day: str) -> datetime:
    """ "13.09.2023" at 10:36 in Zurich."""
    return datetime.strptime(f"{day} 10:36", "%d.%m.%Y %H:%M").replace(tzinfo=NEWSROOM_TZ)


@pytest.fixture
def newsroom(home, django_capture_on_commit_callbacks):
    """Indexed as the worker would: the index tasks enqueued on commit run (immediate backend)."""
    with django_capture_on_commit_callbacks(execute=True):
        return _newsroom(home)


def _newsroom(home):
    schweiz = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    sport = SectionPageFactory(parent=home, title="Sport", slug="sport")
    articles = {
        "wahl": ArticlePageFactory(
            parent=schweiz,
            title="Die Wahl in Bern ist entschieden",
            kicker="Grossrat",
            lead="Nach einem langen Abend steht fest, wer in die Regierung einzieht.",
            body=[("paragraph", "<p>Die Stimmbeteiligung lag bei 40 Prozent.</p>")],
            published_at=published("13.09.2023"),
        ),
        "wahlen": ArticlePageFactory(
            parent=schweiz,
            title="Was die Wahlen im Herbst bringen",
            lead="Eine Vorschau auf den Urnengang.",
            body=[("paragraph", "<p>Die Parteien werben um jede Stimme.</p>")],
            published_at=published("01.10.2023"),
        ),
        "stimme": ArticlePageFactory(
            parent=sport,
            title="Eishockey: Lugano siegt knapp",
            lead="Das Spiel war eng bis zur letzten Minute.",
            body=[
                ("paragraph", "<p>" + "Ein langer Bericht über das Spiel. " * 20 + "</p>"),
                ("paragraph", "<p>Am Ende entschied eine einzige Stimme der Schiedsrichter.</p>"),
            ],
            published_at=published("20.10.2023"),
        ),
    }
    return {"schweiz": schweiz, "sport": sport, "home": home, **articles}
