from datetime import UTC, datetime, timedelta

import pytest

from kiosk.comments.rules import WindowState, comment_window

PUBLISHED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def window(now, **overrides):
    values = {
        "first_published_at": PUBLISHED,
        "mode": "default",
        "article_hours": None,
        "section_hours": None,
        "site_hours": 24,
        "now": now,
    }
    return comment_window(**{**values, **overrides})


def test_open_for_24_hours_after_first_publication():
    w = window(PUBLISHED + timedelta(hours=23, minutes=59))
    assert w.is_open
    assert w.closes_at == PUBLISHED + timedelta(hours=24)


def test_closes_exactly_at_the_end_of_the_window():
    assert window(PUBLISHED + timedelta(hours=24)).state is WindowState.ELAPSED
    assert window(PUBLISHED + timedelta(days=400)).state is WindowState.ELAPSED


def test_section_overrides_site_and_article_overrides_section():
    now = PUBLISHED + timedelta(hours=30)
    assert window(now, section_hours=48).is_open
    assert not window(now, section_hours=48, mode="custom", article_hours=12).is_open
    assert window(now, section_hours=6, mode="custom", article_hours=72).closes_at == PUBLISHED + timedelta(
        hours=72
    )


def test_custom_without_hours_falls_back_to_the_section():
    assert window(PUBLISHED + timedelta(hours=30), mode="custom", section_hours=48).hours == 48


def test_zero_hours_is_closed_from_the_start():
    assert window(PUBLISHED, site_hours=0).state is WindowState.ELAPSED


@pytest.mark.parametrize(("mode", "state"), [("closed", WindowState.CLOSED), ("off", WindowState.OFF)])
def test_closed_and_off_whatever_the_time(mode, state):
    w = window(PUBLISHED + timedelta(minutes=1), mode=mode)
    assert w.state is state
    assert not w.is_open
    assert w.shows_comments is (mode != "off")


def test_unpublished_article_takes_no_comments():
    assert window(PUBLISHED, first_published_at=None).state is WindowState.UNPUBLISHED


def test_a_pause_closes_an_open_window_until_it_ends_or_the_window_elapses():
    from kiosk.comments.rules import Pause, WindowState, paused

    published = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    window = comment_window(
        first_published_at=published,
        mode="default",
        article_hours=None,
        section_hours=None,
        site_hours=24,
        now=published + timedelta(hours=10),
    )
    closes = published + timedelta(hours=24)
    # Not paused: the page lives until the next pause begins, if that comes before the window closes.
    evening = published + timedelta(hours=11)
    assert paused(window, [Pause(paused=False, until=evening)]).changes_at == evening
    assert paused(window, []).changes_at == closes
    # Paused until the morning: commenting opens again then, or the window elapses first.
    morning = published + timedelta(hours=18)
    night = paused(window, [Pause(paused=True, until=morning, code="desk_closed", message="Zu")])
    assert (night.state, night.changes_at, night.is_open, night.takes_likes) == (
        WindowState.PAUSED,
        morning,
        False,
        True,
    )
    late = paused(window, [Pause(paused=True, until=closes + timedelta(hours=3))])
    assert late.changes_at == closes
