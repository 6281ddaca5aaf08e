"""The reader's side of donations: the support page, the thank-you page, a monthly donation's own page,
and the webhook the payment provider calls. Pages of someone's own payment are never shared by the
page cache (they are not marked cacheable)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kiosk.news.models import ArticlePage
from kiosk.newsroom.sites import absolute_url
from kiosk.security.converters import MAX_ID
from kiosk.security.ratelimits import RateLimited, counted

from . import bank, checkout, events, receipts, rules, services
from .forms import DonationForm, Pay
from .models import Donation

logger = logging.getLogger(__name__)

# The fragment the article's box shows a note for when the reader comes back from the provider's page.
CANCELLED_ANCHOR = "spende-abgebrochen"


def _article(article_id):
    """The live article a donation started on; anything else (gone, private, not a number) is none."""
    try:
        pk = int(article_id or 0)
    except (TypeError, ValueError):
        return None
    if not 0 < pk <= MAX_ID:
        return None
    return ArticlePage.objects.live().public().filter(pk=pk).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def support(request):
    """Choose amount, how often and how to pay; then to the provider's page, or to a QR-bill."""
    if request.method != "POST":
        # From the article's box (amount chosen) or on its own: a GET only fills the form in.
        chosen = any(key in request.GET for key in ("amount", "other"))
        article = _article(request.GET.get("article"))
        form = DonationForm(
            request.GET if chosen else None, initial={"article": article.pk if article else None}
        )
        status = 200
        if chosen and not form.is_valid():
            status = 400
        return _support_page(request, form, status=status)

    form = DonationForm(request.POST)
    if not form.is_valid():
        return _support_page(request, form, status=400)
    data = form.cleaned_data
    by_bank = data["pay"] == Pay.BANK
    article = _article(data.get("article"))
    try:
        with counted("donation", request):
            donation = services.donation_start(
                amount=data["chf"],
                interval=data["interval"],
                by_bank=by_bank,
                name=data["name"],
                email=data["email"],
                reader=request.user,
                article=article,
                language=translation.get_language() or "",
                now=timezone.now(),
            )
    except RateLimited as error:
        return _support_page(request, form, status=429, error=error.message)
    if by_bank:
        return HttpResponseRedirect(reverse("donations:bank_slip", args=[donation.public_id]))
    back = article.get_url(request) if article else reverse("donations:support")
    try:
        session = checkout.session_create(
            donation=donation,
            description=_("Donation to %(publisher)s") % {"publisher": rules.publisher()},
            success_url=absolute_url(reverse("donations:thanks", args=[donation.public_id]), request=request),
            cancel_url=absolute_url(f"{back}#{CANCELLED_ANCHOR}", request=request),
            language=translation.get_language() or "",
        )
    except checkout.ProviderUnavailable as error:
        logger.warning("checkout for donation %s failed: %s", donation.public_id, error)
        message = _(
            "Our payment provider cannot be reached just now. Nothing was charged. "
            "Please try again in a moment, or pay by bank transfer."
        )
        return _support_page(request, form, status=503, error=message)
    services.donation_checkout_opened(donation=donation, session_id=session.id)
    return HttpResponseRedirect(session.url, status=303)


def _support_page(request, form: DonationForm, *, status: int, error: str = ""):
    article = _article(form.data.get("article") if form.is_bound else form.initial.get("article"))
    return render(
        request,
        "donations/support.html",
        {"form": form, "article": article, "error": error, "cancelled_anchor": CANCELLED_ANCHOR},
        status=status,
    )


@never_cache
def thanks(request, public_id):
    """Where the provider sends the reader after paying; the payment counts once its webhook confirms it."""
    donation = get_object_or_404(Donation.objects.select_related("article", "monthly"), public_id=public_id)
    if donation.method == "bank":
        raise Http404
    return render(request, "donations/thanks.html", {"donation": donation})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def monthly(request, token: str):
    """A monthly donation's own page, from the link in its receipt: what it is, and ending it."""
    monthly = receipts.monthly_from_token(token)
    if monthly is None:
        raise Http404
    error = ""
    status = 200
    if request.method == "POST":
        try:
            monthly = services.monthly_cancel(monthly=monthly, now=timezone.now())
        except checkout.ProviderUnavailable:
            error = _("Our payment provider cannot be reached just now. Please try again in a moment.")
            status = 503
        else:
            return HttpResponseRedirect(request.path)
    return render(request, "donations/monthly.html", {"monthly": monthly, "error": error}, status=status)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """The provider's events: verified on the raw body, stored once, processed by a task."""
    try:
        _event, created = events.event_receive(
            payload=request.body,
            signature=request.headers.get("Stripe-Signature", ""),
            now=timezone.now(),
        )
    except events.WebhookRefused as error:
        logger.warning("webhook refused: %s", error)
        return HttpResponse(str(error), status=400, content_type="text/plain")
    return HttpResponse("ok" if created else "known", content_type="text/plain")


# Bank transfer ---------------------------------------------------------------


def _bank_transfer(public_id) -> Donation:
    """The reader's own bank transfer; any other donation is not found here."""
    donation = get_object_or_404(Donation.objects.by_bank(), public_id=public_id)
    if not donation.reference:
        raise Http404
    return donation


@never_cache
@require_safe
def bank_slip(request, public_id):
    """The reader's QR-bill to scan with a banking app, and the account and reference to type in."""
    donation = _bank_transfer(public_id)
    return render(
        request,
        "donations/bank_slip.html",
        {
            "donation": donation,
            "iban": bank.iban_formatted(),
            "creditor": settings.KIOSK_DONATION_CREDITOR,
            "reference": bank.reference_formatted(donation.reference),
        },
    )


def _bill_download(donation: Donation, body, *, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    name = f"{slugify(_('QR-bill'))}-{donation.reference}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@require_safe
def bank_slip_svg(request, public_id):
    """The QR-bill's payment part as SVG: the slip page shows it as an image, and it can be saved."""
    donation = _bank_transfer(public_id)
    svg = bank.qr_bill_svg(donation, language=translation.get_language())
    return _bill_download(donation, svg, content_type="image/svg+xml; charset=utf-8", extension="svg")


@never_cache
@require_safe
def bank_slip_pdf(request, public_id):
    """The QR-bill on an A4 page, to print or to upload to an e-banking that reads PDF bills."""
    donation = _bank_transfer(public_id)
    pdf = bank.qr_bill_pdf(donation, language=translation.get_language())
    return _bill_download(donation, pdf, content_type="application/pdf", extension="pdf")
