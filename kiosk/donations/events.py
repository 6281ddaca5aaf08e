"""What the payment provider reports by signed webhook: each event stored once, processed by a task, in
any order (djangoproject.com's shape, plus what it lacks: ids stored once, a queue, out-of-order facts).

Receiving only verifies the signature on the raw body and stores the event (a replay answers as the
first delivery did and changes nothing). Processing looks up the donation the event is about, with
its row locked, and records a fact (paid, failed, refunded, disputed); the status follows from all
facts so far (``Donation.status_from_facts``). An event about a payment Kiosk cannot place yet (a
refund whose checkout has not been reported) waits under the id it needs and is processed once an
earlier-sent, later-arrived event makes that id known.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import wraps

import stripe
from django.conf import settings
from django.db import transaction

from . import services, tasks
from .models import Donation, Method, MonthlyDonation, ProviderEvent

logger = logging.getLogger(__name__)

# An event that found no donation in this time was not about one of ours (the account may sell other
# things too): it is closed as such.
WAITING_GIVE_UP = timedelta(days=3)


class WebhookRefused(Exception):  # noqa: N818 (what the sender gets: 400)
    pass


def event_receive(*, payload: bytes, signature: str, now: datetime) -> tuple[ProviderEvent, bool]:
    """Verify and store one delivery; True when it is new (then a task processes it after commit)."""
    try:
        stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except stripe.SignatureVerificationError as error:
        raise WebhookRefused("bad signature") from error
    except (ValueError, TypeError, AttributeError, KeyError) as error:  # signed, but not JSON or not an event
        raise WebhookRefused("not an event") from error
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise WebhookRefused("not an event")
    event_id, kind = data.get("id"), data.get("type")
    body = (data.get("data") or {}).get("object") if isinstance(data.get("data"), dict) else None
    if not (isinstance(event_id, str) and event_id and isinstance(kind, str) and isinstance(body, dict)):
        raise WebhookRefused("not an event")
    if len(event_id) > 255 or len(kind) > 100:
        raise WebhookRefused("not an event")
    event, created = ProviderEvent.objects.get_or_create(
        event_id=event_id, defaults={"type": kind, "payload": data, "received_at": now}
    )
    if created:
        transaction.on_commit(lambda: tasks.event_process.enqueue(event.pk))
    return event, created


@dataclass
class Outcome:
    text: str
    donation: Donation | None = None
    # The id this event needs before it can be placed.
    waiting_for: str = ""
    # Ids this event made known: events waiting for them can go on.
    learned: list[str] = field(default_factory=list)


def event_process(event_pk: int, *, now: datetime) -> str:
    """Process one stored event once; what became of it."""
    with transaction.atomic():
        event = ProviderEvent.objects.select_for_update().filter(pk=event_pk).first()
        if event is None or event.processed_at:
            return "already processed"
        handler = HANDLERS.get(event.type)
        if handler is None:
            outcome = Outcome("not needed")
        else:
            outcome = handler(event.payload["data"]["object"], at=_event_time(event.payload, now))
        if outcome.waiting_for and now - event.received_at < WAITING_GIVE_UP:
            event.waiting_for, event.outcome = outcome.waiting_for[:255], f"waiting for {outcome.waiting_for}"
            event.save(update_fields=["waiting_for", "outcome"])
            # Had the id become known while this ran, its event looked for waiting ones too early.
            transaction.on_commit(lambda: _recheck(event.pk, outcome.waiting_for))
            return event.outcome
        if outcome.waiting_for:
            outcome.text = ProviderEvent.UNPLACED
        event.processed_at, event.outcome, event.donation = now, outcome.text[:200], outcome.donation
        event.waiting_for = ""
        event.save(update_fields=["processed_at", "outcome", "donation", "waiting_for"])
        if outcome.learned:
            transaction.on_commit(lambda: _release(outcome.learned))
        logger.info("provider event %s (%s): %s", event.event_id, event.type, outcome.text)
        return outcome.text


def _release(ids: list[str]) -> None:
    for pk in ProviderEvent.objects.filter(processed_at=None, waiting_for__in=ids).values_list(
        "pk", flat=True
    ):
        tasks.event_process.enqueue(pk)


def _recheck(event_pk: int, waiting_for: str) -> None:
    known = (
        Donation.objects.filter(stripe_payment_intent_id=waiting_for).exists()
        or MonthlyDonation.objects.filter(stripe_subscription_id=waiting_for).exists()
    )
    if known:
        tasks.event_process.enqueue(event_pk)


def waiting_retry(*, now: datetime) -> int:
    """The clock's safety net: events still waiting are tried again (and closed once too old)."""
    pks = list(
        ProviderEvent.objects.waiting()
        .filter(received_at__lt=now - timedelta(minutes=5))
        .values_list("pk", flat=True)[:500]
    )
    for pk in pks:
        tasks.event_process.enqueue(pk)
    return len(pks)


