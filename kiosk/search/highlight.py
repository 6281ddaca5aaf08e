"""The reader's words marked (<mark>) in headlines and snippets; everything else escaped.

A word is marked when it starts with the stem of a searched word, as the
search backend stems it: on PostgreSQL the German stemmer makes "Wahlen"
``wahl``, so "Wahl", "Wahlen" and "Wahllokal" are marked; SQLite's FTS5
does not stem, so there the searched word itself is the prefix. Both sides
are compared case- and accent-folded ("Zürich" ~ "zurich"), as the index does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+")
# A stem this short marks only words that are exactly it, not every word it starts.
MIN_PREFIX = 3
SNIPPET_CHARS = 220
# How much of the text before the first marked word a snippet shows.
SNIPPET_LEAD_IN = 60


@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Lower case without accents: "Zürich" → "zurich", "Strasse" and "Straße" alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_config() -> str | None:
    """PostgreSQL's text search configuration of the index (``german``), or None where there is none."""
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")


def stems(words: Iterable[str]) -> list[str]:
    """The searched words as the index matches them: stemmed on PostgreSQL, as written elsewhere."""
    words = list(words)
    config = search_config()
    if words and connection.vendor == "postgresql" and config:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [config, " ".join(words)]
            )
            lexemes = cursor.fetchone()[0] or []
        # Stop words ("die", "und") have no stem; the index ignores them, so are they here.
        return sorted({fold(lexeme) for lexeme in lexemes})
    return sorted({fold(word) for word in words})


def matcher(prefixes: Iterable[str]):
    """Whether a word matches: it is a prefix, or starts with one of at least MIN_PREFIX letters.

    Made once per set of prefixes (a snippet tests every word of a body).
    """
    return _matcher(tuple(prefixes))


@functools.lru_cache(maxsize=256)
def _matcher(prefixes: tuple[str, ...]):
    exact = frozenset(prefixes)
    starts = tuple(p for p in prefixes if len(p) >= MIN_PREFIX)

    def matches_word(word: str) -> bool:
        folded = fold(word)
        return folded in exact or folded.startswith(starts)

    return matches_word


def mark(text: str, prefixes: list[str]) -> SafeString:
    """The text escaped, with each matching word in <mark>."""
    parts, position = [], 0
    matches_word = matcher(prefixes)
    for match in WORD.finditer(text):
        if matches_word(match.group()):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of the text went through escape


def snippet(text: str, prefixes: list[str], *, chars: int = SNIPPET_CHARS) -> SafeString:
    """About ``chars`` characters of the text around its first matching word, marked; its start without one."""
    text = " ".join(text.split())
    matches_word = matcher(prefixes)
    first = next((m.start() for m in WORD.finditer(text) if matches_word(m.group())), None)
    start = 0
    if first is not None and first > SNIPPET_LEAD_IN:
        # Begin at a word a little before the match.
        start = text.rfind(" ", 0, first - SNIPPET_LEAD_IN) + 1
    end = len(text)
    if end - start > chars:
        end = text.rfind(" ", start, start + chars)
        if end <= start:
            end = start + chars
    shown = mark(text[start:end], prefixes)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{shown}{after}")  # shown is escaped
