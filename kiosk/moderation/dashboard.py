"""The desk's dashboard: the queue now, how fast the desk decides, who decided, when readers write.

Every figure is an aggregate the database computes (GROUP BY, filtered counts), so the page runs
the same seven queries at most with a hundred comments or a hundred thousand; Python only looks at
grouped rows (at most one per minute of waiting, per hour, per reason, per moderator). The one
read whose cost grows with the month, the waits before today, is kept a quarter of an hour in the
shared cache.
Calendar periods are the newsroom's (Europe/Zurich): today since local midnight, the week since
Monday 00:00, the month since the 1st. Every read takes ``now``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import NotSupportedError
from django.db.models import Count, F, Func, IntegerField, Min, Q
from django.db.models.functions import TruncHour
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kiosk.comments.models import Comment, Report
from kiosk.newsroom import formatting
from kiosk.newsroom.charts import Chart, bar_chart

HOURS = 48
BUSIEST = 10
REPORT_SPAN = timedelta(days=30)
BUSY_SPAN = timedelta(hours=24)
# Waits are counted per whole minute up to a week; longer ones share the last bucket. The
# desk reads these figures in minutes (formatting.duration rounds to them), a minute bucket
# keeps the grouped rows few (one per distinct minute, never more than 10,081) for all three
# periods in one scan, and percentiles from bucket midpoints are within 30 seconds of
# PostgreSQL's percentile_cont on the exact durations (each duration moves by at most half a
# bucket, so each order statistic and their interpolation do too), on SQLite as on PostgreSQL.
WAIT_CAP_MINUTES = 7 * 24 * 60
WAIT_CAP = timedelta(minutes=WAIT_CAP_MINUTES)
# Decisions of the days before today change only when an old comment is decided again (it then
# counts twice until the entry retires) or deleted: a quarter of an hour in the shared cache
# spares most requests the month's scan, whose cost grows with the month's decisions.
CLOSED_WAITS_LIFETIME = 15 * 60
# formatting.duration never says less than two minutes (right for readers); the desk is told.
QUICK = timedelta(minutes=2)


class WaitMinutes(Func):
    """Whole minutes from the first time to the second, between 0 and WAIT_CAP_MINUTES.

    Written per database: SQLite has no interval type (Django's own subtraction there is a
    Python function per row); PostgreSQL subtracts timestamps exactly.
    """

    arity = 2
    output_field = IntegerField()

    def _sides(self, compiler, connection):
        (start, start_params), (end, end_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return start, end, (*start_params, *end_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        start, end, params = self._sides(compiler, connection)
        # Datetimes are stored as UTC text; strftime('%s') gives whole seconds as integers (exact,
        # unlike julianday's floating point), so integer division floors to the minute. The
        # percent sign is doubled for Django's parameter style.
        seconds = f"(CAST(strftime('%%s', {end}) AS INTEGER) - CAST(strftime('%%s', {start}) AS INTEGER))"
        return f"MIN(MAX({seconds} / 60, 0), {WAIT_CAP_MINUTES})", params

    def as_postgresql(self, compiler, connection, **extra_context):
        start, end, params = self._sides(compiler, connection)
        # date_part gives double precision (exact to the microsecond for any wait here); EXTRACT
        # answers numeric since PostgreSQL 14, which made the month's scan 1.5 times as long.
        minutes = f"FLOOR(date_part('epoch', {end} - {start}) / 60)::integer"
        return f"LEAST(GREATEST({minutes}, 0), {WAIT_CAP_MINUTES})", params

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError("The dashboard's waiting times are written for SQLite and PostgreSQL.")


# Calendar periods ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Periods:
    today: datetime
    week: datetime
    month: datetime


def _utc(value: datetime) -> datetime:
    # Arithmetic on two times of one zone is wall-clock arithmetic in Python: 24 hours back from
    # a Zurich time would be 23 or 25 real hours on the nights the clocks change.
    return value.astimezone(dt.UTC)


def _midnight(day: dt.date) -> datetime:
    # Zurich changes its clocks at 02:00 and 03:00: local midnight always exists, once.
    return datetime.combine(day, dt.time.min, tzinfo=formatting.NEWSROOM_TZ)


def periods(*, now: datetime) -> Periods:
    """Where today, this week (from Monday) and this month begin, in Europe/Zurich."""
    day = now.astimezone(formatting.NEWSROOM_TZ).date()
    return Periods(
        today=_midnight(day),
        week=_midnight(day - timedelta(days=day.weekday())),
        month=_midnight(day.replace(day=1)),
    )


# Time to decision ---------------------------------------------------------------------------


def percentile(histogram: Sequence[tuple[int, int]], fraction: float) -> timedelta | None:
    """The ``fraction`` percentile (0.5: the median) of waits given as (minute, how many) rows.

    Each wait counts as the middle of its minute, then interpolated between neighbours as
    percentile_cont does; a wait in the last bucket counts as WAIT_CAP, so such a result is a
    lower bound. None without any wait.
    """
    rows = sorted((minute, count) for minute, count in histogram if count > 0)
    total = sum(count for _, count in rows)
    if not total:
        return None
    position = (total - 1) * fraction
    below, above = math.floor(position), math.ceil(position)

    def nth(index: int) -> float:
        seen = 0
        for minute, count in rows:
            seen += count
            if index < seen:
                return float(WAIT_CAP_MINUTES) if minute >= WAIT_CAP_MINUTES else minute + 0.5
        raise AssertionError("index beyond the histogram")

    low, high = nth(below), nth(above)
    return timedelta(minutes=low + (position - below) * (high - low))


def waited(value: timedelta | None) -> str:
    """A wait in words for the desk: ``20 Minuten``; «under 2 minutes» and «over 7 days» at the ends."""
    if value is None:
        return "–"
    if value < QUICK:
        return gettext("under 2 minutes")
    if value >= WAIT_CAP:
        return gettext("over %(duration)s") % {"duration": formatting.duration(WAIT_CAP)}
    return formatting.duration(value)


@dataclass(frozen=True)
class Timing:
    """Moderators' decisions in a period and how long comments waited for them."""

    label: str | Promise
    since: datetime
    decisions: int
    median: timedelta | None
    p90: timedelta | None

    @property
    def median_shown(self) -> str:
        return waited(self.median)

    @property
    def p90_shown(self) -> str:
        return waited(self.p90)


