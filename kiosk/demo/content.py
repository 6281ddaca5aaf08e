"""The demo newsroom as data: sections, people, pictures and articles.

Every text here is fictional and written for Kiosk, in Swiss Standard
German ("ss", never the sharp s). Article bodies use a small markup, one
block per paragraph (separated by blank lines):

    ## Zwischentitel
    > Zitat | Wer es gesagt hat
    [bild:key]
    [galerie:key]
    anything else is a paragraph
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

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


ARTICLES: tuple[Article, ...] = (
    # ---------------------------------------------------------------- Wissen
    Article(
        section="wissen/raumfahrt",
        slug=REFERENCE_SLUG,
        kicker="Premiere im Orbit",
        title="Studentischer Kleinsatellit sendet erste Bilder aus dem All",
        teaser_headline="«Libelle-1» funkt erste Bilder zur Erde",
        lead=(
            "Drei Wochen nach dem Start hat der Kleinsatellit einer Studierendengruppe der Hochschule "
            "Seeland seine ersten Aufnahmen zur Erde gefunkt. Zu sehen sind der Genfersee, die Berner "
            "Alpen und ein langes Wolkenband über dem Jura."
        ),
        image="ref-lead",
        authors=("gerber",),
        partner="alpenpost",
        source_line="alpenpost/sda",
        tags=("Raumfahrt", "Satelliten", "Hochschulen", "Forschung"),
        age=hours(3),
        updated_after=timedelta(minutes=40),
        body="""
Im Kontrollraum im obersten Stock des Laborgebäudes war es kurz nach Mitternacht still geworden. Dann baute sich auf dem Bildschirm Zeile um Zeile ein graublaues Muster auf, und nach knapp vier Minuten war klar: «Libelle-1» funktioniert. Der Satellit, nicht grösser als ein Schuhkarton, umkreist die Erde seit drei Wochen in rund 520 Kilometern Höhe.

Gebaut haben ihn rund vierzig Studentinnen und Studenten aus Maschinenbau, Elektrotechnik und Informatik. Vier Jahre lang haben sie an dem Gerät getüftelt, meist neben dem regulären Studium und oft an den Wochenenden. Bezahlt wurde das Projekt von der Hochschule, einer Stiftung und mehreren Firmen aus der Region.

## Ein Bild in vierzig Paketen

Die Übertragung ist aufwendig. Der Satellit ist bei jedem Überflug nur wenige Minuten in Reichweite der Bodenstation auf dem Dach der Hochschule. In dieser Zeit schickt er das Bild in kleinen Paketen, die am Boden wieder zusammengesetzt werden. Fehlt ein Paket, fordert die Station es beim nächsten Überflug erneut an.

[bild:ref-station]

Für das erste vollständige Bild brauchte das Team deshalb drei Überflüge. Die Auflösung ist mit rund vierzig Metern pro Bildpunkt bescheiden, für den eigentlichen Zweck aber ausreichend: Die Kamera soll über Monate hinweg beobachten, wie viel Schnee in den Alpen liegt.

> Wir haben alles hundertmal getestet. Aber erst wenn das Bild wirklich aus dem All kommt, glaubt man es. | Projektleiterin Selina Amstutz

## Daten für die Schneeforschung

Die Aufnahmen gehen an eine Forschungsgruppe, die untersucht, wie schnell die Schneedecke im Frühling schmilzt. Grosse Satelliten liefern zwar schärfere Bilder, kommen aber seltener über dieselbe Stelle. «Libelle-1» soll diese Lücken füllen, zumindest über der Schweiz.

[bild:ref-first-image]

Ganz ohne Sorgen ist das Team nicht. Die Batterie verliert schneller an Leistung als berechnet, und einer der Solarflügel liefert weniger Strom als die anderen. Die Studierenden wollen die Kamera deshalb in den nächsten Wochen seltener einschalten und die Bordsoftware aus der Ferne anpassen. Läuft alles nach Plan, bleibt der Satellit rund fünf Jahre im All. Danach sinkt er langsam ab und verglüht in der Atmosphäre. Die Hochschule plant bereits einen Nachfolger, der in mehreren Farbkanälen fotografieren soll.

[galerie:ref]
""",
    ),
    Article(
        section="wissen/raumfahrt",
        slug="funkamateure-hoeren-libelle",
        kicker="Raumfahrt",
        title="Funkamateure aus dem Emmental empfangen das Signal des Studentensatelliten",
        teaser_headline="Emmentaler hören «Libelle-1» piepsen",
        lead=(
            "Wenige Stunden nach dem Start hat ein Funkclub aus dem Emmental das Lebenszeichen des "
            "Kleinsatelliten «Libelle-1» aufgefangen. Für das Team der Hochschule war das die erste gute Nachricht."
        ),
        image="funk",
        authors=("keller", "gerber"),
        tags=("Raumfahrt", "Satelliten", "Hochschulen"),
        age=hours(460),
        body="""
Es war ein leises, regelmässiges Piepsen, kaum lauter als das Rauschen im Lautsprecher. Doch für die sechs Mitglieder des Funkclubs, die sich am Abend in einem Schopf bei Langnau versammelt hatten, war es unverkennbar: Der neue Satellit der Hochschule Seeland sendete.

Der Satellit schickt alle dreissig Sekunden eine kurze Nachricht zur Erde. Sie enthält die Temperatur an Bord, die Spannung der Batterie und die Drehgeschwindigkeit. Wer die Frequenz kennt und eine passende Antenne besitzt, kann sie empfangen.

## Hilfe aus der ganzen Welt

Das Team der Hochschule hat die Funkamateure ausdrücklich eingeladen, mitzuhören. Die eigene Bodenstation sieht den Satelliten nur während weniger Überflüge pro Tag. Funkstationen auf anderen Kontinenten schliessen diese Lücken und melden die empfangenen Daten über eine gemeinsame Internetseite.

> Wir haben die Antenne im Herbst selbst gebaut. Dass sie gleich beim ersten Versuch funktioniert, hat uns alle überrascht. | Ueli Schüpbach, Funkclub Emmental

Bis am nächsten Morgen trafen Meldungen aus Japan, Südafrika und Kanada ein. Das Projektteam konnte damit bestätigen, dass sich der Satellit stabilisiert und seine Solarflügel ausgeklappt hat. Die ersten Bilder sollen folgen, sobald alle Systeme geprüft sind.
""",
    ),
    Article(
        section="wissen/raumfahrt",
        slug="kamera-besteht-ruetteltest",
        kicker="Instrumentenbau",
        title="Schweizer Kamera für eine Planetenmission übersteht den Rütteltest",
        teaser_headline="Kamera übersteht den Rütteltest",
        lead=(
            "Eine Kamera, die in einem Labor im Mittelland gebaut wurde, hat die härteste Prüfung vor "
            "dem Start bestanden. Sie soll dereinst die Wolkenbänder eines Gasplaneten fotografieren."
        ),
        image="kamera",
        authors=("gerber",),
        tags=("Raumfahrt", "Forschung", "Astronomie"),
        age=hours(30),
        updated_after=hours(2),
        body="""
Eine Minute lang wurde die Kamera durchgeschüttelt, als sässe sie bereits auf einer Rakete. Danach ging es in die Vakuumkammer, wo sie abwechselnd auf minus 150 Grad abgekühlt und wieder aufgewärmt wurde. Am Ende lieferte sie dasselbe gestochen scharfe Testbild wie zu Beginn.

