"""The receipt a donor gets by e-mail once the payment is confirmed, in the language they gave in."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kiosk.newsroom.sites import absolute_url

from .models import Donation, MonthlyDonation, Status
from .rules import publisher, publisher_address

MONTHLY_SALT = "kiosk.donations.monthly"


def monthly_token(monthly: MonthlyDonation) -> str:
    """What the cancel link carries: the monthly donation, signed, so nobody can guess another's.

    Without a timestamp, so every receipt of one monthly donation carries the same link.
    """
    return signing.Signer(salt=MONTHLY_SALT).sign(str(monthly.public_id))


def monthly_from_token(token: str) -> MonthlyDonation | None:
    try:
        public_id = uuid.UUID(signing.Signer(salt=MONTHLY_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        try:  # a link mailed before the link became stable: signed with a timestamp
            public_id = uuid.UUID(signing.loads(token, salt=MONTHLY_SALT))
        except (signing.BadSignature, ValueError, TypeError):
            return None
    return MonthlyDonation.objects.filter(public_id=public_id).first()


def monthly_url(monthly: MonthlyDonation) -> str:
    return absolute_url(reverse("donations:monthly", args=[monthly_token(monthly)]))


@transaction.atomic
def receipt_send(donation_pk: int, *, now: datetime) -> str:
    """Mail the receipt once: a second run, or a donation not (or no longer) paid, sends nothing."""
    # Only the donation is locked: PostgreSQL locks no nullable side of an outer join (the monthly one).
    donation = (
        Donation.objects.select_for_update(of=("self",))
        .select_related("monthly")
        .filter(pk=donation_pk)
        .first()
    )
    if donation is None or not donation.email or donation.receipt_sent_at or donation.status != Status.PAID:
        return "nothing to send"
    language = donation.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "donation": donation,
            "monthly_url": monthly_url(donation.monthly) if donation.monthly else "",
            "publisher": publisher(),
            "publisher_address": publisher_address(),
        }
        subject = render_to_string("donations/email/receipt_subject.txt", context).strip()
        body = render_to_string("donations/email/receipt_body.txt", context)
    send_mail(subject, body, None, [donation.email])
    donation.receipt_sent_at = now
    donation.save(update_fields=["receipt_sent_at"])
    return "sent"