def closed_waits_key(starts: Periods) -> str:
    """The shared-cache key of the waits decided this week and this month before today."""
    return f"moderation:dashboard:waits:{starts.today:%Y-%m-%d}"


def timings(*, now: datetime) -> list[Timing]:
    """Median and 90th percentile of the time to a moderator's decision: today, this week, this month.

    One query: the waits of every decision since the earlier of Monday and the 1st, grouped by
    minute, each period a filtered count; the days before today are then kept in the shared
    cache (CLOSED_WAITS_LIFETIME), and while they are, the query reads today's decisions only.
    Rejections by the checks (no moderator) are left out.
    """
    starts = periods(now=now)
    key = closed_waits_key(starts)
    closed = cache.get(key)
    spans = {"today": starts.today, "week": starts.week, "month": starts.month}
    rows = list(
        Comment.objects.filter(
            moderated_by__isnull=False,
            moderated_at__gte=starts.today if closed is not None else min(starts.week, starts.month),
            moderated_at__lte=now,
        )
        .annotate(minute=WaitMinutes(F("created_at"), F("moderated_at")))
        .values("minute")
        .annotate(**{name: Count("pk", filter=Q(moderated_at__gte=since)) for name, since in spans.items()})
        .order_by()
        .values_list("minute", *spans)
    )
    if closed is None:
        closed = {
            "week": [(minute, week - today) for minute, today, week, _ in rows if week > today],
            "month": [(minute, month - today) for minute, today, _, month in rows if month > today],
        }
        cache.set(key, closed, CLOSED_WAITS_LIFETIME)
    today = [(minute, count) for minute, count, _, _ in rows if count]
    histograms = {"today": today, "week": today + closed["week"], "month": today + closed["month"]}
    labels = {"today": _("Today"), "week": _("This week"), "month": _("This month")}
    return [
        Timing(
            label=labels[name],
            since=since,
            decisions=sum(count for _, count in histograms[name]),
            median=percentile(histograms[name], 0.5),
            p90=percentile(histograms[name], 0.9),
        )
        for name, since in spans.items()
    ]


# Who decided --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModeratorDecisions:
    username: str
    approved: int
    rejected: int

    @property
    def total(self) -> int:
        return self.approved + self.rejected


def decisions(*, now: datetime) -> tuple[list[ModeratorDecisions], int]:
    """This week's decisions per moderator, most first, and how many the checks decided alone.

    A decision is a rejection when it gave a reason (comment_reject always does, comment_approve
    clears it), which still holds once the author has withdrawn the comment. The checks' rejections
    are the decided comments without a moderator (so are those of a moderator deleted since).
    """
    rows = (
        Comment.objects.filter(moderated_at__gte=periods(now=now).week, moderated_at__lte=now)
        .values("moderated_by", "moderated_by__username")
        .annotate(
            approved=Count("pk", filter=Q(rejection_reason="")),
            rejected=Count("pk", filter=~Q(rejection_reason="")),
        )
        .order_by()
    )
    moderators, by_checks = [], 0
    for row in rows:
        if row["moderated_by"] is None:
            by_checks += row["approved"] + row["rejected"]
        else:
            moderators.append(
                ModeratorDecisions(row["moderated_by__username"], row["approved"], row["rejected"])
            )
    moderators.sort(key=lambda m: (-m.total, m.username))
    return moderators, by_checks