«Das war der Moment, auf den wir sechs Jahre hingearbeitet haben», sagt der Ingenieur Matthias Zbinden, der die Tests geleitet hat. Rund zwanzig Personen haben an dem Instrument mitgearbeitet, viele davon Doktorierende.

## Jedes Gramm zählt

Die Kamera wiegt knapp vier Kilogramm. Jedes zusätzliche Gramm hätte die Mission teurer gemacht, deshalb besteht das Gehäuse aus einer besonders leichten Aluminiumlegierung. Die Linsen sind so gelagert, dass sie auch bei starken Erschütterungen nicht verrutschen.

Nach dem Start wird die Sonde mehrere Jahre unterwegs sein, bevor sie ihr Ziel erreicht. Die Kamera bleibt in dieser Zeit grösstenteils ausgeschaltet. Nur einmal im Jahr wird sie kurz geweckt, um zu prüfen, ob alles noch funktioniert.

> Wir bauen etwas, das wir nie mehr anfassen können. Es muss beim ersten Mal stimmen. | Matthias Zbinden, Ingenieur

Als Nächstes wird das Instrument in eine Spezialkiste verpackt und zum Zusammenbau der Sonde geschickt. Dort wird es mit den anderen Messgeräten verbunden und noch einmal getestet, diesmal zusammen mit dem ganzen Raumfahrzeug.
""",
    ),
    Article(
        section="wissen/raumfahrt",
        slug="volkssternwarte-neues-teleskop",
        kicker="Astronomie",
        title="Volkssternwarte im Jura weiht ihr neues Teleskop ein",
        lead=(
            "Nach zwei Jahren Bauzeit hat eine Volkssternwarte auf einer Jurahöhe ein Teleskop mit einem "
            "Spiegel von sechzig Zentimetern in Betrieb genommen. Besucherinnen und Besucher dürfen selbst "
            "durchschauen."
        ),
        image="teleskop",
        authors=("keller",),
        partner="seelaender",
        source_line="seelaender-bote",
        tags=("Astronomie", "Raumfahrt"),
        age=hours(75.5),
        body="""
Der Verein, der die Sternwarte betreibt, zählt gut dreihundert Mitglieder. Die meisten von ihnen sind Laien, die sich in ihrer Freizeit für den Nachthimmel begeistern. Für das neue Teleskop haben sie während Jahren Geld gesammelt, an Märkten Kuchen verkauft und Führungen für Schulklassen angeboten.

Der neue Spiegel sammelt fast viermal so viel Licht wie das alte Instrument. Damit werden auch lichtschwache Galaxien und Nebel sichtbar, die bisher nur auf Fotografien zu erkennen waren.

[bild:sternwarte]

## Dunkler Himmel als Glücksfall

Der Standort auf der Jurahöhe ist kein Zufall. Hier ist der Himmel deutlich dunkler als im Mittelland, wo die Lichter der Städte die Sicht auf schwache Sterne trüben. Die umliegenden Gemeinden haben zugesagt, ihre Strassenbeleuchtung nach Mitternacht zu dimmen.

> An einem klaren Abend sehen unsere Gäste Dinge, von denen sie nur in Büchern gelesen haben. | Vereinspräsidentin Monika Hostettler

Die öffentlichen Beobachtungsabende finden bei klarem Wetter am Mittwoch, Freitag und Samstag statt. Ob die Sternwarte geöffnet ist, entscheidet der Verein jeweils am späten Nachmittag. Kinder unter zwölf Jahren haben in Begleitung freien Eintritt, für Schulklassen gibt es eigene Termine am frühen Abend.
""",
    ),
    Article(
        section="wissen/raumfahrt",
        slug="weltraumschrott-aufraeumen",
        kicker="Erklärt",
        title="Weltraumschrott: So sollen ausgediente Satelliten aus der Umlaufbahn verschwinden",
        teaser_headline="Wer räumt im All auf?",
        lead=(
            "Tausende ausgediente Satelliten und Trümmerteile kreisen um die Erde. Forschende suchen nach "
            "Wegen, sie gezielt zum Absturz zu bringen, bevor sie mit aktiven Satelliten zusammenstossen."
        ),
        image="schrott",
        authors=("gerber",),
        tags=("Raumfahrt", "Satelliten", "Forschung"),
        age=hours(146),
        body="""
Wer heute einen Satelliten ins All schickt, muss einen Plan für sein Ende vorlegen. Das war nicht immer so. Viele Geräte aus früheren Jahrzehnten kreisen noch immer um die Erde, obwohl sie längst keine Signale mehr senden. Dazu kommen Bruchstücke von Raketenstufen und die Trümmer aus Zusammenstössen.

## Ein Segel als Bremse

Für kleine Satelliten gibt es eine einfache Lösung: ein Bremssegel. Am Ende der Mission entfaltet sich eine dünne Folie von wenigen Quadratmetern. In den obersten Schichten der Atmosphäre ist die Luft zwar extrem dünn, aber sie reicht, um den Satelliten allmählich abzubremsen. Nach einigen Jahren sinkt er so tief, dass er verglüht.

Bei grossen Objekten ist das schwieriger. Hier wird an Servicesonden gearbeitet, die sich an ein Trümmerteil heranmanövrieren, es mit einem Greifarm fassen und gemeinsam mit ihm absteigen. Solche Manöver sind heikel, weil sich viele alte Satelliten langsam um die eigene Achse drehen.

> Aufräumen ist immer teurer als von Anfang an keinen Abfall zu hinterlassen. | Raumfahrtingenieurin Lea Nussbaumer

## Jeder Zusammenstoss erzeugt neue Trümmer

Die grösste Sorge der Fachleute ist eine Kettenreaktion: Stossen zwei Objekte zusammen, entstehen Hunderte neue Bruchstücke, die wiederum andere Satelliten treffen können. Deshalb werden die grössten Trümmerteile rund um die Uhr von Radaranlagen verfolgt. Droht eine Begegnung, weichen aktive Satelliten aus, sofern sie noch Treibstoff haben.
""",
    ),
    Article(
        section="wissen/umwelt",
        slug="drohnen-vermessen-gletscher",
        kicker="Gletscherforschung",
        title="Drohnen vermessen den Gletscher Zentimeter für Zentimeter",
        lead=(
            "Statt mit Messlatte und Bohrer sind Forschende neuerdings mit Drohnen auf dem Gletscher "
            "unterwegs. Aus Tausenden Luftbildern entsteht ein Höhenmodell, das zeigt, wo das Eis "
            "am schnellsten schwindet."
        ),
        image="gletscher",
        authors=("gerber",),
        partner="alpenpost",
        source_line="alpenpost",
        tags=("Gletscher", "Klima", "Forschung", "Alpen"),
        age=hours(20),
        updated_after=hours(5),
        body="""
Kurz nach Sonnenaufgang steigt die erste Drohne auf. Sie fliegt in parallelen Bahnen über das Eis und macht dabei alle zwei Sekunden ein Bild. Nach zwanzig Minuten ist der Akku leer, die Glaziologin Jana Ruchti wechselt ihn im Windschatten eines Felsblocks und startet den nächsten Flug.

Früher brauchte ein Messteam mehrere Tage, um an ausgewählten Punkten Stangen ins Eis zu bohren und deren Höhe abzulesen. Heute reicht ein Vormittag, um den ganzen unteren Teil des Gletschers zu erfassen.

## Ein Modell aus zehntausend Bildern

[bild:gletscher-karte]

