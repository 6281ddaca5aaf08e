"""Decision mails go through the task queue, and only for decisions that were committed."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from kiosk.background.tests.helpers import DATABASE_TASKS, run_database_tasks
from kiosk.comments import services

pytestmark = pytest.mark.django_db


def test_the_decision_mail_is_sent_after_commit(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    comment = services.comment_submit(article=article, author=reader, text="Bitte freigeben")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.comment_approve(comment=comment, moderator=moderator)
        assert mail.outbox == []  # not while the decision is uncommitted
    assert len(callbacks) >= 1
    assert [m.to for m in mail.outbox] == [[reader.email]]


def test_no_mail_when_the_decision_is_rolled_back(
    article, reader, moderator, django_capture_on_commit_callbacks
):
    comment = services.comment_submit(article=article, author=reader, text="Bitte freigeben")

    def decide_then_fail():
        with transaction.atomic():
            services.comment_approve(comment=comment, moderator=moderator)
            raise RuntimeError("something after the decision failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        decide_then_fail()
    assert mail.outbox == []
    comment.refresh_from_db()
    assert not comment.is_published


def test_with_the_database_backend_the_worker_delivers_it(
    article, reader, moderator, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    comment = services.comment_submit(article=article, author=reader, text="Bitte freigeben")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reject(comment=comment, moderator=moderator, reason="insult", note="Bitte sachlich.")
    row = DBTaskResult.objects.get(task_path="kiosk.background.tasks.send_email")
    assert "Bitte sachlich" not in str(row.args_kwargs)  # sealed
    assert mail.outbox == []

    run_database_tasks()

    assert "Bitte sachlich." in mail.outbox[0].body


def test_a_mail_server_away_does_not_touch_the_decision(
    article, reader, moderator, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    settings.KIOSK_EMAIL_DELIVERY_BACKEND = "kiosk.background.tests.helpers.RefusingEmailBackend"
    comment = services.comment_submit(article=article, author=reader, text="Bitte freigeben")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)
    run_database_tasks()

    comment.refresh_from_db()
    assert comment.is_published
    first, retry = DBTaskResult.objects.filter(task_path="kiosk.background.tasks.send_email").order_by(
        "enqueued_at"
    )
    assert (first.status, retry.status) == ("SUCCESSFUL", "READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
