"""The provider's webhook: only signed events, each stored once, processed in any order."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from kiosk.donations import events, stand_in
from kiosk.donations.models import Donation, Method, MonthlyDonation, ProviderEvent, Status

URL = reverse("stripe-webhook")


def _post(client, payload: str, *, sig: str | None = None):
    # Outside a transactional test nothing commits: run what waits for the commit (the processing task).
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            URL,
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=sig or stand_in.signature(payload),
        )


def _donation(**fields) -> Donation:
    return Donation.objects.create(
        **{
            "amount": Decimal("15.00"),
            "created_at": timezone.now(),
            "stripe_checkout_session_id": "cs_1",
            **fields,
        }
    )


def _completed(donation, *, intent="pi_1", event_id="evt_done", paid=True) -> str:
    return stand_in.event(
        "checkout.session.completed",
        {
            "id": donation.stripe_checkout_session_id,
            "object": "checkout.session",
            "mode": "payment",
            "client_reference_id": str(donation.public_id),
            "payment_intent": intent,
            "payment_status": "paid" if paid else "unpaid",
            "amount_total": 1500,
        },
        event_id=event_id,
    )


def _refunded(*, intent="pi_1", amount=1500, event_id="evt_refund") -> str:
    return stand_in.event(
        "charge.refunded",
        {
            "id": "ch_1",
            "object": "charge",
            "payment_intent": intent,
            "amount": 1500,
            "amount_refunded": amount,
        },
        event_id=event_id,
    )


@pytest.mark.django_db
class TestSignature:
    def test_a_valid_event_is_stored_processed_and_answered_200(self, client):
        donation = _donation()
        response = _post(client, _completed(donation))
        assert response.status_code == 200
        donation.refresh_from_db()
        assert donation.status == Status.PAID
        assert donation.stripe_payment_intent_id == "pi_1"

    @pytest.mark.parametrize(
        "sig",
        [
            "",
            "t=1,v1=00",
            "garbage",
            stand_in.signature("{}"),  # signed, but another body
            stand_in.signature("x", secret="whsec_someone_else"),
        ],
    )
    def test_a_bad_signature_gets_400_and_changes_nothing(self, client, sig):
        donation = _donation()
        payload = _completed(donation)
        if sig == stand_in.signature("x", secret="whsec_someone_else"):
            sig = stand_in.signature(payload, secret="whsec_someone_else")
        response = client.post(URL, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=sig)
        assert response.status_code == 400
        assert not ProviderEvent.objects.exists()
        donation.refresh_from_db()
        assert donation.status == Status.PENDING

    def test_an_old_signature_is_refused_as_a_replay_from_outside(self, client):
        payload = _completed(_donation())
        old = stand_in.signature(payload, timestamp=int(time.time()) - 3600)
        assert _post(client, payload, sig=old).status_code == 400

    @pytest.mark.parametrize(
        "payload", ["not json", "[]", '{"id": 1}', '{"id": "evt", "type": "x", "data": 3}', "\udcff"]
    )
    def test_signed_nonsense_gets_400(self, client, payload):
        safe = payload.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        assert _post(client, safe).status_code == 400
        assert not ProviderEvent.objects.exists()

    def test_only_post(self, client):
        assert client.get(URL).status_code == 405

    def test_events_kiosk_does_not_handle_are_stored_and_closed(self, client):
        payload = stand_in.event("customer.created", {"id": "cus_1", "object": "customer"})
        assert _post(client, payload).status_code == 200
        assert ProviderEvent.objects.get().outcome == "not needed"


@pytest.mark.django_db
class TestOnce:
    def test_a_replayed_event_changes_nothing_and_gets_200(self, client, mailoutbox):
        donation = _donation(email="a@example.org")
        payload = _completed(donation)
        assert _post(client, payload).content == b"ok"
        again = _post(client, payload)
        assert again.status_code == 200
        assert again.content == b"known"
        assert ProviderEvent.objects.count() == 1
        assert len(mailoutbox) == 1  # one receipt

    def test_the_same_payment_in_two_events_counts_once(self, client):
        donation = _donation()
        _post(client, _completed(donation, event_id="evt_a"))
        _post(client, _completed(donation, event_id="evt_b"))
        donation.refresh_from_db()
        assert Donation.objects.paid().count() == 1
        assert Donation.objects.net_total() == Decimal("15.00")

    def test_processing_an_event_twice_changes_nothing(self, client):
        donation = _donation()
        _post(client, _completed(donation))
        event = ProviderEvent.objects.get()
        assert events.event_process(event.pk, now=timezone.now()) == "already processed"


@pytest.mark.django_db
class TestOrder:
    def test_a_refund_before_the_payment_still_ends_refunded(self, client):
        donation = _donation()
        assert _post(client, _refunded()).status_code == 200
        waiting = ProviderEvent.objects.get()
        assert waiting.processed_at is None
        assert waiting.waiting_for == "pi_1"
        _post(client, _completed(donation))
        donation.refresh_from_db()
        assert donation.status == Status.REFUNDED
        assert donation.refunded_amount == Decimal("15.00")
        assert ProviderEvent.objects.filter(processed_at=None).count() == 0
        assert Donation.objects.net_total() == 0

    def test_a_part_refunded_counts_the_rest(self, client):
        donation = _donation()
        _post(client, _completed(donation))
        _post(client, _refunded(amount=500))
        _post(client, _refunded(amount=300, event_id="evt_older"))  # an earlier refund, told later
        donation.refresh_from_db()
        assert donation.status == Status.PAID
        assert donation.refunded_amount == Decimal("5.00")
        assert Donation.objects.net_total() == Decimal("10.00")

    def test_an_expiry_told_after_the_payment_does_not_undo_it(self, client):
        donation = _donation()
        _post(client, _completed(donation))
        expired = stand_in.event(
            "checkout.session.expired",
            {"id": "cs_1", "object": "checkout.session", "client_reference_id": str(donation.public_id)},
        )
        _post(client, expired)
        donation.refresh_from_db()
        assert donation.status == Status.PAID

    def test_the_method_arrives_before_or_after_the_payment(self, client):
        donation = _donation()
        charge = stand_in.event(
            "charge.succeeded",
            {
                "id": "ch_1",
                "object": "charge",
                "payment_intent": "pi_1",
                "payment_method_details": {"type": "twint"},
            },
        )
        _post(client, charge)
        _post(client, _completed(donation))
        donation.refresh_from_db()
        assert (donation.status, donation.method) == (Status.PAID, Method.TWINT)

    def test_a_dispute_and_its_outcome(self, client):
        donation = _donation()
        _post(client, _completed(donation))
        dispute = {"id": "dp_1", "object": "dispute", "payment_intent": "pi_1", "status": "needs_response"}
        _post(client, stand_in.event("charge.dispute.created", dispute))
        donation.refresh_from_db()
        assert donation.status == Status.DISPUTED
        _post(client, stand_in.event("charge.dispute.closed", {**dispute, "status": "won"}))
        donation.refresh_from_db()
        assert donation.status == Status.PAID

    def test_an_event_about_someone_elses_payment_is_closed_after_a_while(self, client):
        _post(client, _refunded(intent="pi_not_ours"))
        event = ProviderEvent.objects.get()
        assert event.processed_at is None
        later = timezone.now() + events.WAITING_GIVE_UP
        assert events.waiting_retry(now=later + timezone.timedelta(minutes=10)) == 1
        assert events.event_process(event.pk, now=later) == "not ours: nothing matched in time"

    def test_monthly_payments_each_month_and_the_end(self, client):
        monthly = MonthlyDonation.objects.create(amount=Decimal("10.00"), created_at=timezone.now())
        first = _donation(amount=Decimal("10.00"), monthly=monthly, method=Method.CARD)
        invoice = {
            "object": "invoice",
            "amount_due": 1000,
            "amount_paid": 1000,
            "parent": {
                "subscription_details": {
                    "subscription": "sub_1",
                    "metadata": {"kiosk_donation": str(first.public_id)},
                }
            },
        }
        # The first invoice before the checkout's own event: found by our reference in its metadata.
        _post(
            client,
            stand_in.event(
                "invoice.paid", {**invoice, "id": "in_1", "billing_reason": "subscription_create"}
            ),
        )
        session = {
            "id": "cs_1",
            "object": "checkout.session",
            "mode": "subscription",
            "client_reference_id": str(first.public_id),
            "subscription": "sub_1",
            "invoice": "in_1",
            "customer": "cus_1",
            "payment_status": "paid",
        }
        _post(client, stand_in.event("checkout.session.completed", session))
        renewal = {**invoice, "id": "in_2", "billing_reason": "subscription_cycle"}
        renewal["parent"] = {"subscription_details": {"subscription": "sub_1", "metadata": {}}}
        _post(client, stand_in.event("invoice.paid", renewal))
        _post(client, stand_in.event("invoice.paid", renewal))  # a replay under a new event id
        _post(
            client, stand_in.event("customer.subscription.deleted", {"id": "sub_1", "object": "subscription"})
        )
        monthly.refresh_from_db()
        assert monthly.stripe_subscription_id == "sub_1"
        assert monthly.canceled_at is not None
        assert list(monthly.payments.order_by("pk").values_list("stripe_invoice_id", "status")) == [
            ("in_1", Status.PAID),
            ("in_2", Status.PAID),
        ]
        assert Donation.objects.net_total() == Decimal("20.00")


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_count_once():
    """Sixteen senders at once, each event twice (PostgreSQL: real concurrent transactions)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time: concurrency is PostgreSQL's to show")
    donations = [_donation(stripe_checkout_session_id=f"cs_{i}") for i in range(8)]
    payloads = [_completed(d, intent=f"pi_{i}", event_id=f"evt_{i}") for i, d in enumerate(donations)] * 2
    barrier = threading.Barrier(len(payloads))
    answers = []

    def send(payload):
        try:
            barrier.wait()
            answers.append(_post(Client(), payload).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 16
    assert ProviderEvent.objects.count() == 8
    assert Donation.objects.paid().count() == 8
    assert Donation.objects.net_total() == Decimal("120.00")
    assert all(
        json.loads(json.dumps(e.payload))["id"].startswith("evt_") for e in ProviderEvent.objects.all()
    )
