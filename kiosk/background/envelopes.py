"""An e-mail message as plain, sealed data, so a task can carry it.

The request renders the message (its language, its links from KIOSK_BASE_URL);
the worker only delivers it. The data is encrypted (Fernet, with a key derived
from SECRET_KEY, rotated through SECRET_KEY_FALLBACKS): a task row or a Redis
job holds password-reset and verification links, which nobody who can read
the task table or the failed-task report may use.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils.crypto import salted_hmac

SALT = "kiosk.background.envelopes"


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = [salted_hmac(SALT, "e-mail", secret=secret, algorithm="sha256").digest() for secret in secrets]
    return MultiFernet([Fernet(base64.urlsafe_b64encode(key)) for key in keys])


def _attachment(attachment: Any) -> dict[str, str | None]:
    if not isinstance(attachment, tuple):
        # A ready MIME part: nothing Kiosk sends has one, and it has no plain form.
        raise ValueError("a queued e-mail carries (filename, content, mimetype) attachments only")
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {"filename": filename, "base64": base64.b64encode(content).decode(), "mimetype": mimetype}
    return {"filename": filename, "text": str(content), "mimetype": mimetype}


def seal(message: EmailMessage) -> str:
    """The message as an encrypted string: what the task receives."""
    data = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(a) for a in message.attachments],
    }
    return _fernet().encrypt(json.dumps(data).encode()).decode()


def unseal(envelope: str) -> EmailMultiAlternatives:
    """The message again, ready to send. Raises cryptography's InvalidToken for anything we did not seal."""
    data = json.loads(_fernet().decrypt(envelope.encode()))
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(a) for a in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    for a in data["attachments"]:
        content = base64.b64decode(a["base64"]) if "base64" in a else a["text"]
        message.attach(a["filename"], content, a["mimetype"])
    return message
