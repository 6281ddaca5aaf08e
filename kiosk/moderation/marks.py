"""A comment's text as the desk shows it: escaped, line breaks kept, the stretches the checks pointed at marked."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def highlighted(text: str, marks) -> SafeString:
    """``marks`` index ``text`` ({start, end, label}); overlapping or out-of-range ones are left out, never trusted."""
    usable = [
        m
        for m in marks
        if isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int)
    ]
    parts, at = [], 0
    for mark in sorted(usable, key=lambda m: (m["start"], m["end"])):
        start, end = mark["start"], mark["end"]
        if not at <= start < end <= len(text):
            continue
        parts.append(escape(text[at:start]))
        label = str(mark.get("label", ""))
        parts.append(format_html('<mark title="{}">{}</mark>', label, text[start:end]))
        at = end
    parts.append(escape(text[at:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # every part escaped above