Im Büro setzt eine Software die Luftbilder zu einem dreidimensionalen Modell zusammen. Vergleicht man die Modelle mehrerer Jahre, sieht man genau, wo das Eis dünner geworden ist und wo Spalten entstanden sind. Die Genauigkeit liegt bei wenigen Zentimetern.

> Die Drohne ersetzt die Messstangen nicht ganz, aber sie zeigt uns, wo wir genauer hinschauen müssen. | Jana Ruchti, Glaziologin

Die klassischen Messungen vor Ort werden deshalb weitergeführt, wenn auch an weniger Stellen. Sie dienen dazu, die Modelle zu überprüfen. Die Daten fliessen in ein Messnetz ein, das Dutzende Gletscher in den Alpen umfasst und bis weit ins letzte Jahrhundert zurückreicht.
""",
    ),
    Article(
        section="wissen/umwelt",
        slug="wildbienen-in-stadtgaerten",
        kicker="Biodiversität",
        title="Wildbienen finden in Stadtgärten mehr Nahrung als gedacht",
        lead=(
            "Eine Zählung in Gärten und auf Balkonen zeigt: Auch mitten in der Stadt leben erstaunlich "
            "viele Wildbienenarten. Entscheidend ist, was blüht."
        ),
        image="bienen",
        authors=("gerber",),
        tags=("Natur", "Forschung", "Biodiversität"),
        age=hours(98.3),
        body="""
Über hundert Freiwillige haben einen Sommer lang in ihren Gärten, auf Balkonen und in Schrebergärten Bienen beobachtet und fotografiert. Die Bilder wurden anschliessend von Fachleuten bestimmt. Das Ergebnis überrascht selbst die Leiterin der Studie: Gezählt wurden über achtzig verschiedene Wildbienenarten.

Viele dieser Arten sind auf wenige Pflanzen spezialisiert. Die Glockenblumen-Scherenbiene etwa sammelt Pollen ausschliesslich an Glockenblumen. Fehlen diese, kann sie ihre Brut nicht ernähren.

## Wilde Ecken statt kurzer Rasen

Am meisten Arten fanden die Freiwilligen dort, wo einheimische Wildblumen wachsen und nicht jede Ecke gemäht wird. Ein kurz geschnittener Rasen bietet dagegen kaum Nahrung. Auch Balkone können helfen, wenn in den Kisten Kräuter wie Thymian, Salbei oder Oregano stehen.

> Jeder Quadratmeter mit einheimischen Blumen zählt, auch im fünften Stock. | Biologin Regula Bühlmann

Wichtig sind zudem Nistplätze. Die meisten Wildbienen nisten im Boden, oft an offenen, sandigen Stellen. Andere Arten brauchen hohle Pflanzenstängel oder Totholz. Wer im Herbst nicht alles zurückschneidet, bietet ihnen ein Winterquartier.

Die Zählung soll in den nächsten Jahren wiederholt werden. So wollen die Forschenden herausfinden, ob Gärten, die umgestaltet wurden, tatsächlich mehr Bienen anziehen.
""",
    ),
    Article(
        section="wissen/umwelt",
        slug="seeforellen-laichen-wieder",
        kicker="Gewässer",
        title="Seeforellen laichen wieder im renaturierten Bach",
        lead=(
            "Fünf Jahre nachdem ein begradigter Bach wieder in natürliche Schlaufen gelegt wurde, "
            "sind die Seeforellen zurück. Fischer haben die ersten Laichgruben entdeckt."
        ),
        image="forellen",
        authors=("caflisch",),
        partner="alpenpost",
        source_line="alpenpost/sda",
        tags=("Natur", "Gewässer", "Biodiversität"),
        age=hours(219),
        body="""
Jahrzehntelang floss der Bach in einem geraden Betonkanal dem See entgegen. Für Fische war er kaum zu gebrauchen: Das Wasser war zu schnell, der Grund zu glatt, Verstecke gab es keine. Vor fünf Jahren haben Kanton und Gemeinde den Kanal zurückgebaut und dem Bach wieder Platz gegeben.

Heute windet er sich in weiten Schlaufen durch die Ebene. An manchen Stellen ist er flach und schnell, an anderen tief und ruhig. Genau diese Abwechslung brauchen Forellen: Kiesbänke, um die Eier abzulegen, und tiefe Stellen, in denen sich die Jungfische verstecken können.

## Erste Gruben im Kies

Im Spätherbst hat ein Mitglied des örtlichen Fischereivereins im Kies die typischen hellen Mulden entdeckt, die Forellenweibchen beim Laichen graben. Eine Fachperson des Kantons hat den Fund bestätigt.

> Wir haben auf diesen Tag gewartet, aber ehrlich gesagt nicht so früh damit gerechnet. | Fischereiaufseher Beat Zurflüh

Ganz über den Berg sind die Seeforellen noch nicht. Ihre Bestände sind in vielen Schweizer Seen klein. Der Kanton will deshalb in den nächsten Jahren zwei weitere Bäche aufwerten und die Wanderhindernisse am Unterlauf beseitigen.
""",
    ),
    Article(
        section="wissen",
        slug="wie-murmeltiere-ueberwintern",
        kicker="Tierwelt",
        title="Wie Murmeltiere ein halbes Jahr ohne Essen auskommen",
        lead=(
            "Sechs Monate schlafen Murmeltiere im Bau, ihr Herz schlägt dann nur wenige Male pro Minute. "
            "Eine Forschungsgruppe hat untersucht, wie die Tiere diese lange Zeit überstehen."
        ),
        image="murmeltier",
        authors=("gerber",),
        tags=("Forschung", "Natur", "Alpen"),
        age=hours(290.5),
        body="""
Wenn im Herbst der erste Schnee fällt, verschwinden die Murmeltiere in ihren Bauen und verschliessen den Eingang mit Erde, Heu und Steinen. Bis im Frühling kommen sie nicht mehr heraus. In dieser Zeit sinkt ihre Körpertemperatur von rund 37 auf wenige Grad, das Herz schlägt statt hundertmal nur noch zwei- bis dreimal pro Minute.

## Gemeinsam ist es wärmer

Die Forschenden haben über mehrere Winter die Temperatur in Bauen gemessen, in denen unterschiedlich viele Tiere schliefen. Ergebnis: Je grösser die Gruppe, desto weniger Fett verbrauchen die einzelnen Tiere. Vor allem die Jungtiere profitieren davon, weil sie sich an die älteren Familienmitglieder schmiegen.

Erstaunlich ist auch, dass die Tiere regelmässig aufwachen. Etwa alle zwei Wochen wärmen sie sich für einige Stunden auf normale Temperatur auf, bevor sie wieder in den Tiefschlaf fallen. Wozu diese kurzen Wachphasen dienen, ist noch nicht ganz geklärt.

> Diese Wachphasen kosten enorm viel Energie. Dass die Tiere sie trotzdem einlegen, muss einen guten Grund haben. | Zoologe Andri Pinggera

Eine Vermutung ist, dass das Immunsystem in dieser Zeit Krankheitserreger bekämpft. Eine andere, dass das Gehirn die Wachphasen braucht, um sich zu erholen. Die Gruppe will dies in einem nächsten Schritt untersuchen.
""",
    ),
    # --------------------------------------------------------------- Schweiz
    Article(
        section="schweiz",
        slug="foehn-bringt-milde-tage",
        kicker="Wetter",
        title="Föhn bringt dem Alpennordhang ein paar milde Tage",
        lead=(
            "Ein kräftiger Südföhn sorgt in den nördlichen Alpentälern für ungewohnt milde Temperaturen. "
            "Im Tessin dagegen regnet es anhaltend."
        ),
        image="foehn",
        authors=("keller",),
        source_line="sda",
        tags=("Wetter", "Alpen"),
        age=hours(1),
        body="""
