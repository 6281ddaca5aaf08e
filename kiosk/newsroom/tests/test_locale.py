"""Swiss Standard German everywhere ("ss", never "ß"), and each reader language in its own words."""

import datetime
import gettext as gettext_module
from pathlib import Path

import django
import pytest
import wagtail
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.models import Task, Workflow

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    PartnerFactory,
    SectionPageFactory,
    add_byline,
    make_home,
)
from kiosk.newsroom.management.commands.swiss_german import read_mo

SHARP_S = ("\N{LATIN SMALL LETTER SHARP S}", "\N{LATIN CAPITAL LETTER SHARP S}")
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"
WAGTAIL_DIR = Path(wagtail.__file__).parent

# (catalog that ships it, msgid): stock German spells each of these with "ß".
STOCK_SHARP_S = [
    (DJANGO_LOCALE, "Belarusian"),
    (DJANGO_LOCALE, "Ensure this value is greater than or equal to %(limit_value)s."),
    (DJANGO_LOCALE, "Date out of range"),
    (DJANGO_LOCALE.parent.parent / "contrib" / "auth" / "locale", "block size"),
    (WAGTAIL_DIR / "locale", "is default site"),
    (WAGTAIL_DIR / "admin" / "locale", "Close"),
    (WAGTAIL_DIR / "images" / "locale", "Original size"),
    (WAGTAIL_DIR / "documents" / "locale", "This file is too big. Maximum filesize %(max_filesize)s."),
]
PLURAL = (
    "Deleting this page will also delete %(translation_count)s translation of this page.",
    "This will also delete %(descendant_count)s more child pages. Deleting this page will also "
    "delete %(translation_count)s translations of this page.",
)


def has_sharp_s(text: str) -> bool:
    return any(letter in text for letter in SHARP_S)


def stock_german(locale_dir: Path, msgid: str) -> str:
    return gettext_module.translation("django", locale_dir, ["de"]).gettext(msgid)


@pytest.mark.parametrize("language", ["de-ch", "de"])
@pytest.mark.parametrize(("locale_dir", "msgid"), STOCK_SHARP_S)
def test_django_and_wagtail_german_is_spelt_with_ss(language, locale_dir, msgid):
    stock = stock_german(locale_dir, msgid)
    assert has_sharp_s(stock), "the test needs a string that stock German spells with ß"
    with translation.override(language):
        assert gettext(msgid) == stock.replace("ß", "ss")


@pytest.mark.parametrize("language", ["de-ch", "de"])
def test_plural_forms_are_overridden_too(language):
    with translation.override(language):
        one, many = ngettext(*PLURAL, 1), ngettext(*PLURAL, 2)
    assert one.startswith("Das Löschen dieser Seite")
    assert "ausserdem" in many
    assert not has_sharp_s(one + many)


def test_admin_javascript_catalog_is_spelt_with_ss():
    catalog = DjangoTranslation("de", domain="djangojs", localedirs=[str(WAGTAIL_DIR / "admin" / "locale")])
    close = "Close"  # a variable, so makemessages does not take it for one of our strings
    assert catalog.gettext(close) == "Schliessen"


