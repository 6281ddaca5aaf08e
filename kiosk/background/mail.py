"""EMAIL_BACKEND: every e-mail Django sends goes out through the task queue.

allauth's verification and password mails, Wagtail's moderation mails and the
comment decisions all call Django's mail API; this backend seals each message
(``envelopes``) and enqueues ``tasks.send_email``, so no reader waits for the
mail server and a server that is away gets the message later. The worker
delivers through KIOSK_EMAIL_DELIVERY_BACKEND (SMTP, console, file, locmem).

A message sent inside a transaction is enqueued at once: with the database
backend the task row commits or rolls back with it; callers that must not
mail about rolled-back data (comment decisions) send on commit.
"""

from __future__ import annotations

import logging

from django.core.mail.backends.base import BaseEmailBackend

from .envelopes import seal
from .tasks import send_email, urgent

logger = logging.getLogger(__name__)


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                urgent(send_email).enqueue(seal(message))
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("could not queue an e-mail")
            else:
                queued += 1
        return queued