def _event_time(payload: dict, now: datetime) -> datetime:
    created = payload.get("created")
    if isinstance(created, int) and created > 0:
        return datetime.fromtimestamp(created, UTC)
    return now


def _chf(rappen) -> Decimal:
    return (Decimal(int(rappen)) / 100).quantize(Decimal("0.01"))


def _locked(**lookup) -> Donation | None:
    return Donation.objects.select_for_update().filter(**lookup).first()


def _ours(body: dict) -> Donation | None:
    """The donation an object names itself (our reference in its metadata or as client reference)."""
    reference = body.get("client_reference_id") or (body.get("metadata") or {}).get("kiosk_donation")
    try:
        return _locked(public_id=uuid.UUID(str(reference)))
    except ValueError:  # no reference, or not a UUID: not one of ours
        return None


def _by_payment_intent(body: dict) -> tuple[Donation | None, str]:
    intent = body.get("payment_intent")
    intent = intent.get("id") if isinstance(intent, dict) else intent
    donation = _ours(body) or (_locked(stripe_payment_intent_id=intent) if intent else None)
    return donation, intent or ""


def _unplaced(waiting_for: str) -> Outcome:
    """Nothing of ours matched: wait for the id the event names, or close it as not ours."""
    return Outcome("", waiting_for=waiting_for) if waiting_for else Outcome("not ours")


def _first(donation: Donation, fact: str, at: datetime) -> None:
    """Record when something first happened (paid_at, failed_at, …): a repeated report changes nothing."""
    if not getattr(donation, fact):
        setattr(donation, fact, at)
        services.donation_facts_saved(donation, [fact])


Handle = Callable[[Donation, dict, datetime], Outcome]


def about_session(handle: Handle) -> Callable[..., Outcome]:
    """A handler of a checkout session's event, given its donation, locked."""

    @wraps(handle)
    def handler(body: dict, *, at: datetime) -> Outcome:
        donation = _ours(body) or _locked(stripe_checkout_session_id=body.get("id"))
        return Outcome("not ours") if donation is None else handle(donation, body, at)

    return handler


def about_payment(handle: Handle) -> Callable[..., Outcome]:
    """A handler of a charge's or dispute's event, given its donation, locked (found by the payment)."""

    @wraps(handle)
    def handler(body: dict, *, at: datetime) -> Outcome:
        donation, intent = _by_payment_intent(body)
        return _unplaced(intent) if donation is None else handle(donation, body, at)

    return handler


# Checkout sessions ------------------------------------------------------------------------------


