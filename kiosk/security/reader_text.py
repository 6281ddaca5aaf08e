"""Text that readers type, cleaned the same way wherever it is stored.

Comments, replies, report notes, moderators' notes and display names all
pass through ``clean``: control characters are removed (PostgreSQL cannot
store NUL at all; the others hide text or break logs and mails), and so are
the Unicode direction overrides and isolates, which make a name or a comment
read differently from what it says (``U+202E`` turns "gpj.exe" around).
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and line feed, which multi-line text keeps
# until it is normalised below.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Direction marks, embeddings, overrides and isolates (U+200E/F, U+202A–E, U+2066–9).
DIRECTION = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Invisible in a name, so two names that look alike would differ (zero-width space, BOM).
# Zero-width joiners stay: emoji and several scripts need them.
INVISIBLE_IN_NAMES = re.compile(r"[\u200b\u2060\ufeff]")
# Halves of a surrogate pair on their own (JSON can carry "\ud800") are no text at all.
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
LINE_SEPARATORS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")


def clean(value: str, *, multiline: bool = True) -> str:
    """The text without control characters and direction overrides, in Unicode NFC.

    Multi-line text keeps its line breaks (unified to ``\\n``) and turns tabs
    into spaces; a single line (a name) turns every break into one space and
    loses leading, trailing and repeated spaces as well.
    """
    value = LONE_SURROGATE.sub("", value or "")
    value = LINE_SEPARATORS.sub("\n", value)
    if multiline:
        value = value.replace("\t", " ")
    else:
        value = INVISIBLE_IN_NAMES.sub("", re.sub(r"[\t\n]", " ", value))
    value = DIRECTION.sub("", CONTROL.sub("", value))
    value = unicodedata.normalize("NFC", value)
    if not multiline:
        value = " ".join(value.split())
    return value
