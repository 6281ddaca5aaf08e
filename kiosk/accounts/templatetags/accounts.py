"""Readers' avatars and the account links in the site header."""

from __future__ import annotations

import secrets

from django import template
from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kiosk import cacheversions

from ..backends import READER_SECONDS, account_version_name

register = template.Library()

# Backgrounds for generated avatars; white initials read on each at 4.5:1 or more.
AVATAR_COLOURS = (
    "#9e0c24",  # red
    "#0a3d7a",  # blue
    "#1f6a3a",  # green
    "#6b3fa0",  # violet
    "#8a4b08",  # brown
    "#0f6270",  # teal
    "#a3226b",  # magenta
    "#4a5560",  # slate
)


def avatar_colour(pk: int | None) -> str:
    """The same colour for a reader on every page and in every process (unlike hash())."""
    return AVATAR_COLOURS[(pk or 0) % len(AVATAR_COLOURS)]


def initials(name: str) -> str:
    """Up to two letters: of the first and the last word ("Anna Meier-Roth" → "AM", "Leser 02" → "L")."""
    words = [word for word in name.split() if word[:1].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


@register.simple_tag
def avatar(user, size: int = 48) -> str:
    """``<img class="avatar">`` for an uploaded picture, else a generated circle with initials.

    Decorative (empty alt, aria-hidden): the name always stands next to it.
    Reads only fields already loaded on the user, so it costs no query.
    """
    size = int(size)
    if user is None:
        # A deleted account: a plain grey circle keeps the line in place and says nobody.
        return format_html(
            '<svg class="avatar avatar--deleted" width="{size}" height="{size}" viewBox="0 0 100 100"'
            ' aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="50" fill="#767676"/></svg>',
            size=size,
        )
    if user.avatar:
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" class="avatar" loading="lazy" decoding="async">',
            user.avatar.url,
            size,
            size,
        )
    return format_html(
        '<svg class="avatar" width="{size}" height="{size}" viewBox="0 0 100 100" aria-hidden="true"'
        ' focusable="false"><circle cx="50" cy="50" r="50" fill="{colour}"/>'
        '<text x="50" y="50" dy="0.35em" text-anchor="middle" fill="#fff" font-size="40"'
        ' font-family="system-ui, sans-serif" font-weight="700">{initials}</text></svg>',
        size=size,
        colour=avatar_colour(user.pk),
        initials=initials(user.public_name),
    )


HEADER_ACCOUNT = "accounts/includes/header_account.html"


@register.simple_tag(takes_context=True)
def header_account(context) -> str:
    """The header's account links.

    Without a session cookie the reader is anonymous and request.user is
    never touched: reading it would load the session and add ``Vary: Cookie``
    to pages that the page cache shares among all anonymous readers. A
    logged-in reader's links are rendered once per version of their row and
    language and kept in the cache; the page's CSRF token is put in each time.
    """
    request = context.get("request")
    reader = None
    if request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            reader = user
    if reader is None:
        return render_to_string(HEADER_ACCOUNT, {"reader": None})
    (version,) = cacheversions.current(account_version_name(reader.pk))
    key = f"accounts:header-account:{reader.pk}:{version}:{translation.get_language()}"
    entry = cache.get(key)
    if entry is None:
        # Unguessable: no public name can pose as the token's place.
        mark = f"kiosk{secrets.token_hex(8)}csrf"
        entry = (render_to_string(HEADER_ACCOUNT, {"reader": reader, "csrf_token": mark}), mark)
        cache.set(key, entry, READER_SECONDS)
    html, mark = entry
    return mark_safe(html.replace(mark, str(context.get("csrf_token") or get_token(request))))
