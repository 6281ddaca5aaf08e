import logging
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kiosk.accounts.tests.factories import UserFactory
from kiosk.background import failures

from .helpers import DATABASE_TASKS, explode, noop, run_database_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def failed(database_tasks) -> DBTaskResult:
    explode.enqueue()
    run_database_tasks()
    return DBTaskResult.objects.get()


def test_a_failed_task_stays_with_its_traceback(failed):
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "builtins.RuntimeError"
    assert "the task broke" in failed.traceback
    assert failures.needing_attention(now=timezone.now()) == [failed]


def test_every_failed_task_is_logged_at_error(caplog):
    with caplog.at_level(logging.ERROR, logger="kiosk.background"):
        explode.enqueue()
    assert [r.levelname for r in caplog.records if r.name == "kiosk.background.failures"] == ["ERROR"]
    assert "kiosk.background.tests.helpers.explode" in caplog.text


def test_a_task_running_too_long_is_listed_as_stuck(database_tasks, settings):
    noop.enqueue()
    now = timezone.now()
    DBTaskResult.objects.update(status="RUNNING", started_at=now - timedelta(minutes=31))
    assert len(failures.needing_attention(now=now)) == 1
    assert failures.needing_attention(now=now - timedelta(minutes=2)) == []


def test_tasks_failed_lists_them_and_exits_non_zero(failed, capsys):
    with pytest.raises(CommandError, match="1 background task"):
        call_command("tasks_failed")
    assert "kiosk.background.tests.helpers.explode" in capsys.readouterr().out


def test_tasks_failed_is_quiet_when_all_is_well(database_tasks, capsys):
    noop.enqueue()
    run_database_tasks()
    call_command("tasks_failed")
    assert "No failed or stuck" in capsys.readouterr().out


def test_retry_queues_the_task_again_and_forgets_the_failure(failed):
    call_command("tasks_failed", "--retry", "all")
    again = DBTaskResult.objects.get()
    assert (again.status, again.task_path) == ("READY", failed.task_path)
    assert again.pk != failed.pk


def test_dismiss_forgets_the_failure(failed):
    call_command("tasks_failed", "--dismiss", str(failed.pk))
    assert not DBTaskResult.objects.exists()


def test_an_unknown_id_is_an_error_not_a_crash(failed):
    with pytest.raises(CommandError):
        call_command("tasks_failed", "--dismiss", "not-a-uuid")
    with pytest.raises(CommandError):
        call_command("tasks_failed", "--retry", "00000000-0000-0000-0000-000000000000")


def test_successful_results_are_pruned_after_their_days_failed_ones_stay(failed, settings):
    from kiosk.background.tasks import prune_task_results

    noop.enqueue()
    run_database_tasks()
    DBTaskResult.objects.update(
        finished_at=timezone.now() - timedelta(days=settings.KIOSK_TASK_RESULTS_DAYS + 1)
    )
    assert prune_task_results.call() == 1
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]


def test_superusers_see_failed_tasks_in_the_admin_and_dismiss_them(client, failed):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/failed-tasks/")
    assert page.status_code == 200
    assert "kiosk.background.tests.helpers.explode" in page.content.decode()
    assert "the task broke" in page.content.decode()

    response = client.post(f"/admin/failed-tasks/{failed.pk}/", {"action": "dismiss"})
    assert response.status_code == 302
    assert not DBTaskResult.objects.exists()


def test_retry_from_the_admin(client, failed):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.post(f"/admin/failed-tasks/{failed.pk}/", {"action": "retry"})
    assert DBTaskResult.objects.get().status == "READY"


def test_other_staff_do_not_see_failed_tasks(client, failed):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail answers a refused admin page by sending the editor back to the dashboard.
    refused = client.get("/admin/failed-tasks/")
    assert (refused.status_code, refused.url) == (302, "/admin/")
    client.post(f"/admin/failed-tasks/{failed.pk}/", {"action": "dismiss"})
    assert DBTaskResult.objects.exists()


def test_an_action_on_a_gone_task_is_a_message_not_a_500(client, failed):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/failed-tasks/{failed.pk}/"
    failed.delete()
    response = client.post(url, {"action": "retry"}, follow=True)
    assert response.status_code == 200
    assert "lässt sich nicht mehr wiederholen" in response.content.decode()
    assert client.post(url, {"action": "bogus"}).status_code == 302
