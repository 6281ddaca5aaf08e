"""Staffed hours as plain rules of a schedule and now, the nights the clocks change included."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.moderation.hours import Schedule, Span, closing_time, is_staffed, next_opening

ZURICH = ZoneInfo("Europe/Zurich")
DAYTIME = (Span(time(6), time(23)),)
# The newsroom's week: 06:00–23:00 every day, Sunday only 08:00–20:00.
WEEK = Schedule(week={**dict.fromkeys(range(6), DAYTIME), 6: (Span(time(8), time(20)),)})


def at(*args) -> datetime:
    return datetime(*args, tzinfo=ZURICH)


def test_no_hours_at_all_means_always_open():
    assert is_staffed(Schedule(), now=at(2026, 12, 3, 3, 0))
    assert next_opening(Schedule(), now=at(2026, 12, 3, 3, 0)) == at(2026, 12, 3, 3, 0)


def test_open_from_the_first_minute_to_just_before_closing():
    assert not is_staffed(WEEK, now=at(2026, 12, 3, 5, 59))
    assert is_staffed(WEEK, now=at(2026, 12, 3, 6, 0))
    assert is_staffed(WEEK, now=at(2026, 12, 3, 22, 59))
    assert not is_staffed(WEEK, now=at(2026, 12, 3, 23, 0))
    assert closing_time(WEEK, now=at(2026, 12, 3, 12, 0)) == at(2026, 12, 3, 23, 0)


def test_the_next_opening_is_the_next_mornings_or_the_sundays_later_one():
    assert next_opening(WEEK, now=at(2026, 12, 3, 23, 30)) == at(2026, 12, 4, 6, 0)  # Thursday night
    assert next_opening(WEEK, now=at(2026, 12, 5, 23, 30)) == at(2026, 12, 6, 8, 0)  # Saturday night
    assert next_opening(WEEK, now=at(2026, 12, 4, 3, 0)) == at(2026, 12, 4, 6, 0)


def test_an_exception_closes_a_holiday_and_staffs_an_election_night_longer():
    schedule = Schedule(
        week=WEEK.week,
        exceptions={
            date(2026, 12, 25): (),
            date(2026, 11, 29): (Span(time(8), time(0)),),  # a Sunday of votes: until midnight
        },
    )
    assert not is_staffed(schedule, now=at(2026, 12, 25, 12, 0))
    assert next_opening(schedule, now=at(2026, 12, 24, 23, 30)) == at(2026, 12, 26, 6, 0)
    assert is_staffed(schedule, now=at(2026, 11, 29, 23, 30))
    assert not is_staffed(schedule, now=at(2026, 11, 30, 0, 0))


@pytest.mark.parametrize(
    ("instant", "staffed"),
    [
        # Last Sunday in March: 02:00 becomes 03:00. Sunday opens at 08:00 CEST = 06:00 UTC.
        (datetime(2026, 3, 29, 5, 59, tzinfo=ZoneInfo("UTC")), False),
        (datetime(2026, 3, 29, 6, 0, tzinfo=ZoneInfo("UTC")), True),
        # Last Sunday in October: 03:00 becomes 02:00 again. Opens at 08:00 CET = 07:00 UTC.
        (datetime(2026, 10, 25, 6, 59, tzinfo=ZoneInfo("UTC")), False),
        (datetime(2026, 10, 25, 7, 0, tzinfo=ZoneInfo("UTC")), True),
        # Closes at 20:00 local on both.
        (datetime(2026, 3, 29, 17, 59, tzinfo=ZoneInfo("UTC")), True),
        (datetime(2026, 10, 25, 19, 0, tzinfo=ZoneInfo("UTC")), False),
    ],
)
def test_the_nights_the_clocks_change(instant, staffed):
    assert is_staffed(WEEK, now=instant) is staffed


def test_a_span_inside_the_missing_spring_hour_is_empty_and_the_repeated_autumn_hour_counts_once():
    spring = Schedule(week={6: (Span(time(2), time(3)),)})
    assert not is_staffed(spring, now=datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo("UTC")))
    autumn = Schedule(week={6: (Span(time(1), time(3)),)})
    # 01:00 CEST (23:00 UTC) to 03:00 CET (02:00 UTC): three hours of real time.
    assert is_staffed(autumn, now=datetime(2026, 10, 24, 23, 0, tzinfo=ZoneInfo("UTC")))
    assert is_staffed(autumn, now=datetime(2026, 10, 25, 1, 59, tzinfo=ZoneInfo("UTC")))
    assert not is_staffed(autumn, now=datetime(2026, 10, 25, 2, 0, tzinfo=ZoneInfo("UTC")))


def test_nothing_staffed_for_a_month_has_no_next_opening():
    mondays_closed = {date(2026, 12, 7) + timedelta(weeks=i): () for i in range(6)}
    closed = Schedule(week={0: DAYTIME}, exceptions=mondays_closed)
    assert next_opening(closed, now=at(2026, 12, 7, 23, 0)) is None


def test_without_weekly_hours_an_exception_still_closes_its_day():
    holiday = Schedule(exceptions={date(2026, 12, 25): ()})
    assert is_staffed(holiday, now=at(2026, 12, 24, 23, 0))
    assert not is_staffed(holiday, now=at(2026, 12, 25, 12, 0))
    assert next_opening(holiday, now=at(2026, 12, 25, 12, 0)) == at(2026, 12, 26, 0, 0)
