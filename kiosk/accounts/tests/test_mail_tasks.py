"""allauth's mails are rendered in the request (its language, the public address) and delivered by a task."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from kiosk.background.tests.helpers import DATABASE_TASKS, run_database_tasks

from .test_mail_links import BASE, assert_only_public_links, signup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


def test_the_sign_up_answers_before_the_mail_is_sent_and_the_queue_holds_no_link(client, home, settings):
    settings.TASKS = DATABASE_TASKS
    response = signup(client)
    assert response.status_code == 302
    assert mail.outbox == []
    row = DBTaskResult.objects.get(task_path="kiosk.background.tasks.send_email")
    assert "confirm-email" not in str(row.args_kwargs)
    assert "anna@example.ch" not in str(row.args_kwargs)

    run_database_tasks()

    (message,) = mail.outbox
    assert message.to == ["anna@example.ch"]
    assert f"{BASE}/konto/confirm-email/" in message.body
    assert_only_public_links(message)


def test_the_mail_keeps_the_language_of_the_request(client, home, settings):
    settings.TASKS = DATABASE_TASKS
    signup(client)  # German, the default
    client.cookies.clear()
    client.post(
        "/fr/konto/signup/",
        {
            "display_name": "Anne Exemple",
            "email": "anne@example.ch",
            "password1": "un-long-mot-de-passe-7",
            "password2": "un-long-mot-de-passe-7",
        },
    )
    run_database_tasks()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["anna@example.ch"].subject != by_address["anne@example.ch"].subject