Im Reusstal und im Haslital wurden am Morgen Böen von über hundert Kilometern pro Stunde gemessen. In Altdorf stieg die Temperatur innert weniger Stunden um fast zehn Grad. Auf den Pässen herrscht dagegen Sturm, mehrere Bergbahnen haben den Betrieb vorübergehend eingestellt.

## Warum der Föhn warm ist

Der Föhn entsteht, wenn feuchte Luft von Süden gegen die Alpen strömt. Beim Aufsteigen kühlt sie ab, und die Feuchtigkeit fällt auf der Südseite als Regen oder Schnee. Auf der Nordseite sinkt die nun trockene Luft ins Tal und erwärmt sich dabei stärker, als sie sich beim Aufstieg abgekühlt hat. So kommt sie deutlich wärmer unten an, als sie auf der anderen Seite gestartet ist.

Für viele ist der Föhn ein willkommener Gast: klare Sicht, blauer Himmel, milde Luft. Manche Menschen klagen aber über Kopfschmerzen und schlechten Schlaf. Wissenschaftlich ist dieser Zusammenhang umstritten.

> Bei Föhn sieht man von der Stadt aus jeden einzelnen Gipfel. Das sind die schönsten Tage zum Fotografieren. | Meteorologin Sabine Imhof

Bis am Abend bleibt die Lage unverändert, in der Nacht bricht der Föhn in den meisten Tälern zusammen. Danach wird es kühler und vorübergehend nass. Die Waldbrandgefahr in den Föhntälern bleibt vorerst erhöht, Feuer im Freien sind deshalb verboten.
""",
    ),
    Article(
        section="schweiz",
        slug="nachtzug-faehrt-kuenftig-taeglich",
        kicker="Verkehr",
        title="Nachtzug nach Kopenhagen fährt künftig jeden Abend",
        teaser_headline="Mit dem Nachtzug an die Ostsee",
        lead=(
            "Wer mit dem Zug nach Dänemark will, muss ab dem nächsten Fahrplanwechsel nicht mehr auf "
            "bestimmte Wochentage achten. Die Verbindung ab Basel wird täglich angeboten."
        ),
        image="nachtzug",
        authors=("keller",),
        partner="seelaender",
        source_line="seelaender-bote/sda",
        tags=("Verkehr", "Bahn"),
        age=hours(52),
        updated_after=hours(3),
        body="""
Bisher fuhr der Nachtzug nur viermal pro Woche. Die Nachfrage sei jedoch so gross gewesen, dass viele Verbindungen Wochen im Voraus ausgebucht waren, heisst es bei den beteiligten Bahnen. Nun kommen zusätzliche Wagen dazu, die in den letzten Monaten aufgefrischt worden sind.

Der Zug verlässt Basel am frühen Abend und erreicht Kopenhagen am nächsten Vormittag. Unterwegs hält er unter anderem in mehreren deutschen Städten. Angeboten werden Sitzplätze, Liegewagen mit Abteilen für vier oder sechs Personen und Schlafwagen mit eigener Dusche.

## Frühstück inbegriffen

In den Schlaf- und Liegewagen ist ein einfaches Frühstück inbegriffen. Neu gibt es zudem Abteile, die sich für Familien mit kleinen Kindern eignen. Velos können in einem eigenen Abteil mitgenommen werden, müssen aber vorher reserviert werden.

> Wir merken, dass viele Leute für längere Strecken bewusst den Zug wählen. Das Angebot muss da mithalten. | Fahrplanplanerin Claudia Wenger

Billette sind ab sofort erhältlich. Wer früh bucht, reist günstiger, die Preise steigen mit der Nachfrage. Für Gruppen ab zehn Personen gibt es eigene Angebote.
""",
    ),
    Article(
        section="schweiz/bern",
        slug="aare-neue-ausstiege",
        kicker="Aareschwimmen",
        title="Stadt Bern markiert zusätzliche Ausstiege an der Aare",
        lead=(
            "Wer sich in Bern von der Aare treiben lässt, soll künftig einfacher wieder ans Ufer kommen. "
            "Die Stadt baut drei neue Ausstiege und verbessert die Beschilderung."
        ),
        image="aare",
        authors=("keller",),
        tags=("Bern", "Gewässer"),
        age=hours(26),
        body="""
Das Aareschwimmen gehört für viele Bernerinnen und Berner zum Sommer wie die Glace in der Hand. An heissen Tagen lassen sich Tausende Menschen vom Eichholz bis zum Marzili treiben. Doch die Strömung ist stark, und wer den richtigen Ausstieg verpasst, muss oft weit schwimmen, bis er wieder ans Ufer kommt.

## Farbige Tafeln schon von weitem

Die Stadt hat deshalb beschlossen, drei zusätzliche Ausstiege mit Geländern und Treppen zu bauen. Ausserdem werden alle Ausstiege mit grossen, farbigen Tafeln markiert, die man schon vom Wasser aus erkennt. Eine Tafel rund hundert Meter vorher kündigt den nächsten Ausstieg an.

> Die Aare ist kein Schwimmbad. Man muss wissen, wo man wieder herauskommt, bevor man hineinspringt. | Rettungsschwimmer Simon Hofer

Neu informiert die Stadt zudem auf Plakaten und im Internet über die Wassertemperatur und die aktuelle Abflussmenge. Bei Hochwasser wird vom Schwimmen abgeraten. Die Bauarbeiten sollen vor Beginn der Badesaison abgeschlossen sein.

Die Rettungsschwimmer begrüssen die Massnahmen. Sie erinnern daran, dass man nie allein in die Aare steigen und Brücken nicht als Sprungbretter benutzen sollte. Auch geübte Schwimmerinnen und Schwimmer unterschätzen die Strömung immer wieder.
""",
    ),
    Article(
        section="schweiz/bern",
        slug="zytglogge-uhrwerk-wird-gepflegt",
        kicker="Altstadt",
        title="Das Uhrwerk im Zytglogge bekommt eine gründliche Pflege",
        lead=(
            "Seit Jahrhunderten schlägt der Zytglogge die Stunden über der Berner Altstadt. Nun wird "
            "sein Uhrwerk gereinigt, geölt und sorgfältig eingestellt, die Führungen finden trotzdem statt."
        ),
        authors=("keller",),
        tags=("Bern", "Geschichte"),
        age=hours(121.2),
        body="""
Zwei Uhrmacher arbeiten seit einigen Tagen im engen Raum hinter dem Zifferblatt. Sie bauen einzelne Zahnräder aus, reinigen sie in einem Bad und ölen die Lager neu. Jedes Teil wird fotografiert und nummeriert, bevor es abmontiert wird.

Das Uhrwerk treibt nicht nur die Zeiger an, sondern auch das bekannte Figurenspiel, das kurz vor jeder vollen Stunde Touristinnen und Touristen vor dem Turm versammelt. Der Hahn kräht, der Bärenreigen dreht sich, der Narr läutet seine Glöcklein.

## Nach Gehör eingestellt

