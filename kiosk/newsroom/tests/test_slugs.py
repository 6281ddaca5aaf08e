import pytest

from kiosk.newsroom.slugs import swiss_slug, unique_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Zürcher", "zuercher"),
        ("Über", "ueber"),
        ("Grönland", "groenland"),
        ("ÄRGER IM ÖV", "aerger-im-oev"),
        ("Strasse oder Straße", "strasse-oder-strasse"),
        ("Café à la Crème, Neuchâtel", "cafe-a-la-creme-neuchatel"),
        ("Façade", "facade"),
        ("Zu\u0308rich", "zuerich"),  # a decomposed ü
        ("Œuvre & Søren", "oeuvre-und-soren"),
        ("Wahlen 2027: «Die Schweiz» – wer gewinnt?", "wahlen-2027-die-schweiz-wer-gewinnt"),
        ("  --Leerzeichen   und -- Striche--  ", "leerzeichen-und-striche"),
        ("Ελλάδα", ""),
        ("", ""),
    ],
)
def test_swiss_slug_transliterates_as_a_swiss_newsroom_writes(text, slug):
    assert swiss_slug(text) == slug


def test_a_long_slug_is_cut_at_a_hyphen():
    assert swiss_slug("Grüezi mitenand liebe Leserinnen", max_length=18) == "grueezi-mitenand"
    assert swiss_slug("Grüezi", max_length=4) == "grue"
    assert swiss_slug("ab-cd", max_length=3) == "ab"


def test_unique_slug_numbers_from_two():
    taken = {"anna-muster", "anna-muster-2"}
    assert unique_slug("anna-muster", taken=taken.__contains__) == "anna-muster-3"
    assert unique_slug("beat", taken=taken.__contains__) == "beat"
