"""The demo's readers and their debate: a lively one on the showcase article, closed ones on older stories.

All text is written for Kiosk's demo. Readers log in by e-mail with the
demo password; their registration dates lie years apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

READER_PASSWORD = "kiosk-demo"
READER_DOMAIN = "leser.kiosk.example"
MODERATOR_USERNAME = "moderation"
MODERATOR_EMAIL = "moderation@kiosk.example"


@dataclass(frozen=True)
class Reader:
    key: str
    name: str
    joined: datetime

    @property
    def email(self) -> str:
        return f"{self.key}@{READER_DOMAIN}"


def _joined(year: int, month: int) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(year, month, 14, 9, 30, tzinfo=ZoneInfo("Europe/Zurich"))


READERS = (
    Reader("anna", "Anna Bühler", _joined(2012, 3)),
    Reader("reto", "Reto Caflisch", _joined(2014, 6)),
    Reader("mirjam", "Mirjam Oswald", _joined(2016, 6)),
    Reader("luca", "Luca Bernasconi", _joined(2017, 11)),
    Reader("sabine", "Sabine Wyss", _joined(2019, 2)),
    Reader("thomas", "Thomas Egli", _joined(2020, 4)),
    Reader("nadia", "Nadia Kälin", _joined(2021, 9)),
    Reader("peter", "Peter Zurbriggen", _joined(2022, 1)),
    Reader("yasmin", "Yasmin Haddad", _joined(2023, 5)),
    Reader("jonas", "Jonas Stalder", _joined(2024, 8)),
    Reader("claire", "Claire Favre", _joined(2025, 2)),
    Reader("marco", "Marco Rüegg", _joined(2026, 10)),
)


@dataclass(frozen=True)
class Remark:
    author: str
    minutes: int  # after the article's first publication
    text: str
    likes: int = 0
    # Index into the same debate of the comment this one answers.
    reply_to: int | None = None
    pending: bool = False


# The showcase article: 28 published comments (some of them replies) and three awaiting review.
SHOWCASE = (
    Remark("anna", 12, "Grossartig, was die Studierenden da auf die Beine gestellt haben. Gratulation!", 41),
    Remark("reto", 15, "Wie viel hat das ganze Projekt gekostet? Davon steht leider nichts im Artikel.", 12),
    Remark(
        "mirjam",
        19,
        "Soweit ich weiss, wurde der grösste Teil von Stiftungen und Firmen aus der Region bezahlt.\n"
        "Die Hochschule hat die Räume und das Labor gestellt.",
        18,
        reply_to=1,
    ),
    Remark("luca", 24, "Das Bild vom Genfersee ist erstaunlich scharf für eine so kleine Kamera.", 33),
    Remark(
        "sabine",
        31,
        "Ich habe vor Jahren an einem ähnlichen Projekt mitgearbeitet. Das Schwierigste ist nicht der Start, "
        "sondern die ersten Wochen danach: Funkkontakt halten, Batterien schonen, Fehler aus der Ferne "
        "beheben.\n\nHut ab vor dem Team.",
        57,
    ),
    Remark("thomas", 36, "Und was passiert mit dem Satelliten, wenn die Mission zu Ende ist?", 9),
    Remark(
        "nadia",
        40,
        "Er sinkt langsam und verglüht nach einigen Jahren in der Atmosphäre. So ist es bei diesen "
        "kleinen Satelliten in niedriger Umlaufbahn vorgesehen.",
        24,
        reply_to=5,
    ),
    Remark(
        "peter", 44, "Schön, dass auch einmal eine gute Nachricht aus der Forschung auf der Front steht.", 15
    ),
    Remark(
        "yasmin",
        52,
        "Gibt es die Bilder irgendwo in voller Auflösung? Ich würde den Jura gern genauer anschauen.",
        7,
    ),
    Remark(
        "jonas",
        58,
        "Die Hochschule hat eine Projektseite, dort sollen die Aufnahmen nach und nach erscheinen: "
        "www.hochschule-seeland.example/libelle",
        11,
        reply_to=8,
    ),
    Remark("claire", 63, "Bravo à toute l'équipe! Un bel exemple de collaboration entre les régions.", 20),
    Remark("marco", 70, "Wie schnell ist so ein Satellit eigentlich unterwegs?", 3),
    Remark(
        "anna",
        74,
        "Rund 7,5 Kilometer pro Sekunde, wenn ich mich richtig erinnere. Einmal um die Erde in etwa "
        "anderthalb Stunden.",
        14,
        reply_to=11,
    ),
    Remark(
        "reto",
        81,
        "Ich hoffe, die Daten werden auch für Klimaforschung genutzt und nicht nur für schöne Bilder.",
        22,
    ),
    Remark("luca", 88, "Mein Sohn studiert dort. Er hat seit Wochen von nichts anderem mehr gesprochen.", 30),
    Remark("sabine", 95, "Das kann ich mir vorstellen. Richte ihm Gratulationen aus!", 6, reply_to=14),
    Remark(
        "thomas",
        103,
        "Etwas kritisch: Braucht es wirklich noch mehr Objekte im Orbit? Der Weltraumschrott wird langsam "
        "zum Problem.",
        19,
    ),
    Remark(
        "mirjam",
        110,
        "Berechtigte Frage. Gerade deshalb finde ich es gut, dass dieser Satellit von selbst wieder "
        "verglüht.",
        13,
        reply_to=16,
    ),
    Remark("nadia", 118, "Wann kommen die nächsten Bilder? Ich freue mich schon darauf.", 4),
    Remark(
        "peter",
        126,
        "Spannend wäre ein Bild der Schweiz bei Nacht. Man würde sehen, wie hell unsere Täler sind.",
        16,
    ),
    Remark(
        "yasmin", 133, "Die Aufnahme der Berner Alpen hängt jetzt als Hintergrund auf meinem Bildschirm.", 8
    ),
    Remark(
        "jonas", 140, "Ich finde es gut, dass der Artikel auch erklärt, wie die Bilder zur Erde kommen.", 5
    ),
    Remark("claire", 146, "Est-ce que le projet accepte encore des étudiants d'autres hautes écoles?", 2),
    Remark(
        "anna",
        151,
        "Laut Projektseite ja, ab dem nächsten Semester. Einfach beim Team melden.",
        4,
        reply_to=22,
    ),
    Remark("marco", 157, "Erst seit kurzem hier angemeldet, aber genau solche Geschichten lese ich gern.", 1),
    Remark(
        "reto",
        163,
        "Vielleicht lernt man ja auch aus den Fehlern des ersten Versuchs. Viel Erfolg weiterhin.",
        0,
    ),
    Remark("sabine", 168, "Ein Lob auch an die Redaktion für die Bildergalerie.", 10),
    Remark("luca", 172, "Gibt es einen Livestream vom Kontrollraum? Das wäre ein Erlebnis.", 2),
    # Awaiting review: only their authors see them, with the typical waiting time.
    Remark(
        "thomas",
        176,
        "Noch eine Frage an die Redaktion: Gibt es einen zweiten Teil zu dieser Geschichte?",
        pending=True,
    ),
    Remark(
        "peter",
        178,
        "Ich habe gehört, dass bereits ein zweiter Satellit geplant ist. Stimmt das?",
        pending=True,
    ),
    Remark(
        "yasmin", 179, "Danke für die Antwort weiter oben, der Link funktioniert.", pending=True, reply_to=9
    ),
)

# Older stories: the window has closed, the debate stays readable.
CLOSED = (
    Remark("reto", 30, "Interessant, aber die Zahlen hätte ich gern etwas genauer erklärt bekommen.", 6),
    Remark("anna", 55, "Sehr gut recherchiert, danke.", 11),
    Remark("mirjam", 70, "Die Grafik im zweiten Teil hat mir geholfen, das zu verstehen.", 3, reply_to=0),
    Remark("luca", 300, "Ich bin gespannt, wie es weitergeht.", 2),
    Remark("nadia", 520, "Genau darüber haben wir gestern am Familientisch diskutiert.", 8),
)


def at(published: datetime, remark: Remark) -> datetime:
    return published + timedelta(minutes=remark.minutes)


# The desk's word lists as a newsroom might start them (kiosk.moderation.words): whole words,
# a * where the word may go on, a phrase.
SUSPECT_WORDS = ("Lügenpresse", "Schwachkopf*", "Idiot*", "Volksverräter*", "Systemmedien")
BANNED_WORDS = ("halt die Klappe", "Drecksack*", "Missgeburt*")
# One of the quiet readers (leser59) has been blocked for a week (kiosk.moderation), so the desk shows one.
BLOCK_REASON = "Wiederholt beleidigende Kommentare trotz Hinweis auf die Hausregeln."
BLOCK_DAYS = 7