@about_session
def session_completed(donation: Donation, body: dict, at: datetime) -> Outcome:
    fields, learned = ["stripe_checkout_session_id"], []
    donation.stripe_checkout_session_id = body.get("id")
    intent = body.get("payment_intent")
    if isinstance(intent, str) and intent:
        donation.stripe_payment_intent_id = intent
        fields.append("stripe_payment_intent_id")
        learned.append(intent)
    if body.get("mode") == "subscription" and donation.monthly_id:
        monthly = MonthlyDonation.objects.select_for_update().get(pk=donation.monthly_id)
        subscription = body.get("subscription")
        if isinstance(subscription, str) and subscription and not monthly.stripe_subscription_id:
            monthly.stripe_subscription_id = subscription
            monthly.stripe_customer_id = body.get("customer") or ""
            monthly.started_at = monthly.started_at or at
            monthly.save(update_fields=["stripe_subscription_id", "stripe_customer_id", "started_at"])
            learned.append(subscription)
        invoice = body.get("invoice")
        if isinstance(invoice, str) and invoice and not donation.stripe_invoice_id:
            donation.stripe_invoice_id = invoice
            fields.append("stripe_invoice_id")
    total = body.get("amount_total")
    if isinstance(total, int) and donation.amount is not None and _chf(total) != donation.amount:
        logger.warning("checkout %s: charged %s, asked for %s", body.get("id"), _chf(total), donation.amount)
    if body.get("payment_status") in ("paid", "no_payment_required") and not donation.paid_at:
        donation.paid_at = at
        fields.append("paid_at")
    services.donation_facts_saved(donation, fields)
    return Outcome("checkout completed", donation, learned=learned)


@about_session
def session_paid_later(donation: Donation, body: dict, at: datetime) -> Outcome:
    _first(donation, "paid_at", at)
    return Outcome("paid", donation)


@about_session
def session_failed(donation: Donation, body: dict, at: datetime) -> Outcome:
    """Expired unpaid, or an asynchronous payment failed: a fact that a later payment outweighs."""
    _first(donation, "failed_at", at)
    return Outcome("failed", donation)


# Charges ----------------------------------------------------------------------------------------


@about_payment
def charge_succeeded(donation: Donation, body: dict, at: datetime) -> Outcome:
    """Says how the reader paid (card or TWINT): Checkout offers both on one page."""
    kind = (body.get("payment_method_details") or {}).get("type")
    if kind in (Method.CARD, Method.TWINT) and donation.method != kind:
        donation.method = kind
        services.donation_facts_saved(donation, ["method"])
    return Outcome(f"paid by {kind}", donation)


@about_payment
def charge_refunded(donation: Donation, body: dict, at: datetime) -> Outcome:
    refunded = _chf(body.get("amount_refunded") or 0)
    # Refund events may arrive out of order: the largest amount reported is the latest.
    if refunded > donation.refunded_amount:
        donation.refunded_amount, donation.refunded_at = refunded, at
        services.donation_facts_saved(donation, ["refunded_amount", "refunded_at"])
    return Outcome(f"refunded {refunded}", donation)


@about_payment
def dispute_opened(donation: Donation, body: dict, at: datetime) -> Outcome:
    _first(donation, "disputed_at", at)
    return Outcome("disputed", donation)


@about_payment
def dispute_closed(donation: Donation, body: dict, at: datetime) -> Outcome:
    donation.disputed_at = donation.disputed_at or at
    donation.dispute_outcome = str(body.get("status") or "closed")[:20]
    services.donation_facts_saved(donation, ["disputed_at", "dispute_outcome"])
    return Outcome(f"dispute {donation.dispute_outcome}", donation)


# Monthly donations (subscriptions and their invoices) --------------------------------------------


def _subscription_of(body: dict) -> tuple[str, str]:
    """The invoice's subscription id and our reference, in the shapes of older and newer API versions."""
    parent = (body.get("parent") or {}).get("subscription_details") or {}
    subscription = body.get("subscription") or parent.get("subscription") or ""
    subscription = subscription.get("id") if isinstance(subscription, dict) else subscription
    metadata = parent.get("metadata") or (body.get("subscription_details") or {}).get("metadata") or {}
    return subscription or "", metadata.get("kiosk_donation") or ""


def _invoice_intent(body: dict) -> str:
    intent = body.get("payment_intent")
    if not intent:
        payments = (body.get("payments") or {}).get("data") or []
        intent = ((payments[0] if payments else {}).get("payment") or {}).get("payment_intent")
    return intent if isinstance(intent, str) else ""


