"""Web addresses written the Swiss way: «Zürcher Über-Grönland» → ``zuercher-ueber-groenland``.

Django's ``slugify`` drops the umlaut's dots (``zurcher``) or keeps the letter
(``zürcher``, which browsers show as ``z%C3%BCrcher``); a Swiss newsroom writes
``ue`` as it does in addresses, e-mail names and on typewriters.
"""

from __future__ import annotations

import re
import unicodedata

# Letters whose Swiss (German) transliteration is not just the letter without its accent.
SPELLED_OUT = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "å": "a",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "þ": "th",
    "ı": "i",
    "&": "-und-",
}
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def swiss_slug(text: str, *, max_length: int | None = None) -> str:
    """Lowercase ASCII letters and digits joined by single hyphens; empty when nothing is left.

    ä, ö, ü become ae, oe, ue and ß ss; other accents are dropped (é → e, ç → c);
    letters without a Latin transliteration (Greek, Cyrillic, emoji) are dropped too.
    ``max_length`` cuts at a hyphen where it can, never leaving one at the end.
    """
    # Composed first: "u" + combining diaeresis is an ü as well.
    text = unicodedata.normalize("NFC", str(text)).lower()
    text = "".join(SPELLED_OUT.get(char, char) for char in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALPHANUMERIC.sub("-", text).strip("-")
    if max_length is not None and len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        slug = cut.strip("-")
    return slug


def unique_slug(base: str, *, taken) -> str:
    """``base``, else ``base-2``, ``base-3`` … : the first that ``taken(slug)`` says is free."""
    if not taken(base):
        return base
    number = 2
    while taken(f"{base}-{number}"):
        number += 1
    return f"{base}-{number}"
