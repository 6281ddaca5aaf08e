"""Writes of reader donations: starting a payment, what the provider and the bank report, receipts."""

from __future__ import annotations

import logging
from datetime import datetime, time
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import bank, camt, checkout, tasks
from .models import (
    AMOUNT_CEILING,
    AMOUNT_FLOOR,
    BankCredit,
    BankImport,
    Donation,
    Interval,
    Method,
    MonthlyDonation,
    Status,
)

logger = logging.getLogger(__name__)


@transaction.atomic
def donation_start(
    *,
    amount: Decimal | None,
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
    if amount is None and not by_bank:
        raise ValueError("only a bank transfer may leave the amount open")
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


def monthly_cancel(*, monthly: MonthlyDonation, now: datetime) -> MonthlyDonation:
    """The donor ends their monthly donation: at the provider first, then here.

    No row is locked while the provider is asked: its webhook about the cancellation may arrive (and
    be processed) before the answer does. Asked twice, the provider answers that it is gone already.
    """
    monthly = MonthlyDonation.objects.get(pk=monthly.pk)
    if monthly.canceled_at:
        return monthly
    if monthly.stripe_subscription_id:
        checkout.subscription_cancel(monthly.stripe_subscription_id)
    MonthlyDonation.objects.filter(pk=monthly.pk, canceled_at=None).update(canceled_at=now)
    logger.info("monthly donation %s cancelled by its donor", monthly.public_id)
    return MonthlyDonation.objects.get(pk=monthly.pk)


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


# Bank transfers -----------------------------------------------------------------------------------------


class BankError(ValueError):
    """A bank transfer cannot be recorded as asked; ``message`` says why, for the person who asked."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _who(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else "nobody"


@transaction.atomic
def bank_transfer_received(*, donation: Donation, amount: Decimal, at: datetime, by=None) -> Donation:
    """A person marks a transfer received by hand: the amount that arrived (it becomes the donation's,
    pledged or open) and when. A donation already paid stays as it is, so a second call changes nothing."""
    if timezone.is_naive(at):
        raise ValueError("at must be aware")
    donation = Donation.objects.select_for_update().get(pk=donation.pk)
    if donation.method != Method.BANK:
        raise BankError(_("Only a bank transfer can be marked received."))
    if donation.paid_at is not None:
        return donation
    if not AMOUNT_FLOOR <= amount <= AMOUNT_CEILING:
        raise BankError(
            _("A donation's amount lies between %(floor)s and %(ceiling)s CHF.")
            % {"floor": AMOUNT_FLOOR, "ceiling": AMOUNT_CEILING}
        )
    donation.amount = amount
    donation.paid_at = at
    donation.marked_paid_by = by if by is not None and by.is_authenticated else None
    donation_facts_saved(donation, ["amount", "paid_at", "marked_paid_by"])
    logger.info(
        "bank transfer %s (donation %s) marked received by %s: CHF %s on %s",
        donation.reference,
        donation.pk,
        _who(by),
        amount,
        at.isoformat(),
    )
    return donation


@transaction.atomic
def camt_import(*, data: bytes, filename: str, by, now: datetime) -> BankImport:
    """Import the bank's camt.054 file: each credit stored once by the bank's reference, matched by its
    payment reference to a bank transfer.

    The same file again (or another holding the same credits) finds them known and changes nothing; two
    imports at once are kept apart by the unique bank reference. A credit

    - in CHF of at least the pledged amount (any amount from the floor for an open one) pays the donation
      with what arrived, up to ``AMOUNT_CEILING``; more than that is not recorded as a donation but
      left for a person (``OTHER``): the books cannot hold it as one;
    - of less than pledged is ``UNDERPAID``: not paid (each credit counts alone), for a person to decide;
    - with no bank transfer of its reference is ``UNMATCHED``; in another currency, or for a donation
      already paid (a second transfer), ``OTHER``.

    Raises ``camt.CamtError`` before anything is written when the file is not a camt.054 notification.
    """
    if timezone.is_naive(now):
        raise ValueError("now must be aware")
    notification = camt.parse(data)
    by = by if by is not None and by.is_authenticated else None
    bank_import = BankImport.objects.create(
        filename=filename[:255], message_id=notification.message_id, imported_at=now, imported_by=by
    )
    new = known = to_look_at = 0
    for credit in notification.credits:
        if _bank_credit_known(credit.bank_reference):
            known += 1
            continue
        try:
            with transaction.atomic():
                stored = _bank_credit_book(credit, bank_import=bank_import, now=now)
        except IntegrityError:
            # Stored by an import running at the same time.
            known += 1
            continue
        new += 1
        to_look_at += stored.review in BankCredit.TO_LOOK_AT
    bank_import.credits_new = new
    bank_import.credits_known = known
    bank_import.save(update_fields=["credits_new", "credits_known"])
    logger.info(
        "bank file %r (message %s) imported by %s: %d new credits, %d known, %d to look at, %d entries skipped",
        bank_import.filename,
        bank_import.message_id,
        _who(by),
        new,
        known,
        to_look_at,
        notification.skipped,
    )
    return bank_import


def _bank_credit_known(bank_reference: str) -> bool:
    return BankCredit.objects.filter(bank_reference=bank_reference).exists()


def _bank_credit_review(credit: camt.Credit, donation: Donation | None) -> str:
    """What a new credit means for the bank transfer of its reference (``camt_import`` says why)."""
    review = BankCredit.Review
    if credit.currency != "CHF":
        return review.OTHER
    if donation is None:
        return review.UNMATCHED
    if donation.paid_at is not None or donation.status != Status.PENDING:
        return review.OTHER
    if credit.amount > AMOUNT_CEILING:
        return review.OTHER
    if credit.amount < (donation.amount if donation.amount is not None else AMOUNT_FLOOR):
        return review.UNDERPAID
    return review.MATCHED


def _bank_credit_book(credit: camt.Credit, *, bank_import: BankImport, now: datetime) -> BankCredit:
    donation = None
    if credit.payment_reference:
        donation = (
            Donation.objects.select_for_update().by_bank().filter(reference=credit.payment_reference).first()
        )
    review = _bank_credit_review(credit, donation)
    stored = BankCredit.objects.create(
        bank_reference=credit.bank_reference,
        payment_reference=credit.payment_reference,
        amount=credit.amount,
        currency=credit.currency,
        booked_on=credit.booked_on,
        debtor=credit.debtor,
        donation=donation,
        review=review,
        imported=bank_import,
    )
    if review == BankCredit.Review.MATCHED:
        donation.amount = credit.amount
        donation.paid_at = _booked_at(credit, donation=donation, now=now)
        donation_facts_saved(donation, ["amount", "paid_at"])
    return stored


def _booked_at(credit: camt.Credit, *, donation: Donation, now: datetime) -> datetime:
    """When the money arrived: the start of the booking day in the newsroom's time zone, never before the
    donation was started nor after the import."""
    if credit.booked_on is None:
        return now
    day = datetime.combine(credit.booked_on, time.min, tzinfo=timezone.get_default_timezone())
    return min(max(day, donation.created_at), now)


@transaction.atomic
def bank_credit_resolve(*, credit: BankCredit, by, now: datetime) -> BankCredit:
    """A person has looked at a listed credit (no match, less than pledged, needs a look): off the list.

    A matched or already resolved credit stays as it is.
    """
    credit = BankCredit.objects.select_for_update().get(pk=credit.pk)
    if credit.review not in BankCredit.TO_LOOK_AT:
        return credit
    was = credit.review
    credit.review, credit.review_was = BankCredit.Review.RESOLVED, was
    credit.looked_at, credit.looked_at_by = now, by
    credit.save(update_fields=["review", "review_was", "looked_at", "looked_at_by"])
    logger.info(
        "bank credit %s (%s %s, reference %r, was %s) looked at by %s at %s",
        credit.bank_reference,
        credit.currency,
        credit.amount,
        credit.payment_reference,
        was,
        _who(by),
        now.isoformat(),
    )
    return credit
