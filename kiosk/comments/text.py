"""A reader's plain text as safe HTML: paragraphs, line breaks and links, nothing else."""

from __future__ import annotations

import html
import re

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiosk.security import reader_text

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\x60]+", re.IGNORECASE)
# Punctuation that ends a sentence rather than the address.
URL_TRAILING = ".,;:!?)]}»«\"'"
ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_REL = "nofollow ugc noopener"


def normalise(text: str) -> str:
    """What we store: unified line ends, no invisible characters, at most one blank line in a row."""
    text = reader_text.clean(text, multiline=True)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def validate(text: str) -> str:
    """The normalised text, or a ValidationError a reader understands."""
    text = normalise(text or "")
    if not text:
        raise ValidationError(_("Write something before you send your comment."), code="empty")
    limit = settings.KIOSK_COMMENT_MAX_LENGTH
    if len(text) > limit:
        raise ValidationError(
            ngettext(
                "Your comment is %(count)d character too long: at most %(limit)d are allowed.",
                "Your comment is %(count)d characters too long: at most %(limit)d are allowed.",
                len(text) - limit,
            )
            % {"count": len(text) - limit, "limit": limit},
            code="too_long",
        )
    return text


def _link(match: re.Match) -> str:
    url = match.group(0)
    trailing = ""
    while url and url[-1] in URL_TRAILING:
        # Keep a closing parenthesis that belongs to the address (Wikipedia links).
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        trailing = url[-1] + trailing
        url = url[:-1]
    href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
    return f'<a href="{html.escape(href)}">{html.escape(url)}</a>{html.escape(trailing)}'


def _line(line: str) -> str:
    parts, last = [], 0
    for match in URL.finditer(line):
        parts.append(html.escape(line[last : match.start()]))
        parts.append(_link(match))
        last = match.end()
    parts.append(html.escape(line[last:]))
    return "".join(parts)


def to_html(text: str) -> str:
    """Paragraphs at blank lines, <br> at line ends, addresses as nofollow links."""
    paragraphs = [p for p in normalise(text).split("\n\n") if p.strip()]
    markup = "".join("<p>" + "<br>".join(_line(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    # Escaping above already allows nothing else; nh3 is the second lock on the door.
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