@pytest.mark.parametrize("locale", ["de_CH", "de"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_german_catalogs_have_no_sharp_s(locale, domain):
    entries = read_mo((LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.mo").read_bytes())
    assert len(entries) > 1
    assert [entry.msgid for entry in entries if any(map(has_sharp_s, entry.strings))] == []


@pytest.mark.parametrize("locale", ["de_CH", "de"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_german_catalogs_quote_the_swiss_way(locale, domain):
    entries = read_mo((LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.mo").read_bytes())
    assert [entry.msgid for entry in entries if any("\u201e" in string for string in entry.strings)] == []


@pytest.mark.parametrize("language", ["de-ch", "de"])
def test_the_admin_reads_as_a_newsroom_writes(language):
    # Stock Wagtail: a typo, and "Dieses Artikel-Objekt wird 0 Mal referenziert".
    referenced = "This %(model_name)s is referenced %(usage_count)s time."
    notifications = "Comment notifications"
    with translation.override(language):
        assert gettext(notifications) == "Kommentarbenachrichtigungen"
        assert ngettext(referenced, referenced, 0) % {"model_name": "Artikel", "usage_count": 0} == (
            "Dieser Eintrag (Artikel) wird 0-mal verwendet."
        )


def test_our_translations_are_complete_in_german_and_french():
    def translated(locale):
        with (LOCALE_DIR / locale / "LC_MESSAGES" / "django.po").open("rb") as po:
            catalog = read_po(po, locale=locale)
        own = [message for message in catalog if message.id and message.locations]
        assert own
        missing = [message.id for message in own if message.fuzzy or not message.string]
        assert missing == [], f"untranslated in {locale}"
        return {message.id for message in own}

    # French falls back to German (LANGUAGE_CODE), not English, for what it lacks.
    assert translated("fr") == translated("de_CH")


def test_catalogs_and_compiled_files_are_up_to_date():
    """Fails after makemessages, a Django or Wagtail upgrade or a new app: run swiss_german --compile."""
    call_command("swiss_german", "--check")


def test_dates_and_numbers_in_swiss_german_have_no_sharp_s():
    with translation.override("de-ch"):
        shown = [
            formats.date_format(datetime.date(2026, month, day), "l, j. F Y / D, j. M / E")
            for month in range(1, 13)
            for day in range(1, 8)
        ]
        shown.append(formats.number_format(1234567.5, decimal_pos=2, use_l10n=True, force_grouping=True))
    assert "Montag, 2. März 2026 / Mo, 2. Mär / März" in shown
    assert not any(map(has_sharp_s, shown))


@pytest.fixture
def article(db):
    home = make_home()
    section = SectionPageFactory(parent=home, title="Wissen", slug="wissen")
    article = ArticlePageFactory(
        parent=section,
        title="Grosse Pläne für kleine Satelliten",
        lead_image=KioskImageFactory(caption="Ein Satellit im Reinraum.", description="Ein Satellit"),
        partner=PartnerFactory(name="Bergpost"),
    )
    add_byline(article, AuthorFactory(name="Anna Muster"))
    ArticlePageFactory(parent=section, title="Ein zweiter Artikel")
    return article


READER_WORDS = {
    "": {
        "article": [
            "Mehr «Wissen»",
            "Bild: Kiosk-Archiv",
            "Ein Artikel von",
            "Auf Facebook teilen",
            "Publiziert",
        ],
        "section": ["Zum Inhalt springen", "Navigationspfad", "RSS-Feed"],
        "front": ["Mehr «Wissen»", "Zum Inhalt springen"],
        "missing": ["Seite nicht gefunden", "Zur Startseite"],
    },
    "/en": {
        "article": [
            "More «Wissen»",
            "Image: Kiosk-Archiv",
            "An article by",
            "Share on Facebook",
            "Published",
        ],
        "section": ["Skip to content", "Breadcrumb", "RSS feed"],
        "front": ["More «Wissen»", "Skip to content"],
        "missing": ["Page not found", "To the front page"],
    },
    "/fr": {
        "article": [
            "Plus «Wissen»",
            "Image: Kiosk-Archiv",
            "Un article de",
            "Partager sur Facebook",
            "Publié",
        ],
        "section": ["Aller au contenu", "Fil d'Ariane", "Flux RSS"],
        "front": ["Plus «Wissen»", "Aller au contenu"],
        "missing": ["Page introuvable", "Vers la page d'accueil"],
    },
}


@pytest.mark.parametrize("prefix", list(READER_WORDS))
def test_reader_pages_speak_the_readers_language_without_sharp_s(client, article, prefix):
    paths = {
        "article": article.url,
        "section": article.get_parent().url,
        "front": "/",
        "missing": "/gibt-es-nicht/",
    }
    for kind, path in paths.items():
        response = client.get(prefix + path)
        assert response.status_code == (404 if kind == "missing" else 200), (prefix + path, kind)
        html = response.content.decode()
        for words in READER_WORDS[prefix][kind]:
            assert words in html, (prefix + path, words)
        assert not has_sharp_s(html), (prefix + path, html[html.find("ß") - 80 : html.find("ß") + 80])


@pytest.mark.django_db
def test_the_publish_menu_names_the_workflow_in_german():
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Freigabe durch die Chefredaktion"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Freigabe Chefredaktion"]
    submit = "Submit to %(workflow_name)s"  # a variable, so makemessages does not take it for one of ours
    with translation.override("de-ch"):
        assert gettext(submit) % {"workflow_name": "Freigabe"} == "Einreichen: Freigabe"