Das Besondere an der Arbeit: Vieles wird nach Gehör eingestellt. Ein gut eingestelltes Uhrwerk tickt gleichmässig, ein schlecht eingestelltes hinkt hörbar. Die beiden Fachleute verbringen deshalb viel Zeit damit, einfach nur zuzuhören.

> Man muss diese Uhr behandeln wie eine alte Dame: mit Geduld und Respekt. | Uhrmacher Thomas Aebischer

Während der Arbeiten kann das Figurenspiel zeitweise stillstehen. Die Turmführungen finden weiterhin statt, allerdings in kleineren Gruppen, damit die Uhrmacher nicht gestört werden. Wer Glück hat, kann ihnen dabei über die Schulter schauen.

Die letzte grosse Überholung liegt rund zwanzig Jahre zurück. Danach soll die Uhr wieder für viele Jahre zuverlässig laufen.
""",
    ),
    Article(
        section="schweiz/bern",
        slug="bibliothek-im-alten-bahnhof",
        kicker="Emmental",
        title="Ein Emmentaler Dorf macht aus seinem alten Bahnhof eine Bibliothek",
        lead=(
            "Wo früher Billette verkauft wurden, stehen bald Bücherregale. Ein Dorf im Emmental hat das "
            "leere Bahnhofsgebäude gekauft und baut es zum Treffpunkt um."
        ),
        image="bibliothek",
        authors=("keller",),
        tags=("Bern", "Bahn", "Bibliotheken"),
        age=hours(194),
        body="""
Seit der Schalter vor einigen Jahren geschlossen wurde, stand das Bahnhofsgebäude leer. Die Züge halten zwar weiterhin, doch im Wartesaal sammelte sich nur noch Staub. Nun hat die Gemeinde das Haus gekauft und will es zum Begegnungsort machen.

Im Erdgeschoss entsteht eine Bibliothek mit rund sechstausend Büchern, Zeitschriften und Spielen. Im ehemaligen Wartesaal gibt es ein kleines Café, das von Freiwilligen geführt wird. Im oberen Stock sind ein Sitzungszimmer und zwei Arbeitsplätze geplant, die man stundenweise mieten kann.

## Lesen bis der Zug kommt

Die Idee kam aus der Bevölkerung. An einer Gemeindeversammlung hatten mehrere Familien vorgeschlagen, die alte Dorfbibliothek aus dem engen Keller des Schulhauses zu holen. Das leere Bahnhofsgebäude bot sich an, auch weil es für viele Pendlerinnen und Pendler ohnehin am Weg liegt.

> Wer auf den Zug wartet, kann jetzt ein Buch ausleihen und es bei der Rückkehr gleich wieder abgeben. | Gemeindepräsidentin Erika Liechti

Die Kosten für den Umbau teilen sich die Gemeinde, eine Stiftung und ein lokaler Verein. Die Eröffnung ist für den Frühling geplant. Bis dahin sucht die Bibliothek noch Freiwillige, die beim Einräumen der Regale helfen.
""",
    ),
    Article(
        section="schweiz/graubuenden",
        slug="scheunendaecher-liefern-sonnenstrom",
        kicker="Energie",
        title="Im Val Müstair liefern Scheunendächer Strom für das ganze Tal",
        lead=(
            "Auf den Dächern von Ställen und Scheunen im Val Müstair glänzen immer mehr Solaranlagen. "
            "Die Bauern verdienen damit etwas dazu, das Tal wird unabhängiger."
        ),
        image="solar",
        authors=("caflisch",),
        partner="alpenpost",
        source_line="alpenpost",
        tags=("Graubünden", "Energie"),
        age=hours(40),
        body="""
Das Val Müstair gehört zu den sonnigsten Tälern der Schweiz. Diese Sonne nutzen inzwischen über dreissig Landwirtschaftsbetriebe. Auf ihren Stall- und Scheunendächern stehen Solaranlagen, die zusammen so viel Strom erzeugen, wie alle Haushalte im Tal in einem Jahr verbrauchen.

## Eine Genossenschaft für das ganze Tal

Organisiert ist das Ganze in einer Genossenschaft. Sie kauft den Strom der Bauern zu einem festen Preis und verkauft ihn an die Haushalte und Betriebe im Tal. Wer kein eigenes Dach hat, kann Anteile an einer Anlage kaufen.

Für die Landwirtschaftsbetriebe ist der Strom eine willkommene Einnahme. Gleichzeitig mussten viele Dächer ohnehin erneuert werden. Die Genossenschaft half bei der Planung und beim Einholen der Bewilligungen.

> Früher haben wir nur Heu und Milch verkauft. Jetzt verkaufen wir auch ein bisschen Sonne. | Landwirt Men Gross

Ganz ohne Diskussionen ging es nicht. In einem Tal, in dem das Ortsbild eine wichtige Rolle spielt, sind glänzende Flächen auf alten Dächern nicht allen willkommen. Die Genossenschaft hat deshalb Regeln ausgearbeitet, wie die Anlagen gestaltet werden müssen. Dunkle Module ohne glänzende Rahmen sind inzwischen Standard.

Im Winter reicht der Sonnenstrom nicht aus. Dann bezieht das Tal weiterhin Strom aus Wasserkraftwerken.
""",
    ),
    Article(
        section="schweiz/graubuenden",
        slug="steinbockzaehlung-bestand-stabil",
        kicker="Wildtiere",
        title="Steinbockzählung im Unterengadin: Der Bestand bleibt stabil",
        lead=(
            "Zwei Tage lang haben Wildhüter und Freiwillige im Unterengadin Steinböcke gezählt. "
            "Die Zahl der Tiere ist gegenüber dem Vorjahr fast unverändert."
        ),
        image="steinbock",
        authors=("caflisch",),
        tags=("Graubünden", "Natur", "Alpen"),
        age=hours(171),
        body="""
Mit Feldstechern und Fernrohren ausgerüstet, waren rund sechzig Personen an den Hängen des Unterengadins unterwegs. Jede Gruppe war für ein bestimmtes Gebiet zuständig und notierte, wie viele Böcke, Geissen und Jungtiere sie sah. Gezählt wurde gleichzeitig, damit kein Tier doppelt erfasst wird.

Insgesamt wurden gut 1400 Steinböcke gezählt, etwas weniger als im Vorjahr. Die Wildhut spricht von einem stabilen Bestand. Schwankungen von einigen Prozent seien normal und hingen auch vom Wetter am Zähltag ab.

## Ein Tag mit der Wildhut

[galerie:wildhut]

Der Steinbock war in der Schweiz einst ausgerottet. Heute leben wieder mehrere Tausend Tiere in den Alpen, ein beachtlicher Teil davon in Graubünden. Damit der Bestand gesund bleibt und die Tiere im Wald keine zu grossen Schäden anrichten, wird er jedes Jahr gezählt und bei Bedarf reguliert.

> Jedes Jahr freue ich mich auf diesen Tag. Man sieht Tiere, die man sonst nur aus der Ferne kennt. | Freiwillige Helferin Seraina Tönz

Die Resultate fliessen in die Jagdplanung des Kantons ein. Auch Forschende nutzen die Zahlen, um zu verstehen, wie sich milde Winter auf die Tiere auswirken.
""",
    ),
    Article(
        section="schweiz/graubuenden",
        slug="engadiner-seen-eisdicke",
        kicker="Engadin",
        title="Wie dick ist das Eis? Ein Team misst die Engadiner Seen täglich",
        lead=(
            "Bevor auf den Engadiner Seen spaziert, gelaufen und Langlauf gefahren werden darf, muss das "
            "Eis tragen. Ein kleines Team prüft das jeden Morgen, mit Bohrer und Messstab."
        ),
        image="eis",
        authors=("caflisch",),
        tags=("Graubünden", "Gewässer", "Wintersport"),
        age=hours(338),
        body="""
