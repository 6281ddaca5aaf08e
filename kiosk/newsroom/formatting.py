"""Dates, times and money as readers in each locale expect them."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_timedelta, get_datetime_format
from babel.numbers import format_currency, format_decimal
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

NEWSROOM_TZ = ZoneInfo(settings.TIME_ZONE)
# Swiss newsrooms print full numeric dates (13.09.2023) in every language.
DATE_PATTERN = "dd.MM.yyyy"
TIME_PATTERN = "HH:mm"
BABEL_LOCALES = {"de-ch": "de_CH", "en": "en_CH", "fr": "fr_CH"}


def babel_locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    return BABEL_LOCALES.get(language, "de_CH")


def local_datetime(value: datetime, language: str | None = None) -> str:
    """``13.09.2023, 10:36`` in Europe/Zurich, joined the locale's way."""
    locale = babel_locale(language)
    joiner = get_datetime_format("short", locale=locale)
    date = format_datetime(value, DATE_PATTERN, tzinfo=NEWSROOM_TZ, locale=locale)
    time = format_datetime(value, TIME_PATTERN, tzinfo=NEWSROOM_TZ, locale=locale)
    return joiner.replace("{1}", date).replace("{0}", time)


# A story's time reads "vor 12 Minuten" / "vor 3 Stunden" this long, then as 13.09.2023, 10:36.
RELATIVE_HOURS = 12
RELATIVE_SPAN = timedelta(hours=RELATIVE_HOURS)
MINUTE, HOUR = timedelta(minutes=1), timedelta(hours=1)


def relative_age(value: datetime, *, now: datetime) -> tuple[str, int] | None:
    """("minute", 12) or ("hour", 3): how long ago, in the unit a reader is told; None once absolute.

    Elapsed time, not wall-clock difference: across a DST change "vor 1 Stunde" is an hour ago.
    A time a little in the future (a clock ahead of the database) counts as just now.
    """
    age = max(now - value, timedelta(0))
    if age >= RELATIVE_SPAN:
        return None
    if age < HOUR:
        return "minute", age // MINUTE
    return "hour", age // HOUR


def relative_text_changes_at(value: datetime, *, now: datetime) -> datetime | None:
    """When ``relative_age`` next says something else (None: never, it is absolute already).

    A shared cache must not keep a page longer than its times read true.
    """
    shown = relative_age(value, now=now)
    if shown is None:
        return None
    unit, count = shown
    step = MINUTE if unit == "minute" else HOUR
    return value + step * (count + 1)


def relative_time(value: datetime, *, now: datetime, language: str | None = None) -> str:
    """``vor 12 Minuten``, ``vor 3 Stunden``, then ``13.09.2023, 10:36``.

    The same words as the browser's Intl.RelativeTimeFormat (both are CLDR's), so kiosk.js can
    keep a cached page's times current.
    """
    shown = relative_age(value, now=now)
    if shown is None:
        return local_datetime(value, language)
    unit, count = shown
    if unit == "minute" and count == 0:
        with translation.override(language or translation.get_language()):
            return gettext("just now")
    delta = timedelta(minutes=count) if unit == "minute" else timedelta(hours=count)
    return format_timedelta(-delta, threshold=1, add_direction=True, locale=babel_locale(language))


def date_time(value: datetime, language: str | None = None) -> str:
    """``13.09.2023 11:44``, without the comma: what spreadsheets and the admin's date fields read.

    Pages and messages show ``local_datetime``, as the article's dates are.
    """
    locale = babel_locale(language)
    return format_datetime(value, f"{DATE_PATTERN} {TIME_PATTERN}", tzinfo=NEWSROOM_TZ, locale=locale)


def local_date(value, language: str | None = None) -> str:
    if isinstance(value, datetime):
        return format_datetime(value, DATE_PATTERN, tzinfo=NEWSROOM_TZ, locale=babel_locale(language))
    return format_date(value, DATE_PATTERN, locale=babel_locale(language))


def month_year(value, language: str | None = None) -> str:
    """``Juni 2016``: for 'registered since' lines."""
    if isinstance(value, datetime):
        return format_datetime(value, "LLLL yyyy", tzinfo=NEWSROOM_TZ, locale=babel_locale(language))
    return format_date(value, "LLLL yyyy", locale=babel_locale(language))


def duration(value: timedelta, language: str | None = None) -> str:
    """Rounded to what a reader needs: ``20 Minuten``, ``3 Stunden``; never under two minutes."""
    value = max(value, timedelta(minutes=2))
    return format_timedelta(value, threshold=1.5, format="long", locale=babel_locale(language))


def chf(amount: Decimal | int | float, language: str | None = None) -> str:
    return format_currency(amount, "CHF", locale=babel_locale(language))


def number(value: Decimal | int | float, language: str | None = None) -> str:
    return format_decimal(value, locale=babel_locale(language))
