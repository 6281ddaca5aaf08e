"""The payment provider's checkout (Stripe), through the official ``stripe`` library only.

No card number or TWINT login ever reaches Kiosk: the reader pays on the provider's page, and only the
provider's signed webhook (``events``) says a payment happened. Without STRIPE_SECRET_KEY the library
talks to the local stand-in (``stand_in``), the same calls answered on this machine.
"""

from __future__ import annotations

from dataclasses import dataclass

import stripe
from django.conf import settings

from . import rules
from .models import Donation

# Seconds a call to the provider may take before the reader gets a message instead of a page.
TIMEOUT = 20
STAND_IN_KEY = "sk_test_kiosk_stand_in"


class ProviderUnavailable(Exception):  # noqa: N818 (what the reader meets)
    """The provider did not answer, or refused the request: the reader may try again or transfer."""


@dataclass(frozen=True)
class Session:
    id: str
    url: str


def client() -> stripe.StripeClient:
    key = settings.STRIPE_SECRET_KEY or STAND_IN_KEY
    return stripe.StripeClient(
        key,
        base_addresses={"api": settings.KIOSK_STRIPE_API_BASE},
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=TIMEOUT),
    )


def session_create(
    *, donation: Donation, description: str, success_url: str, cancel_url: str, language: str
) -> Session:
    """A Checkout session for the donation (card and TWINT once, card monthly); the reader goes to its url."""
    reference = str(donation.public_id)
    monthly = donation.monthly_id is not None
    price = {
        "currency": "chf",
        "unit_amount": rules.rappen(donation.amount),
        "product_data": {"name": description},
    }
    params: dict = {
        "mode": "subscription" if monthly else "payment",
        # TWINT has no subscriptions: monthly donations are paid by card.
        "payment_method_types": ["card"] if monthly else ["card", "twint"],
        "line_items": [{"quantity": 1, "price_data": price}],
        "client_reference_id": reference,
        "metadata": {"kiosk_donation": reference},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "locale": {"de-ch": "de", "fr": "fr", "en": "en"}.get(language, "auto"),
    }
    if monthly:
        price["recurring"] = {"interval": "month"}
        params["subscription_data"] = {"metadata": {"kiosk_donation": reference}, "description": description}
    else:
        params["submit_type"] = "donate"
        params["payment_intent_data"] = {
            "metadata": {"kiosk_donation": reference},
            "description": description,
        }
    if donation.email:
        params["customer_email"] = donation.email
    try:
        # The same donation never opens two sessions, however often the request is sent again.
        session = client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": f"kiosk-donation-{reference}"}
        )
    except stripe.StripeError as error:
        raise ProviderUnavailable(str(error)) from error
    return Session(id=session.id, url=session.url)


def subscription_cancel(subscription_id: str) -> None:
    """End a monthly donation at the provider; the webhook that follows records it."""
    try:
        client().v1.subscriptions.cancel(subscription_id)
    except stripe.InvalidRequestError as error:
        # Already cancelled there (by the provider, or a second click): nothing left to end.
        if getattr(error, "code", "") != "resource_missing":
            raise ProviderUnavailable(str(error)) from error
    except stripe.StripeError as error:
        raise ProviderUnavailable(str(error)) from error
