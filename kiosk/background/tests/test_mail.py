import logging
from datetime import timedelta

import pytest
from cryptography.fernet import InvalidToken
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kiosk.background import tasks
from kiosk.background.envelopes import seal, unseal

from .helpers import DATABASE_TASKS, run_database_tasks

REFUSING = "kiosk.background.tests.helpers.RefusingEmailBackend"


def test_a_sealed_message_opens_as_it_was_sent():
    message = EmailMultiAlternatives(
        "Betreff",
        "Hallo Anna",
        "redaktion@kiosk.example",
        ["anna@example.ch"],
        cc=["c@example.ch"],
        bcc=["b@example.ch"],
        reply_to=["r@example.ch"],
        headers={"X-Kiosk": "1"},
    )
    message.attach_alternative("<p>Hallo Anna</p>", "text/html")
    message.attach("beleg.txt", "Text", "text/plain")
    message.attach("bild.bin", b"\x00\xff", "application/octet-stream")

    opened = unseal(seal(message))

    assert (opened.subject, opened.body, opened.from_email) == (
        "Betreff",
        "Hallo Anna",
        "redaktion@kiosk.example",
    )
    assert (opened.to, opened.cc, opened.bcc, opened.reply_to) == (
        ["anna@example.ch"],
        ["c@example.ch"],
        ["b@example.ch"],
        ["r@example.ch"],
    )
    assert opened.extra_headers == {"X-Kiosk": "1"}
    assert opened.alternatives == [("<p>Hallo Anna</p>", "text/html")]
    assert [tuple(a) for a in opened.attachments] == [
        ("beleg.txt", "Text", "text/plain"),
        ("bild.bin", b"\x00\xff", "application/octet-stream"),
    ]


def test_the_envelope_hides_the_message_and_refuses_forgeries():
    envelope = seal(
        EmailMultiAlternatives("Passwort", "https://kiosk.example/reset/geheim/", None, ["a@example.ch"])
    )
    assert "geheim" not in envelope
    assert "a@example.ch" not in envelope
    with pytest.raises(InvalidToken):
        unseal(envelope[:-4] + "AAAA")


def test_the_envelope_opens_after_the_secret_key_is_rotated(settings):
    envelope = seal(EmailMultiAlternatives("Betreff", "Text", None, ["a@example.ch"]))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" * 4
    assert unseal(envelope).body == "Text"


@pytest.mark.django_db
def test_send_mail_is_delivered_by_the_task():
    assert send_mail("Betreff", "Text", None, ["a@example.ch"]) == 1
    assert [m.to for m in mail.outbox] == [["a@example.ch"]]


@pytest.mark.django_db
def test_with_the_database_backend_the_mail_waits_for_the_worker(settings):
    settings.TASKS = DATABASE_TASKS
    send_mail("Betreff", "https://kiosk.example/konto/bestaetigen/geheim/", None, ["a@example.ch"])
    row = DBTaskResult.objects.get()
    assert row.task_path == "kiosk.background.tasks.send_email"
    assert row.priority == tasks.MAIL_PRIORITY  # before the index updates and renditions
    assert "geheim" not in str(row.args_kwargs)
    assert mail.outbox == []

    run_database_tasks()

    assert [m.subject for m in mail.outbox] == ["Betreff"]
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"


@pytest.mark.django_db
def test_a_mail_sent_in_a_transaction_that_rolls_back_is_never_sent(settings):
    settings.TASKS = DATABASE_TASKS

    def send_then_fail():
        with transaction.atomic():
            send_mail("Betreff", "Text", None, ["a@example.ch"])
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        send_then_fail()
    assert not DBTaskResult.objects.exists()
    run_database_tasks()
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_undelivered_mail_is_tried_again_later(settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.KIOSK_EMAIL_DELIVERY_BACKEND = REFUSING
    envelope = seal(EmailMultiAlternatives("Betreff", "Text", None, ["a@example.ch"]))

    with caplog.at_level(logging.WARNING, logger="kiosk.background"):
        outcome = tasks.send_email.call(envelope)

    assert "attempt 2 queued" in outcome
    retry = DBTaskResult.objects.get()
    assert retry.priority == tasks.MAIL_PRIORITY
    assert retry.args_kwargs == {"args": [envelope], "kwargs": {"attempt": 2}}
    delay = retry.run_after - timezone.now()
    assert timedelta(seconds=50) < delay <= timedelta(seconds=60)
    assert "attempt 1 failed" in caplog.text


@pytest.mark.django_db
def test_the_last_attempt_fails_and_is_logged_at_error(settings, caplog):
    settings.KIOSK_EMAIL_DELIVERY_BACKEND = REFUSING
    with caplog.at_level(logging.ERROR):
        send_mail("Betreff", "Text", None, ["a@example.ch"])
    # The immediate backend cannot defer: the four attempts follow each other at once.
    assert mail.outbox == []
    assert "e-mail undelivered after 4 attempts" in caplog.text
    assert "kiosk.background.tasks.send_email" in caplog.text  # the failed task, as every failed task is


@pytest.mark.django_db
def test_a_delivered_retry_sends_once(settings):
    envelope = seal(EmailMultiAlternatives("Betreff", "Text", None, ["a@example.ch"]))
    assert tasks.send_email.call(envelope, attempt=3) == "sent"
    assert len(mail.outbox) == 1
