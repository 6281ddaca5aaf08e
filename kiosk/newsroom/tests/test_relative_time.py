"""«vor 12 Minuten» for the last hours, then the Swiss date: the rule and its boundaries."""

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.newsroom.formatting import (
    RELATIVE_HOURS,
    relative_age,
    relative_text_changes_at,
    relative_time,
)

NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)  # 10:00 in Zurich (summer time)


def ago(**kwargs) -> datetime:
    return NOW - timedelta(**kwargs)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (ago(seconds=0), ("minute", 0)),
        (ago(seconds=59), ("minute", 0)),
        (ago(seconds=60), ("minute", 1)),
        (ago(minutes=12, seconds=30), ("minute", 12)),
        (ago(minutes=59, seconds=59), ("minute", 59)),
        (ago(minutes=60), ("hour", 1)),
        (ago(hours=3, minutes=59), ("hour", 3)),
        (ago(hours=RELATIVE_HOURS) + timedelta(seconds=1), ("hour", RELATIVE_HOURS - 1)),
        (ago(hours=RELATIVE_HOURS), None),
        (ago(days=3), None),
        # A clock a little ahead of the database's: just now, not "in 2 Minuten".
        (NOW + timedelta(minutes=2), ("minute", 0)),
    ],
)
def test_relative_age_around_its_boundaries(published, expected):
    assert relative_age(published, now=NOW) == expected


@pytest.mark.parametrize(
    ("language", "minutes", "hours", "absolute"),
    [
        ("de-ch", "vor 12 Minuten", "vor 3 Stunden", "14.06.2026, 11:10"),
        ("en", "12 minutes ago", "3 hours ago", "14.06.2026, 11:10"),
        ("fr", "il y a 12 minutes", "il y a 3 heures", "14.06.2026 11:10"),
    ],
)
def test_words_in_each_reader_language(language, minutes, hours, absolute):
    assert relative_time(ago(minutes=12), now=NOW, language=language) == minutes
    assert relative_time(ago(hours=3, minutes=20), now=NOW, language=language) == hours
    # After the relative hours: the absolute time in Europe/Zurich.
    assert relative_time(ago(hours=22, minutes=50), now=NOW, language=language) == absolute


def test_singular_and_just_now():
    assert relative_time(ago(minutes=1), now=NOW, language="de-ch") == "vor 1 Minute"
    assert relative_time(ago(hours=1), now=NOW, language="de-ch") == "vor 1 Stunde"
    assert relative_time(ago(seconds=20), now=NOW, language="en") == "just now"


def test_across_the_change_to_summer_time_an_hour_is_an_hour():
    # 29.03.2026: at 02:00 Zurich clocks jump to 03:00. 01:30 CET to 03:30 CEST is one hour.
    published = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 CET
    now = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert relative_time(published, now=now, language="de-ch") == "vor 1 Stunde"


def test_across_the_change_to_winter_time_the_absolute_time_is_zurichs():
    # 25.10.2026: 03:00 CEST falls back to 02:00 CET; 13 hours later it is absolute, in CET.
    published = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    now = published + timedelta(hours=13)
    assert relative_time(published, now=now, language="de-ch") == "25.10.2026, 02:30"
    later = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second one
    assert relative_time(later, now=later + timedelta(hours=2), language="de-ch") == "vor 2 Stunden"


@pytest.mark.parametrize(
    ("published", "changes_at"),
    [
        (ago(seconds=10), ago(seconds=10) + timedelta(minutes=1)),
        (ago(minutes=12, seconds=30), ago(minutes=12, seconds=30) + timedelta(minutes=13)),
        (ago(hours=3, minutes=20), ago(hours=3, minutes=20) + timedelta(hours=4)),
        # From "vor 11 Stunden" to the absolute time.
        (ago(hours=11, minutes=5), ago(hours=11, minutes=5) + timedelta(hours=12)),
        (ago(hours=RELATIVE_HOURS), None),
        (NOW + timedelta(minutes=2), NOW + timedelta(minutes=3)),
    ],
)
def test_when_the_words_next_change(published, changes_at):
    assert relative_text_changes_at(published, now=NOW) == changes_at
    if changes_at is not None:
        assert changes_at > NOW
        before = relative_time(published, now=changes_at - timedelta(seconds=1), language="en")
        assert relative_time(published, now=changes_at, language="en") != before
