"""Word lists: folded matching on word boundaries, wildcards, phrases and where each hit is."""

import pytest
from django.utils import translation

from kiosk.moderation.words import Entry, EntryError, Kind, WordList, fold, pattern


def _found(words: WordList, text: str) -> list[tuple[str, str]]:
    return [(hit.entry.text, hit.found) for hit in words.find(text)]


def test_folding_spells_out_umlauts_and_sharp_s_and_drops_other_accents():
    assert fold("Strasse, Straße!  Müller  café") == "strasse strasse mueller cafe"


def test_an_entry_matches_whole_words_only_whatever_the_case_and_spelling():
    words = WordList([Entry("dämlich", Kind.SUSPECT)])
    assert _found(words, "Das ist DAEMLICH.") == [("dämlich", "DAEMLICH")]
    assert _found(words, "Ganz Dämlich") == [("dämlich", "Dämlich")]
    assert _found(words, "unverdämlicht") == []


def test_sharp_s_and_ss_are_one_spelling_and_the_hit_covers_the_whole_letter():
    words = WordList([Entry("scheisse", Kind.BANNED)])
    assert _found(words, "So eine Scheiße.") == [("scheisse", "Scheiße")]


def test_a_wildcard_lets_the_word_go_on_and_the_hit_shows_the_whole_word():
    words = WordList([Entry("idiot*", Kind.SUSPECT), Entry("*kopf", Kind.SUSPECT)])
    assert _found(words, "Ihr Idioten, ihr Holzköpfe") == [("idiot*", "Idioten")]
    assert _found(words, "Du Holzkopf!") == [("*kopf", "Holzkopf")]
    assert _found(words, "Einidiot") == []


def test_a_phrase_matches_across_punctuation_and_line_breaks():
    words = WordList([Entry("halt die klappe", Kind.BANNED)])
    hits = words.find("Also: halt,\n die   Klappe jetzt")
    assert [(hit.found, hit.start, hit.end) for hit in hits] == [("halt,\n die   Klappe", 6, 25)]


def test_hits_come_in_text_order_banned_before_suspect_at_one_place():
    words = WordList(
        [Entry("lüge", Kind.SUSPECT), Entry("luege", Kind.BANNED), Entry("presse", Kind.SUSPECT)]
    )
    assert [(hit.entry.kind, hit.found) for hit in words.find("Presse und Lüge")] == [
        (Kind.SUSPECT, "Presse"),
        (Kind.BANNED, "Lüge"),
        (Kind.SUSPECT, "Lüge"),
    ]


def test_overlapping_entries_are_each_reported():
    words = WordList(
        [Entry("lügen", Kind.SUSPECT), Entry("lügenpresse", Kind.BANNED), Entry("presse", Kind.SUSPECT)]
    )
    assert _found(words, "Lügenpresse") == [("lügenpresse", "Lügenpresse")]
    assert _found(words, "lügen presse") == [("lügen", "lügen"), ("presse", "presse")]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("x", "at least 2"),
        ("  ", "at least 2"),
        ("*", "at least 2"),
        ("f*ck", "only at the start or the end"),
        ("a" * 201, "at most 200"),
    ],
)
def test_an_entry_that_cannot_be_listed_says_why(entry, message):
    with translation.override("en"), pytest.raises(EntryError, match=message):
        pattern(entry)


def test_an_empty_list_finds_nothing_and_an_empty_text_has_nothing_to_find():
    assert WordList([]).find("irgendwas") == []
    assert WordList([Entry("wort", Kind.BANNED)]).find("") == []


def test_ten_thousand_entries_still_find_the_one_that_is_there():
    entries = [Entry(f"wort{i}", Kind.SUSPECT) for i in range(10_000)]
    words = WordList([*entries, Entry("bösewicht", Kind.BANNED)])
    text = "Ein langer Kommentar. " * 90 + "Du Bösewicht!"
    assert _found(words, text) == [("bösewicht", "Bösewicht")]
    assert len(words) == 10_001


def test_positions_stay_right_after_spelled_out_letters_accents_and_runs_of_spaces():
    text = "  «Straße»,  Cafe\u0301 —   ÄRGER   Idiot!"
    words = WordList([Entry("idiot", Kind.SUSPECT), Entry("ärger", Kind.SUSPECT)])
    assert [(text[hit.start : hit.end], hit.found) for hit in words.find(text)] == [
        ("ÄRGER", "ÄRGER"),
        ("Idiot", "Idiot"),
    ]
