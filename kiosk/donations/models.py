"""Readers' donations: one row per payment (card, TWINT, bank transfer), monthly donations, and what
the payment provider and the bank told us, each event and each credit stored once."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The widest any newsroom may set its limits (KIOSK_DONATION_MIN/MAX lie within): the database holds it.
# TWINT takes at most 5,000 CHF per payment; a bank transfer may credit more, kept as received.
AMOUNT_FLOOR = Decimal("1.00")
AMOUNT_CEILING = Decimal("5000.00")


class Method(models.TextChoices):
    CARD = "card", _("Card")
    TWINT = "twint", "TWINT"
    BANK = "bank", _("Bank transfer")


# Before the provider says which one the reader used on its page.
CARD_OR_TWINT = ""


class Status(models.TextChoices):
    PENDING = "pending", pgettext_lazy("donation", "Pending")
    PAID = "paid", pgettext_lazy("donation", "Paid")
    FAILED = "failed", pgettext_lazy("donation", "Failed")
    REFUNDED = "refunded", pgettext_lazy("donation", "Refunded")
    DISPUTED = "disputed", pgettext_lazy("donation", "Disputed")


class Interval(models.TextChoices):
    ONCE = "once", _("Once")
    MONTHLY = "monthly", _("Monthly")


class MonthlyDonationQuerySet(models.QuerySet):
    def started(self) -> MonthlyDonationQuerySet:
        return self.exclude(stripe_subscription_id=None)

    def running(self) -> MonthlyDonationQuerySet:
        return self.started().filter(canceled_at=None)


class MonthlyDonation(models.Model):
    """A card donation repeated each month (a Stripe subscription); each month's payment is a Donation."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    amount = models.DecimalField(_("amount per month"), max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, default="CHF", editable=False)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(
        "news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stripe_subscription_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_customer_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"))
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    canceled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = MonthlyDonationQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly donation")
        verbose_name_plural = _("monthly donations")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=AMOUNT_FLOOR, amount__lte=AMOUNT_CEILING),
                name="monthly_donation_amount_in_limits",
            ),
            models.CheckConstraint(condition=Q(currency="CHF"), name="monthly_donation_in_chf"),
        ]

    def __str__(self) -> str:
        return str(_("CHF %(amount)s a month") % {"amount": self.amount})


class DonationQuerySet(models.QuerySet):
    def paid(self) -> DonationQuerySet:
        return self.filter(status=Status.PAID)

    def by_bank(self) -> DonationQuerySet:
        return self.filter(method=Method.BANK)

    def net_total(self) -> Decimal:
        """What the newsroom received and keeps: paid, less any part refunded."""
        totals = self.paid().aggregate(paid=Sum("amount"), refunded=Sum("refunded_amount"))
        return (totals["paid"] or Decimal(0)) - (totals["refunded"] or Decimal(0))


