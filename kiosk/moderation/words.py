"""Banned and suspect words found in a comment: one Aho-Corasick pass, however long the list.

A newsroom's list runs to thousands of entries. One regular expression of
them all grows with the list until it times out, and then every comment is
flagged; an Aho-Corasick automaton (pyahocorasick) finds every entry in one
pass over the text, in time that grows with the text, not the list.

Entries and text are compared folded: case-insensitive, umlauts as their
two-letter spelling (``ä``/``ae``), ``ß`` as ``ss``, other accents dropped
(``é``/``e``), and every run of what is not a letter or digit as one space,
so an entry of several words (a phrase) matches across line breaks and
punctuation. Entries match whole words; a ``*`` at either end lets the word
go on there (``idiot*`` also finds «Idioten»). Everything here is plain
Python with no database: ``moderation.selectors`` builds the list from its rows.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import accumulate

import ahocorasick
from django.utils.translation import gettext as _

WILDCARD = "*"
# An entry must name at least this many letters or digits: one letter would match everywhere.
MIN_ENTRY_LENGTH = 2
MAX_ENTRY_LENGTH = 200

_WORD = re.compile(r"\S+")
_SPELLED_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "æ": "ae", "œ": "oe", "ø": "oe", "ð": "d", "þ": "th"}


class Kind(StrEnum):
    BANNED = "banned"  # rejected with the house-rule reason
    SUSPECT = "suspect"  # held for review, the word highlighted


class EntryError(ValueError):
    """An entry that cannot be listed; the message says why."""


@lru_cache(maxsize=4096)  # a pure function of one character: the same answer in every process
def _fold_char(char: str) -> str:
    folded = []
    for part in char.casefold():
        if part in _SPELLED_OUT:
            folded.append(_SPELLED_OUT[part])
        elif part.isalnum():
            base = unicodedata.normalize("NFKD", part)
            folded.append("".join(c for c in base if not unicodedata.combining(c)))
        elif unicodedata.combining(part):
            continue  # a combining accent after its letter
        else:
            folded.append(" ")
    return "".join(folded)


def fold(text: str) -> str:
    """The text as entries are compared with it: folded, single spaces, no space at the ends."""
    return " ".join("".join(map(_fold_char, text)).split())


def _origins(parts: list[str], raw: str):
    """A function from an index in the folded text to the index in the text it came from.

    ``parts`` are the folded characters of the text, ``raw`` their join
    before runs of spaces were made one; built only for a text with hits.
    """
    starts = list(accumulate(map(len, parts), initial=0))  # where each character's part begins in raw
    folded_starts, raw_starts, offset = [], [], 0
    for word in _WORD.finditer(raw):
        folded_starts.append(offset)
        raw_starts.append(word.start())
        offset += word.end() - word.start() + 1

    def origin(index: int) -> int:
        word = bisect_right(folded_starts, index) - 1
        return bisect_right(starts, raw_starts[word] + index - folded_starts[word]) - 1

    return origin


@dataclass(frozen=True)
class Entry:
    """One listed word or phrase as the moderators wrote it."""

    text: str
    kind: Kind
    pk: int | None = None


@dataclass(frozen=True)
class _Pattern:
    folded: str
    open_start: bool
    open_end: bool


def pattern(entry_text: str) -> _Pattern:
    """The folded form an entry is matched by; EntryError when it cannot be listed."""
    stripped = entry_text.strip()
    if len(stripped) > MAX_ENTRY_LENGTH:
        raise EntryError(_("An entry may have at most %(count)d characters.") % {"count": MAX_ENTRY_LENGTH})
    open_start, open_end = stripped.startswith(WILDCARD), stripped.endswith(WILDCARD)
    inner = stripped.strip(WILDCARD)
    if WILDCARD in inner:
        raise EntryError(_("A * may stand only at the start or the end of an entry."))
    folded = fold(inner)
    if sum(c.isalnum() for c in folded) < MIN_ENTRY_LENGTH:
        raise EntryError(
            _("An entry needs at least %(count)d letters or digits.") % {"count": MIN_ENTRY_LENGTH}
        )
    return _Pattern(folded, open_start, open_end)


@dataclass(frozen=True)
class Hit:
    """Where an entry was found: ``start``/``end`` index the comment's own text."""

    entry: Entry
    start: int
    end: int
    found: str  # the words as the comment has them


class WordList:
    """Every entry, compiled once; ``find`` reports each listed word or phrase in a text."""

    def __init__(self, entries: Iterable[Entry]):
        self._automaton = ahocorasick.Automaton()
        by_pattern: dict[_Pattern, list[Entry]] = {}
        for entry in entries:
            by_pattern.setdefault(pattern(entry.text), []).append(entry)
        # One automaton key per folded text; the open ends are checked per hit.
        by_folded: dict[str, list[tuple[_Pattern, tuple[Entry, ...]]]] = {}
        for found, listed in by_pattern.items():
            by_folded.setdefault(found.folded, []).append((found, tuple(listed)))
        for folded, patterns in by_folded.items():
            self._automaton.add_word(folded, (len(folded), tuple(patterns)))
        self.size = sum(len(listed) for listed in by_pattern.values())
        if by_folded:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def find(self, text: str) -> list[Hit]:
        """Every listed entry in ``text``, in the order they appear; banned before suspect at one place."""
        if not self.size or not text:
            return []
        parts = list(map(_fold_char, text))
        raw = "".join(parts)
        folded = " ".join(raw.split())  # as fold(text)
        spans = []
        for last, (length, patterns) in self._automaton.iter(folded):
            first = last - length + 1
            closed_start = first == 0 or folded[first - 1] == " "
            closed_end = last == len(folded) - 1 or folded[last + 1] == " "
            for found, listed in patterns:
                if (closed_start or found.open_start) and (closed_end or found.open_end):
                    # An open end shows the whole word it was found in («Idioten» for idiot*).
                    begin = folded.rfind(" ", 0, first) + 1 if found.open_start else first
                    stop = folded.find(" ", last) if found.open_end else last + 1
                    stop = len(folded) if stop == -1 else stop
                    spans.extend((begin, stop, entry) for entry in listed)
        if not spans:
            return []
        # Positions in the comment's own text, for highlighting, only when something was found.
        origin = _origins(parts, raw)
        hits = []
        for begin, stop, entry in sorted(set(spans), key=lambda s: (s[0], s[2].kind != Kind.BANNED, s[1])):
            # A letter spelled out (ß as ss) takes its whole source character.
            start, end = origin(begin), origin(stop - 1) + 1
            hits.append(Hit(entry=entry, start=start, end=end, found=text[start:end]))
        return hits