Um sieben Uhr steht Gian Andri Clavadetscher auf dem See. Er trägt einen Schwimmanzug unter der Winterjacke, ein Seil um den Bauch und einen Handbohrer in der Hand. Alle paar hundert Meter bohrt er ein Loch ins Eis und misst mit einem Messstab, wie dick es ist.

## Zwölf Zentimeter als Grenze

Für Fussgängerinnen und Fussgänger muss das Eis mindestens zwölf Zentimeter dick sein, für grössere Anlässe deutlich mehr. Entscheidend ist nicht nur die Dicke, sondern auch die Art des Eises. Klares, schwarzes Eis ist tragfähiger als milchiges, das beim Gefrieren von Schnee entsteht.

Die Messungen werden auf einer Karte eingetragen, die am Seeufer und im Internet veröffentlicht wird. Gesperrte Zonen, etwa bei Zuflüssen oder Quellen, werden mit Fahnen markiert. Dort bleibt das Eis oft dünn, auch wenn es daneben längst trägt.

> Der See verzeiht keine Fehler. Deshalb messen wir lieber einmal zu oft als einmal zu wenig. | Eismeister Gian Andri Clavadetscher

In milden Wintern ist die Saison kürzer geworden. Manchmal werden die Seen erst spät freigegeben, in einzelnen Jahren gar nicht. Für Gastronomie und Veranstalter bedeutet das Unsicherheit, für das Messteam vor allem eines: noch genauer hinschauen.
""",
    ),
    # ---------------------------------------------------------------- Kultur
    Article(
        section="kultur/musik",
        slug="alphorn-trifft-jazz",
        kicker="Festival",
        title="Alphorn trifft Jazz: Das Seeklang-Festival wagt ungewohnte Paarungen",
        teaser_headline="Wenn das Alphorn swingt",
        lead=(
            "Volksmusik und Jazz auf derselben Bühne: Das Seeklang-Festival lädt Musikerinnen und Musiker "
            "ein, die sonst selten zusammen spielen. Das Publikum ist begeistert."
        ),
        image="jazz",
        authors=("bernasconi",),
        tags=("Musik", "Festival"),
        age=hours(28),
        body="""
Als das Alphorn den ersten langen Ton anstimmt, wird es im Zelt still. Dann setzt das Schlagzeug ein, ein Kontrabass folgt, und nach wenigen Takten klatscht das Publikum im Rhythmus mit. So klingt der Eröffnungsabend am Seeklang-Festival, das in diesem Jahr zum zehnten Mal stattfindet.

## Proben im Bauernhaus

Das Konzept ist einfach: Die Festivalleitung bringt Musikerinnen und Musiker zusammen, die sich vorher nicht kannten. Eine Woche lang proben sie gemeinsam in einem alten Bauernhaus in der Nähe, dann stehen sie auf der Bühne. Was dabei herauskommt, weiss niemand im Voraus.

> Ich war skeptisch. Aber das Alphorn hat Töne, die kein anderes Instrument hat, und der Jazz liebt solche Töne. | Saxofonistin Mirjam Rüegsegger

Neben den grossen Konzerten gibt es Workshops für Kinder, in denen sie ein Alphorn ausprobieren oder mit einfachen Mitteln eigene Instrumente bauen können. Am Nachmittag spielen Nachwuchsbands aus der Region auf einer kleinen Bühne am Seeufer.

Das Festival dauert bis Sonntag. Für die meisten Abende gibt es noch Tickets, die Konzerte am Seeufer sind kostenlos. Bei schlechtem Wetter wird ins grosse Zelt ausgewichen.
""",
    ),
    Article(
        section="kultur/musik",
        slug="jugendorchester-tournee-romandie",
        kicker="Klassik",
        title="Ein Jugendorchester probt für seine Tournee durch die Romandie",
        lead=(
            "Achtzig junge Musikerinnen und Musiker aus der ganzen Deutschschweiz bereiten sich auf eine "
            "Konzertreise vor. Auf dem Programm stehen Werke aus drei Jahrhunderten."
        ),
        image="orchester",
        authors=("bernasconi",),
        partner="seelaender",
        source_line="seelaender-bote",
        tags=("Musik", "Jugend"),
        age=hours(243),
        body="""
Im Probensaal eines Internats im Seeland riecht es nach Kolophonium und Kaffee. Seit Montag proben hier achtzig Jugendliche zwischen vierzehn und zweiundzwanzig Jahren, sechs Stunden pro Tag, aufgeteilt in Register- und Gesamtproben. In einer Woche beginnt ihre Tournee mit Konzerten in Neuenburg, Freiburg, Lausanne und Genf.

## Drei Jahrhunderte Musik

Das Programm ist anspruchsvoll. Es beginnt mit einer Sinfonie aus dem achtzehnten Jahrhundert, führt über ein romantisches Violinkonzert bis zu einem Werk, das eine junge Schweizer Komponistin eigens für das Orchester geschrieben hat. Die Solistin im Violinkonzert ist selbst erst siebzehn.

> Es ist eine andere Welt, mit achtzig Leuten gleichzeitig zu atmen. Das vergisst man nicht. | Cellist Noah Brügger, 16

Viele Mitglieder spielen zum ersten Mal in einem so grossen Orchester. Für die Tournee haben sie sich in einem Vorspiel durchgesetzt. Die Dirigentin legt Wert darauf, dass alle auch Französisch sprechen: Die Ansagen in den Konzerten übernehmen die Jugendlichen selbst.

Nach der Tournee geht es zurück in den Alltag von Schule, Lehre und Studium. Viele von ihnen werden im nächsten Jahr wieder vorspielen.
""",
    ),
    Article(
        section="kultur/film",
        slug="dokfilm-bergbauern-publikumspreis",
        kicker="Dokumentarfilm",
        title="Dokumentarfilm über eine Bergbauernfamilie gewinnt den Publikumspreis",
        lead=(
            "Ein Jahr lang hat eine junge Regisseurin eine Familie auf ihrem Hof hoch über dem Tal begleitet. "
            "Ihr Film hat das Festivalpublikum berührt und den Publikumspreis gewonnen."
        ),
        image="dokfilm",
        authors=("bernasconi",),
        tags=("Film", "Festival", "Alpen"),
        age=hours(66),
        body="""
Der Film beginnt im Winter. Der Hof liegt tief verschneit, der Vater räumt mit der Schaufel einen Weg zum Stall frei, die Kinder fahren mit dem Schlitten zur Postautohaltestelle. Zwölf Monate später endet er an derselben Stelle, mit denselben Bildern. Dazwischen liegt ein ganzes Bauernjahr.

## Ohne Kommentar

Die Regisseurin Laura Tschudin verzichtet auf einen Sprecher. Die Familie erzählt selbst, beim Heuen, beim Melken, am Küchentisch. Manchmal wird lange gar nichts gesagt. Gerade diese stillen Momente hätten das Publikum besonders berührt, sagte die Jury bei der Preisverleihung.

> Ich wollte keinen Film über die Berge machen, sondern über Menschen, die dort leben und arbeiten. | Regisseurin Laura Tschudin