class Donation(models.Model):
    """One payment a reader made or set out to make.

    The status follows from the facts the provider or the bank reported (``paid_at``, ``failed_at``,
    ``refunded_amount``, ``disputed_at``), whatever order they arrived in: a refund reported before the
    payment still ends refunded (``status_from_facts``).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty only for a bank transfer with an open amount, until the bank credits it.
    amount = models.DecimalField(_("amount"), max_digits=8, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CHF", editable=False)
    method = models.CharField(_("method"), max_length=5, choices=Method.choices, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    monthly = models.ForeignKey(
        MonthlyDonation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payments",
        verbose_name=_("monthly donation"),
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Which story brought the support.
    article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("article"),
    )

    # The provider's ids, each belonging to one donation only.
    stripe_checkout_session_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_payment_intent_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    stripe_invoice_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    # A bank transfer's reference: QR reference (27 digits) or creditor reference (RF…).
    reference = models.CharField(_("reference"), max_length=27, null=True, blank=True, unique=True)

    created_at = models.DateTimeField(_("created"), db_index=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    refunded_amount = models.DecimalField(_("refunded"), max_digits=8, decimal_places=2, default=Decimal(0))
    refunded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)
    disputed_at = models.DateTimeField(_("disputed"), null=True, blank=True)
    # A dispute the newsroom won gives the payment back; "" while open, or without one.
    dispute_outcome = models.CharField(max_length=20, blank=True)
    # Who marked a bank transfer received by hand (imported credits say so themselves).
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    receipt_sent_at = models.DateTimeField(_("receipt sent"), null=True, blank=True)
    # The reader's language when they gave: their receipt speaks it.
    language = models.CharField(max_length=10, blank=True)

    objects = DonationQuerySet.as_manager()

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True, method=Method.BANK)
                | Q(amount__gte=AMOUNT_FLOOR, amount__lte=AMOUNT_CEILING),
                name="donation_amount_in_limits",
            ),
            models.CheckConstraint(condition=Q(currency="CHF"), name="donation_in_chf"),
            models.CheckConstraint(condition=Q(refunded_amount__gte=0), name="donation_refund_not_negative"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Status]), name="donation_status_known"
            ),
        ]
        indexes = [models.Index(fields=["status", "paid_at"], name="donation_paid")]

    def __str__(self) -> str:
        return f"CHF {self.amount}" if self.amount is not None else str(_("open amount"))

    def status_from_facts(self) -> str:
        """The status the facts so far add up to, in whatever order they were reported."""
        if self.disputed_at and self.dispute_outcome != "won":
            return Status.DISPUTED
        if self.paid_at and self.amount is not None and self.refunded_amount >= self.amount:
            return Status.REFUNDED
        if self.paid_at:
            return Status.PAID
        if self.failed_at:
            return Status.FAILED
        return Status.PENDING


class ProviderEventQuerySet(models.QuerySet):
    def waiting(self) -> ProviderEventQuerySet:
        """Stored but not processed: queued, or waiting for the payment or subscription they name."""
        return self.filter(processed_at=None)

    def unplaced(self) -> ProviderEventQuerySet:
        """Closed after waiting in vain: about a payment Kiosk never learnt of (or not one of ours)."""
        return self.filter(processed_at__isnull=False, outcome=ProviderEvent.UNPLACED)


class ProviderEvent(models.Model):
    """One event the payment provider sent, stored once by its id: a replay changes nothing.

    Processed by a task; an event about a payment Kiosk cannot place yet (a refund reported before the
    checkout it belongs to) waits under ``waiting_for`` and is processed once that id is known.
    """

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    waiting_for = models.CharField(max_length=255, blank=True, db_index=True)
    outcome = models.CharField(max_length=200, blank=True)
    donation = models.ForeignKey(Donation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    UNPLACED = "not ours: nothing matched in time"

    objects = ProviderEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("payment provider event")
        verbose_name_plural = _("payment provider events")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class BankImport(models.Model):
    """One camt.054 file a person uploaded; the same file again finds every credit already there."""

    filename = models.CharField(_("file"), max_length=255)
    message_id = models.CharField(_("message"), max_length=100, blank=True)
    imported_at = models.DateTimeField(_("imported"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    credits_new = models.PositiveIntegerField(default=0)
    credits_known = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bank import")
        verbose_name_plural = _("bank imports")

    def __str__(self) -> str:
        return self.filename


class BankCreditQuerySet(models.QuerySet):
    def to_look_at(self) -> BankCreditQuerySet:
        """Credits a person has yet to look at: no match, less than pledged, or something else odd."""
        return self.filter(review__in=BankCredit.TO_LOOK_AT)

    def looked_at(self) -> BankCreditQuerySet:
        return self.filter(review=BankCredit.Review.RESOLVED)


class BankCredit(models.Model):
    """A credit the bank reported, stored once by the bank's own reference; matched to a donation by the
    payment reference, or left for a person to look at (no match, less than pledged, not CHF)."""

    class Review(models.TextChoices):
        MATCHED = "matched", _("matched")
        UNMATCHED = "unmatched", _("no donation with this reference")
        UNDERPAID = "underpaid", _("less than pledged")
        OTHER = "other", _("needs a look")
        RESOLVED = "resolved", _("looked at")

    TO_LOOK_AT = (Review.UNMATCHED, Review.UNDERPAID, Review.OTHER)

    bank_reference = models.CharField(_("bank reference"), max_length=100, unique=True)
    payment_reference = models.CharField(_("payment reference"), max_length=35, blank=True, db_index=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    booked_on = models.DateField(_("booked"), null=True, blank=True)
    debtor = models.CharField(_("from"), max_length=200, blank=True)
    donation = models.ForeignKey(
        Donation, null=True, blank=True, on_delete=models.SET_NULL, related_name="bank_credits"
    )
    review = models.CharField(_("review"), max_length=10, choices=Review.choices)
    imported = models.ForeignKey(BankImport, on_delete=models.PROTECT, related_name="credits")
    # Who took it off the list, when, and why it was on it.
    looked_at = models.DateTimeField(_("looked at"), null=True, blank=True)
    looked_at_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_was = models.CharField(_("listed as"), max_length=10, choices=Review.choices, blank=True)

    objects = BankCreditQuerySet.as_manager()

    class Meta:
        verbose_name = _("bank credit")
        verbose_name_plural = _("bank credits")

    def __str__(self) -> str:
        return f"{self.currency} {self.amount} {self.payment_reference}"
