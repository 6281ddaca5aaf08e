"""From the article's box to a confirmed payment: the real ``stripe`` library against the local stand-in
for Stripe's API on a live server, the signed events over real HTTP to the webhook."""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
from django.core import mail
from django.urls import reverse

from kiosk.donations import checkout, receipts
from kiosk.donations.models import Donation, Method, MonthlyDonation, ProviderEvent, Status

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("english")]


@pytest.fixture
def stripe_here(live_server, settings):
    """The library's API base on the live server's stand-in; Kiosk's own pages there too."""
    settings.KIOSK_STRIPE_API_BASE = f"{live_server.url}/testzahlung/api"
    settings.KIOSK_BASE_URL = live_server.url
    return live_server


def _start(client, **data):
    form = {"amount": "15", "interval": "once", "pay": "checkout", **data}
    return client.post(reverse("donations:support"), form)


def _pay(url: str, method: str = "card") -> requests.Response:
    """The reader on the test payment page: its form, with its CSRF token, as a browser sends it."""
    session = requests.Session()
    page = session.get(url, timeout=30)
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    return session.post(
        url,
        data={"csrfmiddlewaretoken": token, "method": method},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=60,
    )


def test_the_box_on_an_article_leads_to_the_support_page_with_the_amount_chosen(client, article):
    page = client.get(article.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="unterstuetzen"' in html
    for amount in ("5", "15", "25"):
        assert f'name="amount" value="{amount}"' in html
    # No form token in the box: the article page stays the same for every reader (and cacheable).
    assert "csrfmiddlewaretoken" not in html.split('id="unterstuetzen"')[1].split("</aside>")[0]

    support = client.get(reverse("donations:support"), {"amount": "15", "article": article.pk})
    assert support.status_code == 200
    assert 'value="15" checked' in support.content.decode()
    assert article.title in support.content.decode()


def test_a_bad_amount_from_the_box_is_shown_with_a_message_and_nothing_is_recorded(client, article):
    for typed, says in (
        ("12,50", "with a point"),
        ("1'000", "thousands"),
        ("abc", "in francs"),
        ("-3", "more than zero"),
    ):
        response = client.get(
            reverse("donations:support"), {"amount": "other", "other": typed, "article": article.pk}
        )
        assert response.status_code == 400
        assert says in response.content.decode()
    refused = _start(client, amount="other", other="0.50")
    assert refused.status_code == 400
    assert "smallest amount" in refused.content.decode()
    assert not Donation.objects.exists()


def test_nonsense_in_the_other_fields_is_a_400_never_a_500(client):
    for data in (
        {"interval": "weekly"},
        {"pay": "cash"},
        {"article": "x"},
        {"article": "99999999999999999999"},
        {"email": "not-an-address"},
        {"name": "x" * 500},
    ):
        assert _start(client, **data).status_code == 400, data
    assert client.get(reverse("donations:support"), {"article": "'; drop"}).status_code == 200
    assert not Donation.objects.exists()


def test_monthly_by_bank_transfer_is_refused_with_a_message(client):
    refused = _start(client, interval="monthly", pay="bank")
    assert refused.status_code == 400
    assert "Monthly donations are paid by card" in refused.content.decode()


def test_a_reader_pays_15_chf_on_the_provider_page_and_the_webhook_confirms_it(client, stripe_here, article):
    started = _start(client, article=article.pk, email="leserin@example.org", name="Leserin")
    assert started.status_code == 303
    donation = Donation.objects.get()
    assert donation.status == Status.PENDING
    assert donation.amount == Decimal("15.00")
    assert donation.article_id == article.pk
    assert donation.stripe_checkout_session_id.startswith("cs_test_")
    assert started["Location"].startswith(f"{stripe_here.url}/testzahlung/bezahlen/")

    paid = _pay(started["Location"], "twint")
    assert paid.status_code == 303
    assert (
        paid.headers["Location"]
        == f"{stripe_here.url}{reverse('donations:thanks', args=[donation.public_id])}"
    )

    donation.refresh_from_db()
    assert donation.status == Status.PAID
    assert donation.method == Method.TWINT
    assert donation.stripe_payment_intent_id.startswith("pi_test_")
    assert ProviderEvent.objects.filter(processed_at__isnull=False).count() == 2
    # The receipt, once.
    assert len(mail.outbox) == 1
    assert "CHF\xa015.00" in mail.outbox[0].body
    assert "Kiosk Medien AG\nSeestrasse 12, 8000 Zürich\n" in mail.outbox[0].body  # who received it
    assert donation.receipt_sent_at is not None

    thanks = client.get(reverse("donations:thanks", args=[donation.public_id]))
    assert "We have received your donation of CHF\xa015.00" in thanks.content.decode()


def test_a_declined_card_stays_on_the_payment_page_and_nothing_counts(client, stripe_here):
    started = _start(client)
    declined = _pay(started["Location"], "declined")
    assert declined.status_code == 402
    assert Donation.objects.get().status == Status.PENDING
    assert not ProviderEvent.objects.exists()


def test_a_monthly_donation_by_card_starts_and_its_donor_can_end_it(client, stripe_here):
    started = _start(client, amount="25", interval="monthly", email="monatlich@example.org")
    assert started.status_code == 303
    _pay(started["Location"], "card")
    monthly = MonthlyDonation.objects.get()
    assert monthly.stripe_subscription_id.startswith("sub_test_")
    first = monthly.payments.get()
    assert first.status == Status.PAID
    assert first.stripe_invoice_id.startswith("in_test_")
    assert first.method == Method.CARD

    link = receipts.monthly_url(monthly)
    assert link in mail.outbox[0].body
    path = link.removeprefix(stripe_here.url)
    page = client.get(path)
    assert "End my monthly donation" in page.content.decode()
    ended = client.post(path)
    assert ended.status_code == 302
    monthly.refresh_from_db()
    assert monthly.canceled_at is not None
    # The provider's own event about it followed, and changed nothing more.
    assert ProviderEvent.objects.filter(
        type="customer.subscription.deleted", processed_at__isnull=False
    ).exists()
    assert client.post(path).status_code == 302
    assert client.get(path.replace(path.split("/")[-2], "forged")).status_code == 404


def test_the_same_donation_never_opens_a_second_session(stripe_here, article):
    donation = Donation.objects.create(amount=Decimal("5.00"), created_at=article.first_published_at)
    args = {
        "donation": donation,
        "description": "Spende",
        "success_url": "http://127.0.0.1/ok",
        "cancel_url": "http://127.0.0.1/back",
        "language": "de-ch",
    }
    assert checkout.session_create(**args).id == checkout.session_create(**args).id


def test_the_provider_being_away_gets_a_message_and_the_reader_keeps_the_form(client, settings):
    settings.KIOSK_STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    response = _start(client, other="", amount="25", name="Ruth")
    assert response.status_code == 503
    html = response.content.decode()
    assert "cannot be reached" in html
    assert 'value="Ruth"' in html


def test_a_transfer_with_the_chosen_or_an_open_amount_leads_to_its_qr_bill(client, article):
    chosen = _start(client, amount="25", pay="bank", article=article.pk)
    assert chosen.status_code == 302
    donation = Donation.objects.get()
    assert chosen["Location"] == reverse("donations:bank_slip", args=[donation.public_id])
    assert (donation.amount, donation.method, donation.status) == (
        Decimal("25.00"),
        Method.BANK,
        Status.PENDING,
    )
    assert donation.reference

    open_amount = _start(client, amount="other", other="", pay="bank")
    assert open_amount.status_code == 302
    donation = Donation.objects.exclude(amount=Decimal("25.00")).get()
    assert donation.amount is None
    assert client.get(open_amount["Location"]).status_code == 200
    # By card an amount is needed.
    assert _start(client, amount="other", other="").status_code == 400