Tschudin hat für den Film ein Jahr lang in einem Zimmer auf dem Hof gewohnt. Gedreht hat sie allein, mit einer kleinen Kamera und wenig Licht. Mit der Zeit habe die Kamera einfach dazugehört, sagt sie.

Der Film kommt im Frühling in die Kinos. Die Familie hat ihn bereits gesehen, zusammen mit dem ganzen Dorf im Saal des Schulhauses. Danach habe es lange Applaus gegeben und noch länger Diskussionen beim Apéro.
""",
    ),
    Article(
        section="kultur/film",
        slug="open-air-kino-am-see-programm",
        kicker="Sommerkino",
        title="Das Open-Air-Kino am See gibt sein Programm bekannt",
        lead=(
            "Dreissig Abende, dreissig Filme, eine Leinwand direkt am Wasser: Das Open-Air-Kino hat sein "
            "Programm veröffentlicht. Zum ersten Mal gibt es Vorstellungen für Familien am frühen Abend."
        ),
        image="openair",
        authors=("bernasconi",),
        partner="seelaender",
        source_line="seelaender-bote",
        tags=("Film", "Festival"),
        age=hours(386),
        body="""
Das Programm mischt wie jedes Jahr grosse Kinoerfolge mit Schweizer Produktionen und Klassikern. Eröffnet wird mit einer Komödie aus der Romandie, den Abschluss macht ein Stummfilm, zu dem ein Orchester live spielt.

## Neu: Familienabende

Neu sind die Familienabende. An vier Sonntagen beginnen die Vorstellungen bereits um halb acht mit Filmen für Kinder ab sechs Jahren. Damit es hell genug bleibt, wird ein spezieller Projektor eingesetzt, der auch in der Dämmerung ein klares Bild liefert.

Rund um die Leinwand gibt es Essensstände von Betrieben aus der Region. Wer mag, kann auf dem Rasen picknicken, für alle anderen stehen Liegestühle und Bänke bereit. Bei Regen wird gespielt, Schirme sind jedoch nicht erlaubt. Regenpelerinen werden am Eingang abgegeben.

> Das Schönste ist der Moment, wenn die Sonne hinter dem Berg verschwindet und der Film beginnt. | Programmleiter Fabian Ryser

Der Vorverkauf beginnt in zwei Wochen. Ein Teil der Plätze wird jeweils erst am Abend an der Kasse verkauft, damit auch spontane Besucherinnen und Besucher eine Chance haben. Mit dem Velo anreisen lohnt sich: Der Veloparkplatz ist bewacht und kostenlos.
""",
    ),
    Article(
        section="kultur",
        slug="ausstellung-wie-die-schweiz-vermessen-wurde",
        kicker="Ausstellung",
        title="Wie die Schweiz vermessen wurde: Ein Museum zeigt 300 Jahre Landkarten",
        lead=(
            "Von der handgezeichneten Alpenkarte bis zum digitalen Höhenmodell: Eine neue Ausstellung "
            "erzählt, wie die Schweiz auf Papier kam. Sie stellt auch die Menschen vor, die dafür Berge bestiegen."
        ),
        image="karten",
        authors=("bernasconi",),
        tags=("Ausstellung", "Geschichte", "Alpen"),
        age=hours(151.7),
        body="""
Der erste Raum ist abgedunkelt. In Vitrinen liegen Karten, auf denen die Alpen noch als Reihen kleiner Zuckerhüte gezeichnet sind. Flüsse fliessen an falschen Orten, ganze Täler fehlen. Wer damals reiste, verliess sich besser auf Ortskundige als auf Papier.

## Mit Messtisch auf den Gipfel

Die Ausstellung zeigt, wie sich das änderte. Im neunzehnten Jahrhundert zogen Vermessungsteams mit Messtischen, Theodoliten und Maultieren durch das Land. Sie bestiegen Gipfel, um Winkel zu messen, und verbrachten ganze Sommer in Zelten. Aus ihren Messungen entstanden die ersten genauen Karten des ganzen Landes.

[bild:karten-alt]

Besonders eindrücklich sind die Originalzeichnungen, auf denen Felsen mit feinen Schraffuren dargestellt sind. Einige von ihnen sind so detailliert, dass man einzelne Felsbänder erkennt. Daneben zeigt ein grosser Bildschirm, wie heute mit Laserscannern aus dem Flugzeug gemessen wird.

> Jede Karte ist auch ein Abenteuerbuch, man muss nur genau hinschauen. | Kuratorin Barbara Leuenberger

Für Kinder gibt es einen Parcours, auf dem sie selbst Distanzen schätzen und mit einem einfachen Messgerät Höhen bestimmen können. Die Ausstellung dauert bis Ende Jahr.
""",
    ),
    # ----------------------------------------------------------------- Sport
    Article(
        section="sport/wintersport",
        slug="seelaender-curlerinnen-im-final",
        kicker="Curling",
        title="Seeländer Curlerinnen ziehen ins Final der Schweizer Meisterschaft ein",
        teaser_headline="Curlerinnen aus dem Seeland im Final",
        lead=(
            "Mit einem letzten Stein im zehnten End haben die Curlerinnen aus dem Seeland den Halbfinal "
            "gewonnen. Im Final treffen sie auf das Team, gegen das sie in der Vorrunde verloren hatten."
        ),
        image="curling",
        authors=("luethi",),
        partner="seelaender",
        source_line="seelaender-bote/sda",
        tags=("Wintersport", "Curling"),
        age=hours(2),
        updated_after=timedelta(minutes=25),
        body="""
Es stand unentschieden, als Skip Andrea Marti zu ihrem letzten Stein ansetzte. Sie brauchte einen präzisen Wurf, um den gegnerischen Stein aus dem Haus zu schieben und selbst liegen zu bleiben. Der Stein glitt langsam über das Eis, ihre Mitspielerinnen wischten bis zur letzten Sekunde. Dann war es geschafft: 7:6 für das Seeland.

## Ruhig bleiben im zehnten End

Das Spiel war lange ausgeglichen. Die Seeländerinnen lagen nach dem fünften End zwei Punkte zurück, kämpften sich aber mit geduldigem Spiel zurück. Entscheidend war die Ruhe im Team, sagte Marti nach dem Spiel.

> Wir haben uns gesagt: Ein Stein nach dem anderen. Nicht ans Resultat denken, nur an den nächsten Wurf. | Skip Andrea Marti

Im Final treffen sie auf das Team aus dem Berner Oberland, gegen das sie in der Vorrunde deutlich verloren hatten. Die Seeländerinnen sehen sich trotzdem nicht als Aussenseiterinnen. Sie hätten aus der Niederlage viel gelernt, besonders was die Eisverhältnisse am Abend betreffe.

Das Final wird am Sonntagnachmittag gespielt. Die Siegerinnen qualifizieren sich für die Europameisterschaft. Für das junge Team aus dem Seeland wäre es die erste Teilnahme an einem internationalen Turnier.
""",
    ),
    Article(
        section="sport/wintersport",
        slug="engadiner-nachwuchs-langlauf",
        kicker="Langlauf",
        title="Engadiner Nachwuchs prägt das Junioren-Langlaufrennen",
        lead=(
            "Drei der ersten fünf Plätze gingen an junge Langläuferinnen und Langläufer aus dem Engadin. "
            "Ihr Trainer sieht den Grund vor allem in einer Sache: viel Zeit auf Schnee."
        ),
        image="langlauf",
        authors=("luethi", "caflisch"),
        tags=("Wintersport", "Langlauf", "Graubünden", "Jugend"),
        age=hours(93),
        updated_after=hours(1),
        body="""
