"""What the donations brought, for the newsroom: net totals per day and month, by method and article,
the monthly donors, and the list of donations with its CSV export.

Every figure is an aggregate the database computes (GROUP BY, filtered counts and sums), so the report
runs the same queries with ten donations or a hundred thousand. A donation counts on the day it was
paid (``paid_at``), net of what was refunded of it since; pending, failed and disputed payments count
nothing (as ``DonationQuerySet.net_total``). Days and months are the newsroom's (Europe/Zurich): a
period runs from local midnight to local midnight, whatever the clocks did in between. Every read
takes ``now``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kiosk.newsroom import formatting
from kiosk.newsroom.charts import Chart, bar_chart

from .models import Donation, Method, MonthlyDonation, Status
from .rules import chf

ZURICH = formatting.NEWSROOM_TZ
DAYS = 30
MONTHS = 12
TOP_ARTICLES = 20
# The monthly donors listed by name on the report; the count and the sum cover them all.
MONTHLY_SHOWN = 50
# Sums of many amounts: wider than one amount's column.
MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


# Periods ------------------------------------------------------------------------------------


def midnight(day: date) -> datetime:
    """Local midnight of a Zurich day: it always exists, once (the clocks change at 02:00 and 03:00)."""
    return datetime.combine(day, dt.time.min, tzinfo=ZURICH)


def _month_after(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Period:
    """Whole Zurich calendar days, ``first`` to ``last`` (both included)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("A period cannot end before it begins.")

    @property
    def start(self) -> datetime:
        return midnight(self.first)

    @property
    def end(self) -> datetime:
        """Midnight after the last day: the first moment outside the period."""
        return midnight(self.last + timedelta(days=1))

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def months(self) -> list[date]:
        """The 1st of every month the period touches."""
        months, month = [], self.first.replace(day=1)
        while month <= self.last:
            months.append(month)
            month = _month_after(month)
        return months

    @classmethod
    def last_days(cls, *, now: datetime, days: int = DAYS) -> Period:
        """Today in Zurich and the days before it: ``days`` in all."""
        today = now.astimezone(ZURICH).date()
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def last_months(cls, *, now: datetime, months: int = MONTHS) -> Period:
        """This month in Zurich (up to today) and the whole months before it: ``months`` in all."""
        today = now.astimezone(ZURICH).date()
        first = today.replace(day=1)
        for _month in range(months - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        return cls(first, today)


def _paid_in(period: Period, *, now: datetime) -> QuerySet[Donation]:
    return Donation.objects.paid().filter(paid_at__gte=period.start, paid_at__lt=period.end, paid_at__lte=now)


def _net() -> Sum:
    return Sum(F("amount") - F("refunded_amount"), output_field=MONEY)


def _money(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(Decimal("0.01"))


def _local_date(value: date | datetime) -> date:
    # TruncMonth answers an aware datetime (the local 1st, 00:00); TruncDate a date.
    return value.astimezone(ZURICH).date() if isinstance(value, datetime) else value


# Net per day and month ----------------------------------------------------------------------


@dataclass(frozen=True)
class Net:
    """What one day or month brought: paid donations, net of refunds."""

    start: date  # the day, or the 1st of the month
    count: int
    net: Decimal


def _grouped(queryset: QuerySet[Donation], bucket) -> dict[date, tuple[int, Decimal]]:
    rows = (
        queryset.annotate(bucket=bucket)
        .values("bucket")
        .annotate(n=Count("pk"), net=_net())
        .order_by()
        .values_list("bucket", "n", "net")
    )
    return {_local_date(bucket): (n, _money(net)) for bucket, n, net in rows}


def net_per_day(*, now: datetime, period: Period) -> list[Net]:
    """Every Zurich day of the period, empty days as 0, oldest first; one query."""
    counted = _grouped(_paid_in(period, now=now), TruncDate("paid_at", tzinfo=ZURICH))
    return [Net(day, *counted.get(day, (0, ZERO))) for day in period.days()]


def net_per_month(*, now: datetime, period: Period) -> list[Net]:
    """Every Zurich month the period touches, empty months as 0, oldest first; one query."""
    counted = _grouped(_paid_in(period, now=now), TruncMonth("paid_at", tzinfo=ZURICH))
    return [Net(month, *counted.get(month, (0, ZERO))) for month in period.months()]


# By method and article ----------------------------------------------------------------------


@dataclass(frozen=True)
class MethodTotal:
    method: str
    label: str | Promise
    count: int
    net: Decimal


def by_method(*, now: datetime, period: Period) -> list[MethodTotal]:
    """Paid donations of the period per method: card, TWINT, bank transfer (each listed, 0 too)."""
    counted = {
        method: (n, _money(net))
        for method, n, net in _paid_in(period, now=now)
        .values("method")
        .annotate(n=Count("pk"), net=_net())
        .order_by()
        .values_list("method", "n", "net")
    }
    labels = dict(Method.choices)
    methods = [MethodTotal(value, label, *counted.pop(value, (0, ZERO))) for value, label in labels.items()]
    # A paid donation whose method the provider never named still counts, under «unknown».
    methods += [MethodTotal(value, value or _("unknown"), n, net) for value, (n, net) in counted.items()]
    return methods


@dataclass(frozen=True)
class ArticleTotal:
    article_id: int
    title: str
    count: int
    net: Decimal

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=(self.article_id,))

    @property
    def donations_url(self) -> str:
        return f"{reverse('donations_admin:list')}?{urlencode({'article': self.article_id})}"


def by_article(*, now: datetime, period: Period, limit: int = TOP_ARTICLES) -> list[ArticleTotal]:
    """The articles whose readers gave most in the period, with what they gave; one query."""
    rows = (
        _paid_in(period, now=now)
        .filter(article__isnull=False)
        .values("article", "article__title")
        .annotate(n=Count("pk"), net=_net())
        .order_by("-net", "-n", "article")
        .values_list("article", "article__title", "n", "net")[:limit]
    )
    return [ArticleTotal(pk, title, n, _money(net)) for pk, title, n, net in rows]


# Monthly donors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Recurring:
    running: int  # monthly donations running now
    monthly_sum: Decimal  # what they bring each month
    donors: list[MonthlyDonation]  # the newest MONTHLY_SHOWN of them
    cancelled: int  # cancelled in the period
    cancelled_donors: list[MonthlyDonation]  # the latest MONTHLY_SHOWN of those

    @property
    def more(self) -> int:
        return self.running - len(self.donors)

    @property
    def cancelled_more(self) -> int:
        return self.cancelled - len(self.cancelled_donors)


def recurring(*, now: datetime, period: Period) -> Recurring:
    """The monthly donations running now (count, monthly sum, newest first) and those cancelled in the
    period; three queries."""
    running = Q(stripe_subscription_id__isnull=False, canceled_at=None)
    cancelled = Q(
        stripe_subscription_id__isnull=False,
        canceled_at__gte=period.start,
        canceled_at__lt=period.end,
        canceled_at__lte=now,
    )
    totals = MonthlyDonation.objects.aggregate(
        running=Count("pk", filter=running),
        monthly_sum=Coalesce(Sum("amount", filter=running), ZERO, output_field=MONEY),
        cancelled=Count("pk", filter=cancelled),
    )
    fields = ("amount", "name", "email", "created_at", "started_at", "canceled_at")
    return Recurring(
        running=totals["running"],
        monthly_sum=_money(totals["monthly_sum"]),
        donors=list(
            MonthlyDonation.objects.running().only(*fields).order_by("-started_at", "-pk")[:MONTHLY_SHOWN]
        ),
        cancelled=totals["cancelled"],
        cancelled_donors=list(
            MonthlyDonation.objects.filter(cancelled)
            .only(*fields)
            .order_by("-canceled_at", "-pk")[:MONTHLY_SHOWN]
        ),
    )


# Payments that brought nothing (yet) --------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str | Promise
    count: int

    @property
    def donations_url(self) -> str:
        return f"{reverse('donations_admin:list')}?{urlencode({'status': self.status})}"


def status_counts(*, now: datetime, period: Period) -> list[StatusCount]:
    """How many donations begun in the period are pending, failed, refunded or disputed now; one query."""
    wanted = [Status.PENDING, Status.FAILED, Status.REFUNDED, Status.DISPUTED]
    counts = Donation.objects.filter(
        created_at__gte=period.start, created_at__lt=period.end, created_at__lte=now
    ).aggregate(**{status.value: Count("pk", filter=Q(status=status)) for status in wanted})
    return [StatusCount(status.value, status.label, counts[status.value]) for status in wanted]


# Bar charts of amounts ---------------------------------------------------------------------


def _amount_chart(
    values: Sequence[Net], *, label: Callable[[date], str], tick: Callable[[int, date], str | None]
) -> Chart[Net]:
    return bar_chart(
        values,
        value=lambda v: v.net,
        label=lambda v: label(v.start),
        shown=chf,
        tick=lambda i, v: tick(i, v.start),
        # Whole francs beside the scale, without the currency (the chart's title names it);
        # at least 10 francs, so its half is whole.
        scale_label=formatting.number,
        least=10,
        left=64,
        gap=4.0,
    )


def days_chart(days: Sequence[Net]) -> Chart[Net]:
    """Days, a tick under every Monday (and the first day) with its date."""
    return _amount_chart(
        days,
        label=formatting.local_date,
        tick=lambda i, day: f"{day:%d.%m.}" if day.weekday() == 0 or i == 0 else None,
    )


def months_chart(months: Sequence[Net]) -> Chart[Net]:
    """Months, each ticked as 09.2023."""
    return _amount_chart(months, label=formatting.month_year, tick=lambda i, month: f"{month:%m.%Y}")


# The whole report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    now: datetime
    period: Period
    days: Chart
    months: Chart
    methods: list[MethodTotal]
    articles: list[ArticleTotal]
    recurring: Recurring
    statuses: list[StatusCount]

    @property
    def paid(self) -> int:
        return sum(method.count for method in self.methods)

    @property
    def net(self) -> Decimal:
        return sum((method.net for method in self.methods), ZERO)


def report(*, now: datetime, period: Period) -> Report:
    """Everything the report page shows, in eight queries whatever the number of donations.

    The charts always show the last 30 days and the last 12 months; the tables, ``period``.
    """
    return Report(
        now=now,
        period=period,
        days=days_chart(net_per_day(now=now, period=Period.last_days(now=now))),
        months=months_chart(net_per_month(now=now, period=Period.last_months(now=now))),
        methods=by_method(now=now, period=period),
        articles=by_article(now=now, period=period),
        recurring=recurring(now=now, period=period),
        statuses=status_counts(now=now, period=period),
    )


# The list of donations and its export -------------------------------------------------------


@dataclass(frozen=True)
class DonationFilter:
    """What the list shows: every field None for every donation. The period is when they were begun."""

    status: str | None = None
    method: str | None = None
    period_first: date | None = None
    period_last: date | None = None
    article_id: int | None = None

    def as_log(self) -> dict[str, str]:
        """The filters someone exported with, for the log."""
        return {name: str(value) for name, value in vars(self).items() if value is not None}


def donations_listed(wanted: DonationFilter) -> QuerySet[Donation]:
    """The donations ``wanted`` names, newest first, with their article's title (``article_title``)
    and the monthly donation's subscription id, joined in the same query."""
    donations = Donation.objects.annotate(
        article_title=F("article__title"), subscription_id=F("monthly__stripe_subscription_id")
    )
    if wanted.status:
        donations = donations.filter(status=wanted.status)
    if wanted.method is not None:
        donations = donations.filter(method=wanted.method)
    if wanted.period_first:
        donations = donations.filter(created_at__gte=midnight(wanted.period_first))
    if wanted.period_last:
        donations = donations.filter(created_at__lt=midnight(wanted.period_last + timedelta(days=1)))
    if wanted.article_id:
        donations = donations.filter(article_id=wanted.article_id)
    return donations.order_by("-created_at", "-pk")


# A cell a spreadsheet would read as a formula (or a DDE command) when it begins with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell as text: an apostrophe before a leading =, +, -, @, tab or carriage return (OWASP)."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def export_header() -> list[str]:
    return [
        gettext("Date"),
        gettext("Paid"),
        gettext("Amount"),
        gettext("Refunded"),
        gettext("Currency"),
        gettext("Method"),
        gettext("Status"),
        gettext("Monthly"),
        gettext("Name"),
        gettext("E-mail"),
        gettext("Article"),
        gettext("Reference"),
        gettext("Stripe checkout session"),
        gettext("Stripe payment intent"),
        gettext("Stripe invoice"),
        gettext("Stripe subscription"),
    ]


EXPORT_FIELDS = (
    "created_at",
    "paid_at",
    "amount",
    "refunded_amount",
    "currency",
    "method",
    "status",
    "monthly_id",
    "name",
    "email",
    "article_title",
    "reference",
    "stripe_checkout_session_id",
    "stripe_payment_intent_id",
    "stripe_invoice_id",
    "subscription_id",
)


def export_rows(donations: QuerySet[Donation]) -> Iterator[list[str]]:
    """The header, then one row per donation, read in chunks (one query per 2,000 rows on SQLite, a
    server-side cursor on PostgreSQL). Times in Zurich (13.09.2023 10:36), amounts as 1250.50
    (numbers a spreadsheet reads), every text cell made safe from formula injection."""
    yield export_header()
    methods, statuses = dict(Method.choices), dict(Status.choices)
    yes, no = gettext("yes"), gettext("no")
    rows: Iterable[tuple] = donations.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000)
    for (
        created_at,
        paid_at,
        amount,
        refunded,
        currency,
        method,
        status,
        monthly_id,
        *texts,
    ) in rows:
        yield [
            formatting.date_time(created_at),
            formatting.date_time(paid_at) if paid_at else "",
            f"{amount:.2f}" if amount is not None else "",
            f"{refunded:.2f}" if refunded else "",
            currency,
            str(methods.get(method, method)),
            str(statuses.get(status, status)),
            yes if monthly_id else no,
            *(spreadsheet_safe(text or "") for text in texts),
        ]
