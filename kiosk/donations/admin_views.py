"""Donations in the Wagtail admin: the report, the list of donations and its CSV export; bank transfers."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from datetime import datetime, time, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from kiosk.security.converters import MAX_ID

from . import bank, camt, events, reports, services
from .models import (
    AMOUNT_CEILING,
    AMOUNT_FLOOR,
    BankCredit,
    BankImport,
    Donation,
    Method,
    ProviderEvent,
    Status,
)

logger = logging.getLogger(__name__)

# Reports ---------------------------------------------------------------------

VIEW = "donations.view_donation"
LIST_PER_PAGE = 50
# Semicolons: Excel with Swiss (and German, French) regional settings splits on them when the file is
# opened with a double click, and amounts keep their decimal point; other tools ask or guess.
CSV_DELIMITER = ";"
# Excel reads a UTF-8 file as UTF-8 only after this mark (else umlauts in names come out garbled).
BOM = "\ufeff"

viewer_required = permission_required(VIEW, raise_exception=True)


class PeriodForm(forms.Form):
    """Whole Zurich days, from and to (both included); either may be left empty."""

    # Browsers' date fields send and show ISO dates whatever the language; 13.09.2023 in the URL is taken too.
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and last < first:
            raise forms.ValidationError(gettext_lazy("The period ends before it begins."), code="period")
        return cleaned


class DonationFilterForm(PeriodForm):
    """The list's filters, by GET; a value that is not one of them is refused, not ignored."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=[("", gettext_lazy("All")), *Status.choices]
    )
    method = forms.ChoiceField(
        label=gettext_lazy("Method"), required=False, choices=[("", gettext_lazy("All")), *Method.choices]
    )
    article = forms.IntegerField(
        label=gettext_lazy("Article (id)"), required=False, min_value=1, max_value=MAX_ID
    )

    field_order = ["status", "method", "date_from", "date_to", "article"]

    def wanted(self) -> reports.DonationFilter:
        data = self.cleaned_data
        return reports.DonationFilter(
            status=data["status"] or None,
            method=data["method"] or None,
            period_first=data["date_from"],
            period_last=data["date_to"],
            article_id=data["article"],
        )


def _refused(request, template: str, context: dict) -> TemplateResponse:
    # Wrong filters are the request's fault: 400, with the form saying what was wrong.
    return TemplateResponse(request, template, {**context, "invalid": True}, status=400)


@require_safe
@viewer_required
def report(request):
    """What the donations brought: totals, per day and month, by method and article, monthly donors."""
    form = PeriodForm(request.GET)
    context = {"page_title": _("Donations"), "header_icon": "pick", "form": form}
    if not form.is_valid():
        return _refused(request, "donations/admin/report.html", context)
    now = timezone.now()
    default = reports.Period.last_days(now=now)
    period = reports.Period(
        form.cleaned_data["date_from"] or default.first, form.cleaned_data["date_to"] or default.last
    )
    return TemplateResponse(
        request,
        "donations/admin/report.html",
        {
            **context,
            "report": reports.report(now=now, period=period),
            "list_url": reverse("donations_admin:list"),
            "events_late": ProviderEvent.objects.waiting().filter(received_at__lt=now - EVENTS_LATE).count(),
            "events_url": reverse("donations_admin:provider_events"),
        },
    )


# Waiting this long is more than the queue being busy: the event names a payment Kiosk has not heard of.
EVENTS_LATE = timedelta(hours=1)
EVENTS_SHOWN = 50


@require_safe
@viewer_required
def provider_events(request):
    """Payment events not placed: those still waiting, and those closed after waiting in vain.

    Each is retried by the clock; one that waits for long names a payment or subscription Kiosk never
    learnt of (sold by another system on the same account, or an event lost at the provider's end)."""
    now = timezone.now()
    waiting = ProviderEvent.objects.waiting().order_by("received_at", "pk")
    return TemplateResponse(
        request,
        "donations/admin/provider_events.html",
        {
            "page_title": _("Payment events"),
            "header_icon": "warning",
            "now": now,
            "late_since": now - EVENTS_LATE,
            "waiting": waiting[:EVENTS_SHOWN],
            "waiting_count": waiting.count(),
            "unplaced": ProviderEvent.objects.unplaced().order_by("-processed_at", "-pk")[:EVENTS_SHOWN],
            "give_up": events.WAITING_GIVE_UP,
        },
    )


