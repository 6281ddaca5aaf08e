"""Donations and monthly donations as the provider or the bank leaves them."""

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from kiosk.donations import bank
from kiosk.donations.models import BankCredit, BankImport, Donation, Method, MonthlyDonation, Status


class MonthlyDonationFactory(DjangoModelFactory):
    """A monthly card donation, started (it has its subscription) and running; ``canceled_at`` ends it."""

    class Meta:
        model = MonthlyDonation

    amount = Decimal("10.00")
    name = factory.Sequence(lambda n: f"Monatsspenderin {n}")
    email = factory.Sequence(lambda n: f"monatlich{n}@example.org")
    stripe_subscription_id = factory.Sequence(lambda n: f"sub_test_{n}")
    created_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyAttribute(lambda m: m.created_at)


class DonationFactory(DjangoModelFactory):
    """A paid card donation; ``status`` and the facts (``paid_at`` …) as the test needs them."""

    class Meta:
        model = Donation

    amount = Decimal("25.00")
    method = Method.CARD
    status = Status.PAID
    name = factory.Sequence(lambda n: f"Spenderin {n}")
    email = factory.Sequence(lambda n: f"spenderin{n}@example.org")
    created_at = factory.LazyFunction(timezone.now)
    paid_at = factory.LazyAttribute(
        lambda d: d.created_at if d.status in (Status.PAID, Status.REFUNDED, Status.DISPUTED) else None
    )
    failed_at = factory.LazyAttribute(lambda d: d.created_at if d.status == Status.FAILED else None)
    refunded_amount = factory.LazyAttribute(
        lambda d: d.amount if d.status == Status.REFUNDED and d.amount is not None else Decimal(0)
    )
    refunded_at = factory.LazyAttribute(lambda d: d.paid_at if d.status == Status.REFUNDED else None)
    disputed_at = factory.LazyAttribute(lambda d: d.paid_at if d.status == Status.DISPUTED else None)
    stripe_payment_intent_id = factory.LazyAttributeSequence(
        lambda d, n: None if d.method == Method.BANK else f"pi_test_{n}"
    )


class BankTransferFactory(DonationFactory):
    """A bank transfer a reader chose and the bank has not reported yet; its reference made from its number
    as the support page makes it (or the one passed as ``reference``). ``amount=None`` for an open amount."""

    class Meta:
        model = Donation
        skip_postgeneration_save = True

    method = Method.BANK
    status = Status.PENDING
    language = "de-ch"

    @factory.post_generation
    def reference(obj, create, extracted, **kwargs):  # noqa: N805 (factory_boy passes the object)
        obj.reference = extracted or bank.reference_for(obj.pk)
        if create:
            obj.save(update_fields=["reference"])


class BankImportFactory(DjangoModelFactory):
    class Meta:
        model = BankImport

    filename = factory.Sequence(lambda n: f"camt054-{n}.xml")
    imported_at = factory.LazyFunction(timezone.now)


class BankCreditFactory(DjangoModelFactory):
    """A credit the bank reported that no donation has the reference of: listed for a person."""

    class Meta:
        model = BankCredit

    bank_reference = factory.Sequence(lambda n: f"TEST-TX-{n}")
    payment_reference = ""
    amount = Decimal("20.00")
    currency = "CHF"
    booked_on = factory.LazyFunction(timezone.localdate)
    debtor = "Anna Muster"
    review = BankCredit.Review.UNMATCHED
    imported = factory.SubFactory(BankImportFactory)
