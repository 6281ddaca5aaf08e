"""A local stand-in for Stripe, for the embedded demo and the tests: nothing leaves the machine.

Without STRIPE_SECRET_KEY the official ``stripe`` library is pointed here (KIOSK_STRIPE_API_BASE): the
few API calls Kiosk makes are answered from the shared cache, and a clearly labelled test payment page
takes the reader's place at the provider. Paying there sends the events Stripe would send, signed with
the webhook secret, over HTTP to Kiosk's own webhook, by a task: from there on, everything takes the
same path as with Stripe. Nothing here runs when a key is configured (the URLs are not even there).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import time
from decimal import Decimal
from urllib.parse import parse_qsl

import requests
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_tasks import task

from kiosk.background.tasks import enqueue_later

from . import checkout, rules

logger = logging.getLogger(__name__)

LIFETIME = 24 * 60 * 60
# Seconds before each further delivery attempt, as Stripe retries a webhook that did not answer 2xx.
RETRY_DELAYS = (5, 30, 120, 600)
WEBHOOK_TIMEOUT = 10


def _key(kind: str, ident: str) -> str:
    return f"donations:stand-in:{kind}:{ident}"


def _new_id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


# What Stripe's library sends: form-encoded, nested keys in brackets (line_items[0][price_data][…]).


def form_decoded(body: str) -> dict:
    result: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = result
        for part, following in zip(parts, [*parts[1:], None], strict=True):
            if following is None:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return _lists(result)


def _lists(node):
    if isinstance(node, dict):
        if node and all(k.isdigit() for k in node):
            return [_lists(node[k]) for k in sorted(node, key=int)]
        return {k: _lists(v) for k, v in node.items()}
    return node


def _error(message: str, status: int = 400, code: str = "parameter_invalid"):
    return JsonResponse(
        {"error": {"type": "invalid_request_error", "code": code, "message": message}}, status=status
    )


def _authorised(request) -> bool:
    return request.headers.get("Authorization", "") == f"Bearer {checkout.STAND_IN_KEY}"


@csrf_exempt
@require_http_methods(["POST"])
def api_sessions(request):
    """POST /v1/checkout/sessions: a session for one line item in CHF, paid on the test page."""
    if not _authorised(request):
        return _error("Invalid API key provided.", 401, "api_key_invalid")
    params = form_decoded(request.body.decode("utf-8", "replace"))
    idempotency = request.headers.get("Idempotency-Key", "")
    if idempotency and (known := cache.get(_key("idempotency", idempotency))):
        session = cache.get(_key("session", known))
        if session:
            return JsonResponse(session)
    try:
        item = params["line_items"][0]
        price = item["price_data"]
        amount = int(price["unit_amount"]) * int(item.get("quantity", 1))
        complete = (
            price["currency"] == "chf"
            and amount > 0
            and params["mode"] in ("payment", "subscription")
            and params["success_url"]
            and params["cancel_url"]
        )
    except (KeyError, IndexError, TypeError, ValueError):
        complete = False
    if not complete:
        return _error("A session needs one line item in CHF, a mode and the success and cancel URLs.")
    session_id = _new_id("cs")
    session = {
        "id": session_id,
        "object": "checkout.session",
        "mode": params["mode"],
        "status": "open",
        "payment_status": "unpaid",
        "amount_total": amount,
        "currency": "chf",
        "client_reference_id": params.get("client_reference_id"),
        "metadata": params.get("metadata") or {},
        "customer_email": params.get("customer_email"),
        "payment_method_types": params.get("payment_method_types") or ["card"],
        "success_url": params["success_url"],
        "cancel_url": params["cancel_url"],
        "url": request.build_absolute_uri(reverse("stand_in:pay", args=[session_id])),
        "payment_intent": None,
        "subscription": None,
        "invoice": None,
        "customer": None,
        "created": int(time.time()),
        "livemode": False,
        "kiosk_product": price.get("product_data", {}).get("name", ""),
        "kiosk_intent_metadata": (
            params.get("payment_intent_data") or params.get("subscription_data") or {}
        ).get("metadata")
        or {},
    }
    cache.set(_key("session", session_id), session, LIFETIME)
    if idempotency:
        cache.set(_key("idempotency", idempotency), session_id, LIFETIME)
    return JsonResponse(session)


@csrf_exempt
@require_http_methods(["GET", "POST", "DELETE"])
def api_subscription(request, subscription_id: str):
    """DELETE /v1/subscriptions/<id>: the monthly donation ends; Stripe then reports it by webhook."""
    if not _authorised(request):
        return _error("Invalid API key provided.", 401, "api_key_invalid")
    subscription = cache.get(_key("subscription", subscription_id))
    if subscription is None:
        return _error(f"No such subscription: '{subscription_id}'", 404, "resource_missing")
    if request.method == "DELETE" and subscription["status"] != "canceled":
        subscription = {**subscription, "status": "canceled", "canceled_at": int(time.time())}
        cache.set(_key("subscription", subscription_id), subscription, LIFETIME * 365)
        _send(subscription["kiosk_webhook"], "customer.subscription.deleted", subscription)
    return JsonResponse(subscription)


# The test payment page --------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def pay(request, session_id: str):
    session = cache.get(_key("session", session_id))
    if session is None:
        raise Http404
    declined = False
    if request.method == "POST" and session["status"] == "open":
        choice = request.POST.get("method", "")
        if choice == "declined":
            declined = True
        elif choice in ("card", "twint") and choice in session["payment_method_types"]:
            webhook = request.build_absolute_uri(reverse("stripe-webhook"))
            _complete(session, method=choice, webhook=webhook)
            return HttpResponseRedirect(session["success_url"], status=303)
    return render(
        request,
        "donations/stand_in_pay.html",
        {
            "session": session,
            "amount": rules.chf(Decimal(session["amount_total"]) / 100),
            "declined": declined,
        },
        status=402 if declined else 200,
    )


def _complete(session: dict, *, method: str, webhook: str) -> None:
    """Paid: the session, and the events Stripe would send about it (in no promised order)."""
    intent, customer = _new_id("pi"), _new_id("cus")
    session.update(status="complete", payment_status="paid", customer=customer)
    metadata = session["kiosk_intent_metadata"]
    if session["mode"] == "subscription":
        subscription_id, invoice_id = _new_id("sub"), _new_id("in")
        session.update(subscription=subscription_id, invoice=invoice_id)
        subscription = {
            "id": subscription_id,
            "object": "subscription",
            "status": "active",
            "customer": customer,
            "metadata": metadata,
            "kiosk_webhook": webhook,
        }
        cache.set(_key("subscription", subscription_id), subscription, LIFETIME * 365)
        invoice = {
            "id": invoice_id,
            "object": "invoice",
            "billing_reason": "subscription_create",
            "amount_due": session["amount_total"],
            "amount_paid": session["amount_total"],
            "currency": "chf",
            "customer": customer,
            "status": "paid",
            "parent": {"subscription_details": {"subscription": subscription_id, "metadata": metadata}},
            "payments": {"data": [{"payment": {"payment_intent": intent}}]},
        }
        later = [("invoice.paid", invoice)]
    else:
        session.update(payment_intent=intent)
        charge = {
            "id": _new_id("ch"),
            "object": "charge",
            "amount": session["amount_total"],
            "amount_refunded": 0,
            "currency": "chf",
            "paid": True,
            "payment_intent": intent,
            "metadata": metadata,
            "payment_method_details": {"type": method},
        }
        later = [("charge.succeeded", charge)]
    cache.set(_key("session", session["id"]), session, LIFETIME)
    public = {k: v for k, v in session.items() if not k.startswith("kiosk_")}
    _send(webhook, "checkout.session.completed", public)
    for kind, body in later:
        _send(webhook, kind, body)


def event(kind: str, body: dict, *, event_id: str | None = None, created: int | None = None) -> str:
    """An event as Stripe sends it, as its JSON text."""
    body = {k: v for k, v in body.items() if not k.startswith("kiosk_")}
    return json.dumps(
        {
            "id": event_id or _new_id("evt"),
            "object": "event",
            "type": kind,
            "created": created or int(time.time()),
            "livemode": False,
            "api_version": "2026-10-28.endive",
            "data": {"object": body},
        }
    )


def signature(payload: str, *, secret: str | None = None, timestamp: int | None = None) -> str:
    """The Stripe-Signature header for a payload, as Stripe computes it (HMAC-SHA256 of "t.payload")."""
    timestamp = timestamp or int(time.time())
    secret = secret or settings.STRIPE_WEBHOOK_SECRET
    mac = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def _send(webhook: str, kind: str, body: dict) -> None:
    stand_in_deliver.enqueue(webhook, event(kind, body))


@task()
def stand_in_deliver(webhook: str, payload: str, attempt: int = 1) -> str:
    """POST one event to the webhook, signed now; again later while it does not answer 2xx."""
    try:
        response = requests.post(
            webhook,
            data=payload.encode(),
            headers={"Content-Type": "application/json", "Stripe-Signature": signature(payload)},
            timeout=WEBHOOK_TIMEOUT,
        )
        if 200 <= response.status_code < 300:
            return f"delivered ({response.status_code})"
        problem = f"answered {response.status_code}"
    except requests.RequestException as error:
        problem = repr(error)
    if attempt > len(RETRY_DELAYS):
        logger.error("stand-in event undelivered after %d attempts: %s", attempt, problem)
        return f"given up: {problem}"
    enqueue_later(stand_in_deliver, RETRY_DELAYS[attempt - 1], webhook, payload, attempt=attempt + 1)
    return f"attempt {attempt} failed ({problem}); another queued"


app_name = "stand_in"
urlpatterns = [
    path("api/v1/checkout/sessions", api_sessions, name="api_sessions"),
    path("api/v1/subscriptions/<str:subscription_id>", api_subscription, name="api_subscription"),
    path("bezahlen/<str:session_id>/", pay, name="pay"),
]