def _monthly_of(body: dict) -> tuple[MonthlyDonation | None, str]:
    subscription, reference = _subscription_of(body)
    monthly = None
    if subscription:
        monthly = (
            MonthlyDonation.objects.select_for_update().filter(stripe_subscription_id=subscription).first()
        )
    if monthly is None and reference:
        first = _ours({"client_reference_id": reference})
        if first is not None and first.monthly_id:
            monthly = MonthlyDonation.objects.select_for_update().get(pk=first.monthly_id)
    return monthly, subscription


def _invoice_donation(monthly: MonthlyDonation, body: dict, *, at: datetime) -> Donation:
    invoice = body.get("id")
    donation = _locked(stripe_invoice_id=invoice)
    if donation is None and body.get("billing_reason") == "subscription_create":
        donation = (
            Donation.objects.select_for_update()
            .filter(monthly=monthly, stripe_invoice_id=None)
            .order_by("created_at", "pk")
            .first()
        )
        if donation is not None:
            donation.stripe_invoice_id = invoice
            donation.save(update_fields=["stripe_invoice_id"])
    if donation is None:
        amount = _chf(body.get("amount_due") or body.get("amount_paid") or 0) or monthly.amount
        donation = Donation.objects.create(
            amount=amount,
            method=Method.CARD,
            monthly=monthly,
            name=monthly.name,
            email=monthly.email,
            reader=monthly.reader,
            article=monthly.article,
            stripe_invoice_id=invoice,
            created_at=at,
        )
    return donation


def about_invoice(handle: Handle) -> Callable[..., Outcome]:
    """A handler of a monthly invoice's event, given that month's donation, locked (made if new)."""

    @wraps(handle)
    def handler(body: dict, *, at: datetime) -> Outcome:
        monthly, subscription = _monthly_of(body)
        if monthly is None:
            return _unplaced(subscription)
        return handle(_invoice_donation(monthly, body, at=at), body, at)

    return handler


@about_invoice
def invoice_paid(donation: Donation, body: dict, at: datetime) -> Outcome:
    fields, learned = [], []
    intent = _invoice_intent(body)
    if intent and not donation.stripe_payment_intent_id:
        donation.stripe_payment_intent_id = intent
        fields.append("stripe_payment_intent_id")
        learned.append(intent)
    if not donation.paid_at:
        donation.paid_at = at
        fields.append("paid_at")
    if fields:
        services.donation_facts_saved(donation, fields)
    return Outcome("monthly payment", donation, learned=learned)


@about_invoice
def invoice_failed(donation: Donation, body: dict, at: datetime) -> Outcome:
    _first(donation, "failed_at", at)
    return Outcome("monthly payment failed", donation)


def subscription_deleted(body: dict, *, at: datetime) -> Outcome:
    subscription = body.get("id") or ""
    monthly = MonthlyDonation.objects.select_for_update().filter(stripe_subscription_id=subscription).first()
    if monthly is None:
        reference = (body.get("metadata") or {}).get("kiosk_donation")
        first = _ours({"client_reference_id": reference}) if reference else None
        if first is None or not first.monthly_id:
            return _unplaced(subscription)
        monthly = MonthlyDonation.objects.select_for_update().get(pk=first.monthly_id)
    if not monthly.canceled_at:
        monthly.canceled_at = at
        monthly.save(update_fields=["canceled_at"])
    return Outcome("monthly donation ended")


HANDLERS: dict[str, Callable[..., Outcome]] = {
    "checkout.session.completed": session_completed,
    "checkout.session.async_payment_succeeded": session_paid_later,
    "checkout.session.async_payment_failed": session_failed,
    "checkout.session.expired": session_failed,
    "charge.succeeded": charge_succeeded,
    "charge.refunded": charge_refunded,
    "charge.dispute.created": dispute_opened,
    "charge.dispute.closed": dispute_closed,
    "invoice.paid": invoice_paid,
    "invoice.payment_failed": invoice_failed,
    "customer.subscription.deleted": subscription_deleted,
}