def _filters(request, form: DonationFilterForm) -> str:
    """The list's query string without the page, for the pages' links and the export."""
    return urlencode({name: value for name, value in request.GET.items() if name in form.fields and value})


@require_safe
@viewer_required
def donation_list(request):
    """Every donation, newest first, filtered by status, method, period and article; 50 a page."""
    form = DonationFilterForm(request.GET)
    context = {"page_title": _("All donations"), "header_icon": "pick", "form": form}
    if not form.is_valid():
        return _refused(request, "donations/admin/donation_list.html", context)
    page = Paginator(reports.donations_listed(form.wanted()), LIST_PER_PAGE).get_page(request.GET.get("p"))
    filters = _filters(request, form)
    export = reverse("donations_admin:export")
    return TemplateResponse(
        request,
        "donations/admin/donation_list.html",
        {
            **context,
            "page_obj": page,
            "filters": filters,
            "export_url": f"{export}?{filters}" if filters else export,
        },
    )


class _Echo:
    """A file that hands back what is written to it, so csv.writer can write one row at a time."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield BOM
    for row in rows:
        yield writer.writerow(row)


@require_safe
@viewer_required
def export(request):
    """The filtered list as CSV (UTF-8 with BOM, semicolons), streamed; logged, as it holds personal data."""
    form = DonationFilterForm(request.GET)
    if not form.is_valid():
        return _refused(
            request,
            "donations/admin/donation_list.html",
            {"page_title": _("All donations"), "header_icon": "pick", "form": form},
        )
    wanted = form.wanted()
    logger.info(
        "Donations exported as CSV by %s (user %s), filters %s",
        request.user.get_username(),
        request.user.pk,
        wanted.as_log() or "none",
    )
    response = StreamingHttpResponse(
        _csv_lines(reports.export_rows(reports.donations_listed(wanted))),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"donations-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


# Bank transfers -----------------------------------------------------------------------------------------

CHANGE = "donations.change_donation"
BANK_PER_PAGE = 50
RECENT_LOOKED_AT = 10
RECENT_IMPORTS = 10

change_required = permission_required(CHANGE, raise_exception=True)


class CamtUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("camt.054 file"),
        help_text=gettext_lazy(
            "The bank's notification of credits (XML, ISO 20022 camt.054), as your e-banking exports it."
        ),
        widget=forms.ClearableFileInput({"accept": ".xml,application/xml,text/xml"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > camt.MAX_BYTES:
            raise forms.ValidationError(
                gettext_lazy("The file is larger than %(size)d MB."),
                code="too_large",
                params={"size": camt.MAX_BYTES // (1024 * 1024)},
            )
        return upload


class BankReceivedForm(forms.Form):
    """A transfer that arrived without a file saying so (or was left for a person): by its reference."""

    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=40)
    amount = forms.DecimalField(
        label=gettext_lazy("Amount received (CHF)"),
        max_digits=8,
        decimal_places=2,
        min_value=AMOUNT_FLOOR,
        max_value=AMOUNT_CEILING,
    )
    received_on = forms.DateField(
        label=gettext_lazy("Booked by the bank on"), widget=forms.DateInput({"type": "date"})
    )

    donation: Donation

    def clean_reference(self) -> str:
        reference = bank.reference_normalized(self.cleaned_data["reference"])
        donation = Donation.objects.by_bank().filter(reference=reference).first()
        if donation is None:
            raise forms.ValidationError(gettext_lazy("No bank transfer has this reference."), code="unknown")
        if donation.paid_at is not None:
            raise forms.ValidationError(
                gettext_lazy("This transfer is marked received already."), code="paid"
            )
        self.donation = donation
        return reference

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(gettext_lazy("The day lies in the future."), code="future")
        return received_on

    def received_at(self, *, now: datetime) -> datetime:
        """Today: now; an earlier day: its start in Zurich, though never before the reader chose to give."""
        received_on = self.cleaned_data["received_on"]
        if received_on >= timezone.localdate(now):
            return now
        day = datetime.combine(received_on, time.min, tzinfo=timezone.get_default_timezone())
        return max(day, self.donation.created_at)


def _credits_to_look_at():
    return (
        BankCredit.objects.to_look_at().select_related("donation", "imported").order_by("-booked_on", "-pk")
    )


@change_required
def bank_import(request):
    """Upload the bank's camt.054 file; the credits it brought that need a person, and the last imports."""
    form = CamtUploadForm(request.POST, request.FILES) if request.method == "POST" else CamtUploadForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imported = services.camt_import(
                data=upload.read(camt.MAX_BYTES + 1),
                filename=upload.name or "",
                by=request.user,
                now=timezone.now(),
            )
        except camt.CamtError as error:
            form.add_error("file", error.message)
        else:
            messages.success(
                request,
                _("%(file)s: %(new)s new credits, %(known)s known already.")
                % {"file": imported.filename, "new": imported.credits_new, "known": imported.credits_known},
            )
            return redirect(f"{reverse('donations_admin:bank_import')}?import={imported.pk}")
    elif request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    shown = request.GET.get("import", "")
    shown_import = None
    if shown.isdigit() and len(shown) < 19:
        shown_import = BankImport.objects.filter(pk=int(shown)).first()
    imports = BankImport.objects.select_related("imported_by").order_by("-imported_at", "-pk")
    return TemplateResponse(
        request,
        "donations/admin/bank_import.html",
        {
            "page_title": _("Bank files"),
            "header_icon": "doc-full",
            "form": form,
            "shown_import": shown_import,
            "shown_credits": shown_import.credits.select_related("donation").order_by("pk")
            if shown_import
            else [],
            "page_obj": Paginator(_credits_to_look_at(), BANK_PER_PAGE).get_page(request.GET.get("p")),
            "imports": imports[:RECENT_IMPORTS],
            "looked_at": BankCredit.objects.looked_at()
            .select_related("donation", "looked_at_by")
            .order_by("-looked_at", "-pk")[:RECENT_LOOKED_AT],
            "received_url": reverse("donations_admin:bank_received"),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@change_required
def bank_credit_resolve(request, pk: int):
    credit = get_object_or_404(BankCredit, pk=pk)
    credit = services.bank_credit_resolve(credit=credit, by=request.user, now=timezone.now())
    messages.success(
        request,
        _("Credit of %(currency)s %(amount)s marked looked at.")
        % {"currency": credit.currency, "amount": credit.amount},
    )
    return redirect("donations_admin:bank_import")


@change_required
def bank_received(request):
    """Mark a bank transfer received by its reference; the transfers still awaited, newest first."""
    if request.method == "POST":
        form = BankReceivedForm(request.POST)
    else:
        # A row's link fills the form in; nothing is written by a GET.
        initial = {"received_on": timezone.localdate()}
        for name in ("reference", "amount"):
            if value := request.GET.get(name, "")[:40]:
                initial[name] = value
        form = BankReceivedForm(initial=initial)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            donation = services.bank_transfer_received(
                donation=form.donation,
                amount=form.cleaned_data["amount"],
                at=form.received_at(now=now),
                by=request.user,
            )
        except services.BankError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Transfer %(reference)s marked received: CHF %(amount)s.")
                % {"reference": bank.reference_formatted(donation.reference), "amount": donation.amount},
            )
            return redirect("donations_admin:bank_received")
    elif request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    awaited = (
        Donation.objects.by_bank().filter(status=Status.PENDING, paid_at=None).order_by("-created_at", "-pk")
    )
    return TemplateResponse(
        request,
        "donations/admin/bank_received.html",
        {
            "page_title": _("Mark a transfer received"),
            "header_icon": "tick",
            "form": form,
            "page_obj": Paginator(awaited, BANK_PER_PAGE).get_page(request.GET.get("p")),
            "import_url": reverse("donations_admin:bank_import"),
        },
        status=400 if form.errors else 200,
    )