# Comments per hour --------------------------------------------------------------------------


@dataclass(frozen=True)
class HourCount:
    start: datetime  # aware, on the hour
    count: int


def comments_per_hour(*, now: datetime) -> list[HourCount]:
    """Comments written in each of the last 48 hours, the current (unfinished) hour last, empty hours as 0.

    Hours are cut in UTC: Zurich's offsets are whole hours, so they are Zurich's hours too,
    including the nights the clocks change (one hour fewer or one more on the local axis).
    """
    current = _utc(now).replace(minute=0, second=0, microsecond=0)
    first = current - timedelta(hours=HOURS - 1)
    counted = dict(
        Comment.objects.filter(created_at__gte=first, created_at__lte=now)
        .annotate(hour=TruncHour("created_at", tzinfo=dt.UTC))
        .values("hour")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("hour", "n")
    )
    hours = [first + timedelta(hours=i) for i in range(HOURS)]
    return [HourCount(start=hour, count=counted.get(hour, 0)) for hour in hours]


def hours_chart(hours: Sequence[HourCount], **geometry: float) -> Chart[HourCount]:
    """Comments per hour, ticked every six local hours (the date at midnight)."""

    def tick(_index: int, hour: HourCount) -> str | None:
        local = hour.start.astimezone(formatting.NEWSROOM_TZ)
        if local.hour % 6:
            return None
        return formatting.local_date(hour.start) if local.hour == 0 else f"{local:%H}:00"

    return bar_chart(
        hours,
        value=lambda hour: hour.count,
        label=lambda hour: formatting.local_datetime(hour.start),
        shown=formatting.number,
        tick=tick,
        **geometry,
    )


# Reports and articles -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReasonCount:
    reason: str
    label: str | Promise
    count: int


def reports_by_reason(*, now: datetime) -> list[ReasonCount]:
    """Readers' reports of the last 30 days per reason, most first; every reason listed, 0 too."""
    counted = dict(
        Report.objects.filter(created_at__gt=_utc(now) - REPORT_SPAN, created_at__lte=now)
        .values("reason")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("reason", "n")
    )
    labels = dict(Report.Reason.choices)
    reasons = [ReasonCount(value, labels[value], counted.pop(value, 0)) for value in labels]
    # A reason no longer offered still counts, under its stored value.
    reasons += [ReasonCount(value, value, n) for value, n in counted.items()]
    return sorted(reasons, key=lambda r: -r.count)  # stable: equals keep the choices' order


@dataclass(frozen=True)
class BusyArticle:
    article_id: int
    title: str
    comments: int  # written in the last 24 hours
    waiting: int  # awaiting review now, however old

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=(self.article_id,))


def busiest_articles(*, now: datetime) -> list[BusyArticle]:
    """The ten articles with the most comments in the last 24 hours, with what waits on each.

    Two queries: the counts and titles from the comments of the last day (the created_at
    index), then what awaits review on those ten only, however old (the queue's indexes).
    """
    recent = list(
        Comment.objects.filter(created_at__gt=_utc(now) - BUSY_SPAN, created_at__lte=now)
        .values("article", "article__title")
        .annotate(n=Count("pk"))
        .order_by("-n", "article")
        .values_list("article", "article__title", "n")[:BUSIEST]
    )
    if not recent:
        return []
    waiting = dict(
        Comment.objects.awaiting_review()
        .filter(article__in=[pk for pk, _title, _n in recent])
        .values("article")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("article", "n")
    )
    return [BusyArticle(pk, title, n, waiting.get(pk, 0)) for pk, title, n in recent]


# The whole page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    now: datetime
    pending: int
    oldest_pending_at: datetime | None
    timings: list[Timing]
    moderators: list[ModeratorDecisions]
    by_checks: int
    hours: Chart
    reasons: list[ReasonCount]
    busiest: list[BusyArticle]

    @property
    def oldest_wait(self) -> timedelta | None:
        return _utc(self.now) - self.oldest_pending_at if self.oldest_pending_at else None

    @property
    def oldest_wait_shown(self) -> str:
        return waited(self.oldest_wait)

    @property
    def reports(self) -> int:
        return sum(reason.count for reason in self.reasons)


def dashboard(*, now: datetime) -> Dashboard:
    """Everything the dashboard shows, in at most seven queries whatever the number of comments."""
    queue = Comment.objects.awaiting_review().aggregate(n=Count("pk"), oldest=Min("created_at"))
    moderators, by_checks = decisions(now=now)
    return Dashboard(
        now=now,
        pending=queue["n"],
        oldest_pending_at=queue["oldest"],
        timings=timings(now=now),
        moderators=moderators,
        by_checks=by_checks,
        hours=hours_chart(comments_per_hour(now=now)),
        reasons=reports_by_reason(now=now),
        busiest=busiest_articles(now=now),
    )
