from django import template
from django.conf import settings
from django.utils import timezone

from kiosk.newsroom import formatting

register = template.Library()


@register.filter
def local_datetime(value):
    return formatting.local_datetime(value) if value else ""


@register.simple_tag
def content_language():
    """``de-CH``: the lang of what the newsroom wrote, where the interface speaks the reader's language."""
    return settings.KIOSK_CONTENT_LANGUAGE


@register.filter
def duration(value):
    """A waiting time in words: ``20 Minuten``, ``2 Stunden``."""
    return formatting.duration(value) if value is not None else ""


@register.filter
def month_year(value):
    return formatting.month_year(value) if value else ""


@register.filter
def chf(value):
    """``CHF 1’250.00``: for the donation pages (the donations issue)."""
    return formatting.chf(value) if value is not None else ""


@register.filter
def number(value):
    return formatting.number(value) if value is not None else ""


@register.filter
def iso(value):
    """ISO 8601 with the UTC offset, for <time datetime> and JSON-LD."""
    return value.astimezone(formatting.NEWSROOM_TZ).isoformat(timespec="seconds") if value else ""


@register.filter
def ago(value):
    """``vor 12 Minuten`` for a recent time, else ``13.09.2023, 10:36`` (see components/time_ago.html)."""
    return formatting.relative_time(value, now=timezone.now()) if value else ""


@register.simple_tag
def relative_hours():
    """How long kiosk.js, like the server, keeps a time relative."""
    return formatting.RELATIVE_HOURS
