from kiosk.search import highlight


def test_marks_words_starting_with_a_stem_case_and_accent_folded():
    marked = highlight.mark("Die Wahl, die Wahlen und ZÜRICHS Walliser", ["wahl", "zurich"])
    assert marked == ("Die <mark>Wahl</mark>, die <mark>Wahlen</mark> und <mark>ZÜRICHS</mark> Walliser")


def test_everything_but_the_marks_is_escaped():
    marked = highlight.mark('<script>alert("Wahl")</script> & Wahl', ["wahl"])
    assert marked == (
        "&lt;script&gt;alert(&quot;<mark>Wahl</mark>&quot;)&lt;/script&gt; &amp; <mark>Wahl</mark>"
    )
    assert "<script" not in highlight.snippet("<script>x</script> Wahl", ["wahl"])


def test_a_short_stem_marks_only_itself():
    assert highlight.mark("EU und Europa", ["eu"]) == "<mark>EU</mark> und Europa"


def test_a_snippet_starts_near_the_first_match_and_says_where_it_cut():
    text = "Anfang " + "Fülltext " * 30 + "hier steht die Wahl " + "und noch mehr " * 30
    shown = highlight.snippet(text, ["wahl"])
    assert shown.startswith("… ")
    assert shown.endswith(" …")
    assert "<mark>Wahl</mark>" in shown
    assert len(shown) < highlight.SNIPPET_CHARS + 40


def test_without_a_match_a_snippet_is_the_start_of_the_text():
    assert highlight.snippet("Kurz und gut.", ["wahl"]) == "Kurz und gut."
