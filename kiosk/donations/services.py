"""Writes of reader donations: starting a payment, what the provider and the bank report, receipts."""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from . import bank, checkout, tasks
from .models import Donation, Interval, Method, MonthlyDonation

logger = logging.getLogger(__name__)


@transaction.atomic
def donation_start(
    *,
    amount: Decimal,
    interval: str,
    by_bank: bool,
    name: str = "",
    email: str = "",
    reader=None,
    article=None,
    language: str = "",
    now: datetime,
) -> Donation:
    """Record what the reader set out to give, before they pay: by the provider's page, or by transfer.

    Nothing counts until the provider's webhook or the bank says it arrived.
    """
    if by_bank and interval == Interval.MONTHLY:
        raise ValueError("monthly donations are paid by card")
    reader = reader if reader is not None and reader.is_authenticated else None
    monthly = None
    if interval == Interval.MONTHLY:
        monthly = MonthlyDonation.objects.create(
            amount=amount, name=name, email=email, reader=reader, article=article, created_at=now
        )
    donation = Donation.objects.create(
        amount=amount,
        method=Method.BANK if by_bank else (Method.CARD if monthly else ""),
        monthly=monthly,
        name=name,
        email=email,
        reader=reader,
        article=article,
        language=language,
        created_at=now,
    )
    if by_bank:
        donation.reference = bank.reference_for(donation.pk)
        donation.save(update_fields=["reference"])
    return donation


def donation_checkout_opened(*, donation: Donation, session_id: str) -> None:
    """The provider's session for this donation, so its events find it."""
    Donation.objects.filter(pk=donation.pk).update(stripe_checkout_session_id=session_id)
    donation.stripe_checkout_session_id = session_id


def donation_facts_saved(donation: Donation, fields: list[str]) -> bool:
    """Save the facts just learned and the status they add up to; True when the donation became paid."""
    was_paid = donation.status == "paid"
    donation.status = donation.status_from_facts()
    donation.save(update_fields=[*fields, "status"])
    became_paid = donation.status == "paid" and not was_paid
    if became_paid:
        donation_paid_notify(donation)
    return became_paid


def donation_paid_notify(donation: Donation) -> None:
    """After commit: the receipt to the address the reader gave (a task, sent at most once)."""
    if donation.email:
        transaction.on_commit(lambda: tasks.receipt_send.enqueue(donation.pk))


@transaction.atomic
def monthly_cancel(*, monthly: MonthlyDonation, now: datetime) -> MonthlyDonation:
    """The donor ends their monthly donation: at the provider first, then here."""
    monthly = MonthlyDonation.objects.select_for_update().get(pk=monthly.pk)
    if monthly.canceled_at:
        return monthly
    if monthly.stripe_subscription_id:
        checkout.subscription_cancel(monthly.stripe_subscription_id)
    monthly.canceled_at = now
    monthly.save(update_fields=["canceled_at"])
    logger.info("monthly donation %s cancelled by its donor", monthly.public_id)
    return monthly


@transaction.atomic
def reader_data_erase(*, user, keep_comments: bool = True) -> None:
    """Before an account is deleted: its donations stay in the books, without the person's name or address.

    A running monthly donation is ended too. Should the provider not answer, the link in the donor's
    receipt still ends it.
    """
    for monthly in MonthlyDonation.objects.running().filter(reader=user):
        try:
            monthly_cancel(monthly=monthly, now=timezone.now())
        except checkout.ProviderUnavailable:
            logger.exception("monthly donation %s could not be ended at the provider", monthly.public_id)
    for model in (Donation, MonthlyDonation):
        model.objects.filter(reader=user).update(reader=None, name="", email="")
