import threading

import pytest
from django_tasks_db.models import DBTaskResult

from kiosk.background import clock
from kiosk.background.clock import Clock

from .helpers import DATABASE_TASKS, run_database_tasks

pytestmark = pytest.mark.django_db

NOOP = "kiosk.background.tests.helpers.noop"
MINUTE = 1_800_000_000  # a Unix time on the minute


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def test_a_started_clock_enqueues_every_task_at_once_then_on_the_interval(database_tasks):
    ticker = Clock({NOOP: 60})
    assert ticker.tick(MINUTE + 17) == [NOOP]
    run_database_tasks()
    assert ticker.tick(MINUTE + 59) == []
    assert ticker.seconds_to_next(MINUTE + 59) == 1
    assert ticker.tick(MINUTE + 60) == [NOOP]
    assert DBTaskResult.objects.count() == 2


def test_no_second_task_while_the_first_still_waits_for_a_worker(database_tasks):
    ticker = Clock({NOOP: 60})
    ticker.tick(MINUTE)
    assert ticker.tick(MINUTE + 60) == []  # no worker ran the first one
    assert ticker.tick(MINUTE + 120) == []
    run_database_tasks()
    assert ticker.tick(MINUTE + 180) == [NOOP]
    assert DBTaskResult.objects.count() == 2


def test_a_task_that_cannot_be_enqueued_is_logged_and_the_others_go_on(database_tasks, caplog):
    ticker = Clock({"kiosk.background.tests.helpers.no_such_task": 60, NOOP: 60})
    assert ticker.tick(MINUTE) == [NOOP]
    assert "could not enqueue periodic task kiosk.background.tests.helpers.no_such_task" in caplog.text


def test_the_configured_clock_publishes_prunes_alerts_retries_payment_events_and_beats(settings):
    assert settings.KIOSK_PERIODIC_TASKS == {
        "kiosk.news.tasks.publish_scheduled": 60,
        "kiosk.background.tasks.prune_task_results": 3600,
        "kiosk.moderation.tasks.alert_moderators": 60,
        "kiosk.donations.tasks.events_waiting_retry": 300,
        "kiosk.background.tasks.heartbeat": 60,
    }


def test_run_ticks_until_stopped(settings):
    settings.KIOSK_PERIODIC_TASKS = {NOOP: 60}
    stop = threading.Event()
    ticks = []

    def now():
        ticks.append(1)
        if len(ticks) > 3:
            stop.set()
        return MINUTE + len(ticks) * 60

    clock.run(stop, clock=now)
    assert len(ticks) >= 4