Auf der leicht coupierten Strecke über zehn Kilometer setzte sich die erst sechzehnjährige Flurina Denoth souverän durch. Sie lief vom Start weg ein hohes Tempo und liess sich auch in den Anstiegen nicht einholen. Bei den jungen Männern wurde ihr Vereinskollege Nicolò Rauch Zweiter.

## Training vor der Haustür

Dass das Engadin so viele gute Junge hervorbringt, überrascht niemanden, der die Region kennt. Die Loipen beginnen oft direkt vor der Haustür, und der Schnee liegt früh und lange. Viele Kinder stehen schon im Kindergarten auf den Langlaufskis.

> Unsere Kinder sind im Winter jeden Tag draussen. Das ist das beste Training, das es gibt. | Nachwuchstrainer Curdin Bezzola

Der Verein organisiert zudem gemeinsame Trainings für verschiedene Altersstufen. Die Jüngeren schauen sich bei den Älteren viel ab, die Älteren helfen beim Wachsen der Skis und beim Einrichten der Strecke.

Für die besten Junioren geht es nun an die nationalen Meisterschaften. Der Trainer bremst aber die Erwartungen: Wichtig sei, dass die Jugendlichen Freude am Sport behalten. Resultate kämen mit der Zeit von selbst.
""",
    ),
    Article(
        section="sport/velo",
        slug="velorennen-ueber-drei-paesse",
        kicker="Radsport",
        title="Velorennen über drei Pässe: Die Strecke für den Sommer steht",
        lead=(
            "Über 200 Kilometer und mehr als 4000 Höhenmeter: Die Organisatoren eines neuen Velorennens "
            "haben die Strecke vorgestellt. Hobbyfahrerinnen und Profis starten gemeinsam."
        ),
        image="paesse",
        authors=("luethi",),
        partner="alpenpost",
        source_line="alpenpost/sda",
        tags=("Velo", "Alpen"),
        age=hours(50),
        body="""
Start und Ziel liegen im selben Bergdorf, dazwischen warten drei Alpenpässe. Die Strecke führt über Strassen, die an diesem Tag für den Verkehr gesperrt sind. Wer die ganze Runde fährt, ist zwischen sieben und zwölf Stunden unterwegs.

## Kürzere Strecke für Einsteiger

Für alle, die sich die volle Distanz nicht zutrauen, gibt es eine kürzere Variante über einen einzigen Pass. Sie ist rund achtzig Kilometer lang und eignet sich für geübte Hobbyfahrerinnen und -fahrer. Die Zeiten werden gemessen, im Vordergrund steht aber das Erlebnis.

Besonders stolz sind die Organisatoren auf die Verpflegungsposten. Dort gibt es neben Wasser und Bananen auch Bergkäse, Trockenfleisch und Birnbrot aus der Region. Auf den Passhöhen spielen Musikgruppen.

> Wir wollen zeigen, wie schön die Schweiz vom Velosattel aus ist. Die Zeit ist dabei Nebensache. | Organisator Marco Gisler

Die Anmeldung öffnet im Frühling. Die Zahl der Startplätze ist auf zweitausend beschränkt, damit die Strassen nicht überfüllt werden. Teilnehmende müssen einen Helm tragen und ihr Velo vor dem Start prüfen lassen. Begleitfahrzeuge sind nicht erlaubt, Pannendienst und Sanität sind entlang der ganzen Strecke unterwegs.
""",
    ),
    Article(
        section="sport/velo",
        slug="neue-velowege-im-jura",
        kicker="Velowege",
        title="Neue Velowege im Jura: Sechs Gemeinden spannen zusammen",
        lead=(
            "Zwischen den Dörfern im Jura sollen sichere Velowege entstehen, abseits der Hauptstrassen. "
            "Sechs Gemeinden planen das Netz gemeinsam."
        ),
        authors=("luethi",),
        partner="seelaender",
        source_line="seelaender-bote",
        tags=("Velo", "Verkehr"),
        age=hours(266),
        body="""
Wer im Jura mit dem Velo von Dorf zu Dorf fahren will, teilt sich die Strasse oft mit Lastwagen und Autos. Besonders für Kinder auf dem Schulweg und für ältere Menschen ist das gefährlich. Sechs Gemeinden wollen das ändern und haben sich für die Planung eines gemeinsamen Velonetzes zusammengeschlossen.

## Alte Feldwege werden ausgebaut

Statt neue Strassen zu bauen, setzen die Gemeinden vor allem auf bestehende Wege. Feld- und Waldwege sollen so ausgebaut werden, dass sie das ganze Jahr befahrbar sind. An einigen Stellen braucht es neue Brücken über Bäche, an anderen Unterführungen unter der Hauptstrasse.

Die ersten Abschnitte sollen bereits im nächsten Jahr fertig werden. Das ganze Netz umfasst rund vierzig Kilometer und verbindet auch die Bahnhöfe der Region. So wird es einfacher, mit dem Velo zum Zug zu fahren.

> Wir sind kleine Gemeinden. Allein hätten wir das nie geschafft, zusammen geht es. | Gemeinderätin Isabelle Girardin

Finanziert wird das Projekt von den Gemeinden, dem Kanton und dem Bund. Auch der Tourismus soll profitieren: Die neuen Wege werden in die regionalen Velorouten eingebunden und beschildert.
""",
    ),
    Article(
        section="sport",
        slug="orientierungslauf-staffel-bronze",
        kicker="Orientierungslauf",
        title="Schweizer OL-Staffel holt Bronze an der Europameisterschaft",
        lead=(
            "Nach einem spannenden Schlusslauf hat die Schweizer Frauenstaffel im Orientierungslauf die "
            "Bronzemedaille gewonnen. Die Entscheidung fiel im letzten Waldstück."
        ),
        image="ol",
        authors=("luethi",),
        source_line="sda",
        tags=("Orientierungslauf", "Jugend"),
        age=hours(430),
        body="""
Als Schlussläuferin Noemi Steffen aus dem Wald auf die Zielwiese bog, lag sie noch auf dem vierten Platz. Auf den letzten Metern überholte sie ihre Konkurrentin und sicherte der Schweiz die Bronzemedaille. Gold ging an Schweden, Silber an Norwegen.

## Heikle Postenwahl im Nebel

Das Rennen fand in einem dichten, hügeligen Wald statt. Am Morgen lag Nebel über dem Gelände, was die Orientierung zusätzlich erschwerte. Die Startläuferin verlor an einem schwierigen Posten fast eine Minute, die zweite Läuferin machte diesen Rückstand mit einem fehlerfreien Lauf teilweise wieder gut.

> Im Nebel sieht jeder Baum gleich aus. Man muss der Karte und dem Kompass einfach vertrauen. | Noemi Steffen

Für das junge Team ist es die erste Medaille an einem grossen Anlass in dieser Besetzung. Zwei der drei Läuferinnen sind noch keine fünfundzwanzig Jahre alt. Die Trainerin sprach von einem Erfolg, der Mut für die kommenden Jahre mache.

Orientierungslauf hat in der Schweiz eine lange Tradition. Jedes Wochenende finden irgendwo im Land Läufe statt, an denen ganze Familien teilnehmen. Viele Spitzenläuferinnen haben als Kinder mit ihren Eltern angefangen.
""",
    ),
)
