from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from kiosk.comments.text import normalise, to_html, validate

# Payloads from the usual XSS cheat sheets: none may produce markup of its own.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    '<a href="javascript:alert(1)">klick</a>',
    "javascript:alert(1)",
    "<iframe src=https://evil.example></iframe>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "<<script>script>alert(1)<</script>/script>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>alert(1)</script>",
    "www.example.com'><img src=x onerror=alert(1)>",
    "<p onclick=alert(1)>Absatz</p>",
    "<a href=https://ok.example rel=opener>x</a>",
    "\u202eevil\u202c",
]


class Markup(HTMLParser):
    """Every tag and attribute in a piece of HTML, as a browser would parse it."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_produces_markup(payload):
    parsed = Markup()
    parsed.feed(to_html(payload))
    for tag, attrs in parsed.tags:
        assert tag in {"p", "br", "a"}
        if tag == "a":
            assert set(attrs) == {"href", "rel"}
            assert attrs["href"].startswith(("https://", "http://"))
            assert attrs["rel"] == "nofollow ugc noopener"
        else:
            assert attrs == {}


def test_paragraphs_and_line_breaks_are_kept():
    assert to_html("Erster Absatz\nzweite Zeile\n\n\n\nZweiter Absatz") == (
        "<p>Erster Absatz<br>zweite Zeile</p><p>Zweiter Absatz</p>"
    )


def test_addresses_become_nofollow_links_without_trailing_punctuation():
    html = to_html("Siehe https://example.ch/a?b=1&c=2. Und www.kiosk.example!")
    assert '<a href="https://example.ch/a?b=1&amp;c=2" rel="nofollow ugc noopener">' in html
    assert "</a>. Und" in html
    assert '<a href="https://www.kiosk.example" rel="nofollow ugc noopener">www.kiosk.example</a>!' in html


def test_text_is_escaped_not_rendered():
    assert to_html("5 < 6 & <b>fett</b>") == "<p>5 &lt; 6 &amp; &lt;b&gt;fett&lt;/b&gt;</p>"


def test_invisible_and_bidi_characters_are_removed():
    assert normalise("a\u202eb\x00c\r\nd") == "abc\nd"


@override_settings(KIOSK_COMMENT_MAX_LENGTH=10)
def test_length_limit_has_a_clear_message():
    assert validate("  zehn Zeich  ") == "zehn Zeich"
    with pytest.raises(ValidationError) as error:
        validate("elf Zeichen!")
    assert error.value.code == "too_long"
    assert "2" in error.value.messages[0]


@pytest.mark.parametrize("blank", ["", "   ", "\n\n", "\u202e"])
def test_empty_comment_is_refused(blank):
    with pytest.raises(ValidationError) as error:
        validate(blank)
    assert error.value.code == "empty"
