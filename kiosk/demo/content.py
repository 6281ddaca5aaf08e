"""The demo newsroom as data: sections, people and pictures here, one file per article in ``articles/``.

Every text is fictional and written for Kiosk, in Swiss Standard German
("ss", never the sharp s). An article lives at
``articles/<section path>/<slug>.md``: its fields as TOML between two ``+++``
lines (title, kicker, teaser_headline, lead, image, authors, partner,
source_line, tags, age_hours, updated_after_minutes), then its body in a
small markup, one block per paragraph (separated by blank lines):

    ## Zwischentitel
    > Zitat | Wer es gesagt hat
    [bild:key]
    [galerie:key]
    - a list, one item per line
    anything else is a paragraph

The newsroom's own pages (imprint, privacy policy), linked in the footer, are
``pages/<slug>.md`` in the same way (title, lead), in the footer's order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

PUBLISHER = "Kiosk"
TAGLINE = "Nachrichten aus der Schweiz und der Welt"
SUPPORT_EMAIL = "support@kiosk.example"
SUPPORT_HEADING = "Hast du technische Probleme?"
SUPPORT_TEXT = (
    "Lädt eine Seite nicht oder fehlt ein Bild? Schreib uns kurz, was du gesehen hast, "
    "auf welchem Gerät und mit welchem Browser. Wir melden uns so rasch wie möglich."
)
HOME_INTRO = "Das Neuste aus der Schweiz, aus Wissen, Kultur und Sport."

EDITOR_USERNAME = "redaktion"
EDITOR_PASSWORD = "kiosk-demo"
EDITOR_EMAIL = "redaktion@kiosk.example"

COLLECTION = "Demo-Redaktion"
REFERENCE_SLUG = "kleinsatellit-sendet-erste-bilder"
# The stories the desk pinned on the front page, the top story first (not the newest: the
# front page shows that an editor chose it).
FRONT_PAGE_PINNED = (
    REFERENCE_SLUG,
    "seelaender-curlerinnen-im-final",
    "nachtzug-faehrt-kuenftig-taeglich",
)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    email: str
    bio: str


@dataclass(frozen=True)
class PartnerSpec:
    name: str
    url: str
    colour: str  # logo background


@dataclass(frozen=True)
class Picture:
    scene: str  # a key of images.SCENES
    palette: str  # a key of images.PALETTES
    title: str
    description: str  # alt text: what the picture shows
    caption: str
    credit: str
    licence: str = "own"


@dataclass(frozen=True)
class Slide:
    image: str
    title: str
    caption: str


@dataclass(frozen=True)
class GallerySpec:
    title: str
    credit_line: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Article:
    section: str  # "wissen/raumfahrt"
    slug: str
    title: str
    lead: str
    body: str
    age: timedelta  # first published this long before the load
    kicker: str = ""
    teaser_headline: str = ""
    image: str = ""
    authors: tuple[str, ...] = ()
    partner: str = ""
    source_line: str = ""
    tags: tuple[str, ...] = ()
    updated_after: timedelta | None = None  # last published this long after the first time


SECTIONS: tuple[Section, ...] = (
    Section(
        "schweiz",
        "Schweiz",
        "Was die Schweiz bewegt: aus den Kantonen, den Gemeinden und den Tälern.",
        (
            Section("bern", "Bern", "Aus der Bundesstadt, dem Emmental, dem Oberland und dem Seeland."),
            Section("graubuenden", "Graubünden", "Aus Chur und den 150 Tälern, vom Engadin bis ins Misox."),
        ),
    ),
    Section(
        "wissen",
        "Wissen",
        "Forschung, Technik und Natur: was Wissenschaftlerinnen und Wissenschaftler herausfinden.",
        (
            Section("raumfahrt", "Raumfahrt", "Satelliten, Sonden, Sternwarten und die Menschen dahinter."),
            Section("umwelt", "Umwelt", "Gletscher, Gewässer, Wälder und die Tiere, die darin leben."),
        ),
    ),
    Section(
        "kultur",
        "Kultur",
        "Musik, Film, Ausstellungen und alles, was auf Bühnen und Leinwänden geschieht.",
        (
            Section(
                "musik", "Musik", "Von der Volksmusik bis zum Jazz, vom Jugendorchester bis zum Festival."
            ),
            Section("film", "Film", "Neue Filme, Festivals und Kinos unter freiem Himmel."),
        ),
    ),
    Section(
        "sport",
        "Sport",
        "Resultate, Hintergründe und Geschichten aus dem Schweizer Sport.",
        (
            Section("wintersport", "Wintersport", "Ski, Langlauf, Curling und alles auf Schnee und Eis."),
            Section("velo", "Velo", "Rennen, Pässe und neue Wege für Velofahrerinnen und Velofahrer."),
        ),
    ),
)

AUTHORS: dict[str, Person] = {
    "gerber": Person(
        "Anna Gerber",
        "Wissenschaftsredaktorin",
        "anna.gerber@kiosk.example",
        "Schreibt über Raumfahrt, Klima und Forschung. Hat Physik studiert und nie ganz damit aufgehört.",
    ),
    "caflisch": Person(
        "Luca Caflisch",
        "Korrespondent Graubünden",
        "luca.caflisch@kiosk.example",
        "Berichtet aus Chur und den Bündner Tälern, am liebsten zu Fuss oder mit dem Postauto.",
    ),
    "keller": Person(
        "Nadia Keller",
        "Redaktorin Bern",
        "nadia.keller@kiosk.example",
        "Kennt die Bundesstadt von der Aare bis zum Gurten und das Emmental von Burgdorf bis Langnau.",
    ),
    "luethi": Person(
        "Reto Lüthi",
        "Sportredaktor",
        "reto.luethi@kiosk.example",
        "Verfolgt Wintersport und Velorennen und läuft selbst jeden Winter einen Volkslauf.",
    ),
    "bernasconi": Person(
        "Chiara Bernasconi",
        "Kulturredaktorin",
        "chiara.bernasconi@kiosk.example",
        "Schreibt über Musik und Film und sitzt an Festivals gern in der ersten Reihe.",
    ),
}

PARTNERS: dict[str, PartnerSpec] = {
    "alpenpost": PartnerSpec("Alpenpost", "https://alpenpost.example", "#2b6cb0"),
    "seelaender": PartnerSpec("Seeländer Bote", "https://seelaender-bote.example", "#2f855a"),
}

PUBLISHER_LOGO_COLOUR = "#9b2c2c"

PICTURES: dict[str, Picture] = {
    # The reference article -------------------------------------------------
    "ref-lead": Picture(
        "satellite",
        "space",
        "Libelle-1 über der Erde",
        "Illustration: ein kleiner goldfarbener Satellit mit zwei blauen Solarflügeln schwebt "
        "vor schwarzem Sternenhimmel über dem blau leuchtenden Erdrand.",
        "So stellt sich das Team «Libelle-1» in der Umlaufbahn vor.",
        "Kiosk/Archiv",
    ),
    "ref-station": Picture(
        "dish",
        "night",
        "Bodenstation auf dem Laborgebäude",
        "Illustration: eine helle Parabolantenne auf einem flachen Dach, dahinter ein dunkler Hügelzug "
        "und ein Himmel voller Sterne.",
        "Die Antenne auf dem Dach der Hochschule folgt dem Satelliten bei jedem Überflug.",
        "Hochschule Seeland",
        "handout",
    ),
    "ref-first-image": Picture(
        "lake",
        "lake",
        "Erstes Bild: Genfersee",
        "Illustration: ein langer, blauer See mit leichten Wellen vor mehreren Bergketten, "
        "deren Gipfel verschneit sind.",
        "Der Genfersee und die Alpen, wie sie auf dem ersten vollständigen Bild zu sehen sind.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g1": Picture(
        "orbit",
        "space",
        "Die Erde aus 520 Kilometern",
        "Illustration: der gekrümmte Rand der Erde mit Wolkenbändern und einem leuchtenden Saum vor dem Sternenhimmel.",
        "Der Blick zur Erde aus der Umlaufbahn von «Libelle-1».",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g2": Picture(
        "dish",
        "dusk",
        "Die Bodenstation",
        "Illustration: eine Parabolantenne auf einem Dach in der Abenddämmerung vor einer Hügelkette.",
        "Die Bodenstation ist seit dem Start jede Nacht in Betrieb.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g3": Picture(
        "lab",
        "lab",
        "Im Labor",
        "Illustration: farbige Kreise, durch feine Linien zu einem Netz verbunden, auf dunkelgrünem Grund.",
        "Die Elektronik des Satelliten wurde in monatelanger Arbeit im Labor getestet.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g4": Picture(
        "satellite",
        "night",
        "Der fertige Satellit",
        "Illustration: ein kleiner Satellit mit ausgeklappten Solarflügeln über der dunklen Erdkugel.",
        "Der fertige Satellit ist nicht grösser als ein Schuhkarton.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g5": Picture(
        "launch",
        "dusk",
        "Der Start",
        "Illustration: eine weiss-rote Rakete steigt mit gelber Flamme aus einer Dampfwolke in den Abendhimmel.",
        "Der Satellit flog zusammen mit zwei Dutzend anderen Kleinsatelliten ins All.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g6": Picture(
        "orbit",
        "night",
        "Wolkenband über dem Jura",
        "Illustration: ein dunkler Erdrand mit hellen, länglichen Wolkenfeldern unter einem Sternenhimmel.",
        "Auf dem dritten Bild zieht ein langes Wolkenband über den Jura.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g7": Picture(
        "contours",
        "lake",
        "Die Flugbahn",
        "Illustration: eine Landkarte mit blauen Höhenlinien und einem feinen Gitternetz.",
        "Auf dieser Karte verfolgt das Team, wann der Satellit die Schweiz überfliegt.",
        "Projektteam Libelle",
        "handout",
    ),
    "ref-g8": Picture(
        "city",
        "dusk",
        "Nach dem ersten Bild",
        "Illustration: Häuserzeilen mit beleuchteten Fenstern vor einem violetten Abendhimmel.",
        "Im Laborgebäude brannte nach dem ersten Bild noch lange Licht.",
        "Projektteam Libelle",
        "handout",
    ),
    # Wissen -----------------------------------------------------------------
    "kamera": Picture(
        "planet",
        "space",
        "Gasplanet mit Ring",
        "Illustration: ein blau gestreifter Planet mit schmalem Ring vor einem dunklen Sternenfeld.",
        "Die Kamera soll einst die Wolkenbänder eines Gasplaneten fotografieren.",
        "Kiosk/Illustration",
    ),
    "sternwarte": Picture(
        "dish",
        "night",
        "Kuppel im Sternenlicht",
        "Illustration: eine helle Antennenschale auf einem Dach vor einem Himmel voller Sterne.",
        "Bei klarem Himmel ist die Sternwarte an drei Abenden pro Woche offen.",
        "Seeländer Bote",
        "partner",
    ),
    "funk": Picture(
        "dish",
        "night",
        "Antenne eines Funkamateurs",
        "Illustration: eine kleine weisse Parabolantenne auf einem schlanken Mast, nach oben gerichtet, "
        "vor einem dunkelblauen Nachthimmel voller Sterne.",
        "Mit einer selbst gebauten Antenne hat ein Funkamateur aus dem Emmental das Signal aufgefangen.",
        "Kiosk/Illustration",
    ),
    "schrott": Picture(
        "orbit",
        "space",
        "Erdumlaufbahn",
        "Illustration: der blaue Erdrand mit Wolkenfeldern vor einem schwarzen Himmel mit vielen Sternen.",
        "In der Umlaufbahn kreisen Tausende ausgediente Satelliten und Trümmerteile.",
        "Kiosk/Illustration",
    ),
    "teleskop": Picture(
        "planet",
        "night",
        "Planet im Teleskop",
        "Illustration: ein gestreifter Planet ohne Ring, umgeben von einem schwachen Leuchten und Sternen.",
        "So ungefähr zeigt das neue Teleskop einen Planeten bei guter Sicht.",
        "Seeländer Bote",
        "partner",
    ),
    "gletscher": Picture(
        "alps",
        "winter",
        "Gletscher im Morgenlicht",
        "Illustration: verschneite Bergketten in hellem Blau und Weiss unter einem blassen Himmel mit Wolken.",
        "Am frühen Morgen ist die Luft ruhig genug für die Messflüge.",
        "Kiosk/Archiv",
    ),
    "gletscher-karte": Picture(
        "contours",
        "winter",
        "Höhenmodell",
        "Illustration: eine Karte mit hellblauen Höhenlinien, die sich um mehrere Gipfel schliessen.",
        "Aus Tausenden Einzelbildern entsteht ein Höhenmodell der Gletscheroberfläche.",
        "Kiosk/Illustration",
    ),
    "bienen": Picture(
        "meadow",
        "spring",
        "Blumenwiese",
        "Illustration: sanfte grüne Hügel mit Bäumen, im Vordergrund eine Wiese voller gelber, weisser und violetter Blüten.",
        "Eine Wiese mit vielen verschiedenen Blüten ernährt mehr Bienenarten als ein Rasen.",
        "Kiosk/Archiv",
    ),
    "forellen": Picture(
        "river",
        "noon",
        "Bach im Tal",
        "Illustration: ein hellblauer Bach windet sich durch eine grüne Talebene mit Tannen, dahinter Berge.",
        "Der Bach fliesst seit der Renaturierung wieder in weiten Schlaufen.",
        "Alpenpost",
        "partner",
    ),
    "murmeltier": Picture(
        "alps",
        "autumn",
        "Alpweide im Herbst",
        "Illustration: Berge in warmen Braun- und Orangetönen unter einem orangefarbenen Himmel, davor Tannen.",
        "Im Herbst fressen sich die Murmeltiere die Reserven für den Winter an.",
        "Kiosk/Archiv",
    ),
    # Schweiz ----------------------------------------------------------------
    "foehn": Picture(
        "weather",
        "storm",
        "Wolken über den Voralpen",
        "Illustration: dunkle und helle Wolken über einer graublauen Hügelkette, feine schräge Regenstriche.",
        "Während es am Alpensüdhang regnet, bleibt es im Norden trocken und mild.",
        "Kiosk/Archiv",
    ),
    "nachtzug": Picture(
        "train",
        "dusk",
        "Zug auf dem Viadukt",
        "Illustration: ein roter Zug fährt in der Dämmerung über ein Steinviadukt mit Bögen, dahinter Hügel.",
        "Der Nachtzug soll ab dem Fahrplanwechsel jeden Abend fahren.",
        "Seeländer Bote",
        "partner",
    ),
    "aare": Picture(
        "river",
        "morning",
        "Fluss im Morgenlicht",
        "Illustration: ein breiter, hellblauer Fluss zwischen grünen Ufern mit Tannen, im Hintergrund Berge.",
        "Die Aare zieht jeden Sommer Tausende Schwimmerinnen und Schwimmer an.",
        "Kiosk/Archiv",
    ),
    "bibliothek": Picture(
        "hills",
        "spring",
        "Dorf im Hügelland",
        "Illustration: grüne Hügel mit Tannen und einigen weissen Häusern mit roten Dächern.",
        "Das Dorf liegt zwischen sanften Hügeln, der Bahnhof steht am Dorfrand.",
        "Kiosk/Archiv",
    ),
    "solar": Picture(
        "hills",
        "noon",
        "Häuser im Tal",
        "Illustration: ein grünes Tal mit Hügeln, Tannen und einigen Häusern mit roten Dächern unter blauem Himmel.",
        "Im Tal scheint die Sonne an mehr als 300 Tagen im Jahr.",
        "Alpenpost",
        "partner",
    ),
    "steinbock": Picture(
        "alps",
        "morning",
        "Bergkette im Morgenlicht",
        "Illustration: schneebedeckte Gipfel hinter graublauen Bergketten, im Vordergrund eine Wiese mit Tannen.",
        "Gezählt wird früh am Morgen, wenn die Tiere auf den Weiden stehen.",
        "Kiosk/Archiv",
    ),
    "eis": Picture(
        "ice",
        "winter",
        "Gefrorener See",
        "Illustration: ein zugefrorener See mit feinen Rissen im Eis vor verschneiten Bergketten.",
        "Erst ab einer Eisdicke von zwölf Zentimetern wird ein See freigegeben.",
        "Kiosk/Archiv",
    ),
    # Kultur -----------------------------------------------------------------
    "jazz": Picture(
        "stage",
        "stage",
        "Bühne im Scheinwerferlicht",
        "Illustration: farbige Lichtkegel und Lichtpunkte über einer dunklen Bühne, davor die Silhouetten eines Publikums.",
        "Das Festival spielt auf drei Bühnen direkt am Seeufer.",
        "Kiosk/Archiv",
    ),
    "orchester": Picture(
        "stage",
        "dusk",
        "Konzertsaal",
        "Illustration: Lichtkegel in Orange und Violett über einer Bühne, im Vordergrund Köpfe von Zuhörenden.",
        "Das Orchester spielt auf seiner Tournee in sechs Städten.",
        "Kiosk/Archiv",
    ),
    "dokfilm": Picture(
        "alps",
        "dusk",
        "Berge in der Dämmerung",
        "Illustration: violette Bergketten mit verschneiten Gipfeln unter einem Abendhimmel mit tiefer Sonne.",
        "Der Film begleitet eine Familie durch ein ganzes Jahr auf ihrem Hof.",
        "Kiosk/Archiv",
    ),
    "openair": Picture(
        "lake",
        "dusk",
        "See am Abend",
        "Illustration: ein ruhiger See in der Abenddämmerung, dahinter violette Berge und eine tief stehende Sonne.",
        "Die Leinwand steht direkt am Wasser, die Filme beginnen bei Einbruch der Dunkelheit.",
        "Seeländer Bote",
        "partner",
    ),
    "karten": Picture(
        "contours",
        "autumn",
        "Höhenlinien",
        "Illustration: eine Karte mit braunen Flächen und Höhenlinien, die sich um zwei Gipfel legen.",
        "Höhenlinien machen das Relief auf einer flachen Karte sichtbar.",
        "Kiosk/Illustration",
    ),
    "karten-alt": Picture(
        "contours",
        "spring",
        "Frühe Reliefkarte",
        "Illustration: eine Karte mit grünen Flächen und feinen Höhenlinien auf hellem Grund mit Gitternetz.",
        "Eine der ältesten Karten der Ausstellung zeigt das Gebiet um einen Alpenpass.",
        "Kiosk/Illustration",
    ),
    # Sport ------------------------------------------------------------------
    "curling": Picture(
        "ice",
        "morning",
        "Eisfläche",
        "Illustration: eine weite, hellblaue Eisfläche mit feinen Linien, dahinter Bergketten im Morgenlicht.",
        "Auf dem Eis entscheiden oft wenige Zentimeter.",
        "Seeländer Bote",
        "partner",
    ),
    "langlauf": Picture(
        "snow",
        "winter",
        "Loipe im Schnee",
        "Illustration: ein verschneiter Hang mit Tannen und geschwungenen Spuren, dahinter weisse Berge.",
        "Die Loipe führt über die weite Ebene zwischen den Seen.",
        "Kiosk/Archiv",
    ),
    "paesse": Picture(
        "pass",
        "noon",
        "Passstrasse",
        "Illustration: eine Strasse zieht sich in engen Kehren einen grünen Hang hinauf, dahinter verschneite Berge.",
        "Die Kehren der Passstrasse gehören zu den schwierigsten Abschnitten des Rennens.",
        "Alpenpost",
        "partner",
    ),
    "ol": Picture(
        "hills",
        "autumn",
        "Hügel im Herbst",
        "Illustration: sanfte Hügel in Braun und Orange mit Tannen und Häusern unter einem warmen Himmel.",
        "Die Staffel führte durch hügeliges, dicht bewaldetes Gelände.",
        "Kiosk/Archiv",
    ),
    # The Graubünden gallery -------------------------------------------------
    "wildhut-1": Picture(
        "alps",
        "morning",
        "Aufstieg im Morgengrauen",
        "Illustration: Bergketten mit verschneiten Gipfeln im ersten Morgenlicht, davor Tannen.",
        "Um fünf Uhr beginnt der Aufstieg zu den Zählposten.",
        "Luca Caflisch",
    ),
    "wildhut-2": Picture(
        "snow",
        "morning",
        "Schneefeld",
        "Illustration: ein weisser Hang mit einzelnen Tannen und Spuren im Schnee unter blauem Himmel.",
        "Auf über 2000 Metern liegt auch im Frühsommer noch Schnee.",
        "Luca Caflisch",
    ),
    "wildhut-3": Picture(
        "river",
        "morning",
        "Bergbach",
        "Illustration: ein Bach schlängelt sich durch eine grüne Ebene mit Tannen, dahinter Berge.",
        "An den Bächen sind die Tiere am Morgen oft zu beobachten.",
        "Luca Caflisch",
    ),
    "wildhut-4": Picture(
        "alps",
        "dusk",
        "Abend auf der Alp",
        "Illustration: violette Bergketten mit verschneiten Gipfeln unter einem Abendhimmel.",
        "Am Abend werden die Zahlen der einzelnen Posten zusammengetragen.",
        "Luca Caflisch",
    ),
}

GALLERIES: dict[str, GallerySpec] = {
    "ref": GallerySpec(
        "«Libelle-1»: vom Labor in die Umlaufbahn",
        "Alle Bilder: Hochschule Seeland",
        (
            Slide(
                "ref-g1",
                "Die Erde aus 520 Kilometern",
                "Der erste Blick aus der Umlaufbahn zeigt den Rand der Erde.",
            ),
            Slide(
                "ref-g2",
                "Die Bodenstation",
                "Die Antenne auf dem Dach empfängt die Daten bei jedem Überflug.",
            ),
            Slide(
                "ref-g3", "Im Labor", "Vier Jahre lang testeten die Studierenden jede Leiterplatte im Labor."
            ),
            Slide(
                "ref-g4",
                "Der fertige Satellit",
                "Kurz vor dem Versand: «Libelle-1» wiegt gut zwei Kilogramm.",
            ),
            Slide(
                "ref-g5",
                "Der Start",
                "Eine Trägerrakete brachte den Satelliten zusammen mit anderen ins All.",
            ),
            Slide(
                "ref-g6",
                "Wolkenband über dem Jura",
                "Das dritte Bild zeigt ein Wolkenband über den Jurahöhen.",
            ),
            Slide(
                "ref-g7",
                "Die Flugbahn",
                "Auf der Karte ist eingezeichnet, wann der Satellit über die Schweiz fliegt.",
            ),
            Slide(
                "ref-g8",
                "Nach dem ersten Bild",
                "Im Kontrollraum wurde nach Mitternacht gefeiert, mit Tee und Zopf.",
            ),
        ),
    ),
    "wildhut": GallerySpec(
        "Ein Tag mit der Wildhut",
        "Alle Bilder: Luca Caflisch",
        (
            Slide("wildhut-1", "Früh los", "Die Zählung beginnt, bevor die Sonne über den Grat steigt."),
            Slide(
                "wildhut-2",
                "Über der Waldgrenze",
                "Oberhalb der Waldgrenze liegen die wichtigsten Zählposten.",
            ),
            Slide(
                "wildhut-3", "Am Bach", "Unten im Tal suchen die Tiere am Morgen Wasser und frisches Gras."
            ),
            Slide(
                "wildhut-4",
                "Zurück auf der Alp",
                "Am Abend werden die Zahlen verglichen und zusammengezählt.",
            ),
        ),
    ),
}


def hours(value: float) -> timedelta:
    return timedelta(hours=value)


ARTICLES_DIR = Path(__file__).resolve().parent / "articles"


def read_article(path: Path) -> Article:
    """One file of ``articles/<section path>/<slug>.md``: TOML between ``+++`` lines, then the body."""
    _before, front, body = path.read_text(encoding="utf-8").split("+++\n", 2)
    fields = tomllib.loads(front)
    updated_after = fields.pop("updated_after_minutes", None)
    return Article(
        section=path.parent.relative_to(ARTICLES_DIR).as_posix(),
        slug=path.stem,
        body=body,
        age=hours(fields.pop("age_hours")),
        updated_after=timedelta(minutes=updated_after) if updated_after else None,
        authors=tuple(fields.pop("authors", ())),
        tags=tuple(fields.pop("tags", ())),
        **fields,  # an unknown field is a TypeError, not a silent typo
    )


# Newest first.
ARTICLES: tuple[Article, ...] = tuple(
    sorted((read_article(path) for path in ARTICLES_DIR.glob("**/*.md")), key=lambda article: article.age)
)


@dataclass(frozen=True)
class ContentPage:
    slug: str
    title: str
    body: str
    lead: str = ""


PAGES_DIR = Path(__file__).resolve().parent / "pages"
# The footer's order.
PAGE_SLUGS = ("impressum", "datenschutz")


def read_page(path: Path) -> ContentPage:
    _before, front, body = path.read_text(encoding="utf-8").split("+++\n", 2)
    return ContentPage(slug=path.stem, body=body, **tomllib.loads(front))


PAGES: tuple[ContentPage, ...] = tuple(read_page(PAGES_DIR / f"{slug}.md") for slug in PAGE_SLUGS)
