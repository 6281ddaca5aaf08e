"""The desk's dashboard: its rules with ``now`` passed in, who may open it, and its fixed number of queries."""

import random
import re
import statistics
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from kiosk.comments.models import Comment, Report
from kiosk.comments.tests.factories import CommenterFactory, ReportFactory
from kiosk.moderation import dashboard as desk
from kiosk.news.tests.factories import ArticlePageFactory

ZURICH = ZoneInfo("Europe/Zurich")
URL = reverse("moderation_admin:dashboard")
# A Wednesday whose week began in the month before: Monday 30.09., the month on Tuesday 01.10.
NOW = datetime(2024, 10, 2, 12, 20, tzinfo=ZURICH)


def local(*args) -> datetime:
    return datetime(*args, tzinfo=ZURICH)


def comment(article, *, written: datetime, status: str = Comment.Status.PENDING, **fields) -> Comment:
    return Comment.objects.create(
        article=article,
        author=fields.pop("author", None),
        text="Ein Kommentar",
        html="<p>Ein Kommentar</p>",
        status=status,
        created_at=written,
        published_at=written if status == Comment.Status.PUBLISHED else None,
        **fields,
    )


def decided(article, moderator, *, at: datetime, waited: timedelta, rejected: bool = False, **fields):
    """A comment a moderator (or, with ``moderator=None``, the checks) decided at ``at``."""
    status = Comment.Status.REJECTED if rejected else Comment.Status.PUBLISHED
    return comment(
        article,
        written=at.astimezone(UTC) - waited,  # real time, not the wall clock's
        status=fields.pop("status", status),
        moderated_at=at,
        moderated_by=moderator,
        rejection_reason="insult" if rejected else "",
        **fields,
    )


def exact_percentile(values: list[float], fraction: float) -> float:
    """percentile_cont, as PostgreSQL computes it."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


@pytest.fixture
def desk_moderator(db):
    """A moderator as the newsroom makes one: in the group "Moderation", no superuser."""
    group, _ = Group.objects.get_or_create(name="Moderation")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["comments", "wagtailadmin"],
            codename__in=["change_comment", "view_comment", "access_admin"],
        )
    )
    user = CommenterFactory(username="moderatorin", is_staff=True)
    user.groups.add(group)
    return user


# Calendar periods ---------------------------------------------------------------------------


def test_today_the_week_and_the_month_begin_at_local_midnight():
    starts = desk.periods(now=NOW)
    assert starts == desk.Periods(today=local(2024, 10, 2), week=local(2024, 9, 30), month=local(2024, 10, 1))
    assert starts.today.astimezone(UTC) == datetime(2024, 10, 1, 22, tzinfo=UTC)


def test_the_local_date_decides_not_the_utc_one():
    # Sunday 23:30 in UTC is already Monday 01:30 in Zurich: a new day, a new week.
    starts = desk.periods(now=datetime(2024, 9, 29, 23, 30, tzinfo=UTC))
    assert starts.today == starts.week == local(2024, 9, 30)
    assert starts.month == local(2024, 9, 1)


def test_on_the_day_the_clocks_go_forward_the_day_is_23_hours_long():
    now = local(2024, 3, 31, 12, 0)  # CEST since 03:00; midnight was still CET
    starts = desk.periods(now=now)
    assert starts.today.astimezone(UTC) == datetime(2024, 3, 30, 23, tzinfo=UTC)
    assert now.astimezone(UTC) - starts.today == timedelta(hours=11)
    assert starts.week.astimezone(UTC) == datetime(2024, 3, 24, 23, tzinfo=UTC)
    # The next week and month begin at midnight summer time, an hour earlier in UTC.
    after = desk.periods(now=local(2024, 4, 2, 9))
    assert after.week == after.month == local(2024, 4, 1)
    assert after.week.astimezone(UTC) == datetime(2024, 3, 31, 22, tzinfo=UTC)


def test_on_the_day_the_clocks_go_back_midnight_is_still_summer_time():
    starts = desk.periods(now=local(2024, 10, 27, 23, 59))
    assert starts.today.astimezone(UTC) == datetime(2024, 10, 26, 22, tzinfo=UTC)
    assert local(2024, 10, 27, 23, 59).astimezone(UTC) - starts.today == timedelta(hours=24, minutes=59)


# Percentiles --------------------------------------------------------------------------------


def test_percentiles_of_nothing_are_none():
    assert desk.percentile([], 0.5) is None
    assert desk.percentile([(3, 0)], 0.9) is None


def test_each_wait_counts_as_the_middle_of_its_minute_interpolated_like_percentile_cont():
    assert desk.percentile([(14, 1)], 0.5) == timedelta(minutes=14, seconds=30)
    assert desk.percentile([(14, 1)], 0.9) == timedelta(minutes=14, seconds=30)
    # 10.5 and 20.5 minutes: the median halfway, the 90th percentile nine tenths of the way.
    assert desk.percentile([(20, 1), (10, 1)], 0.5) == timedelta(minutes=15, seconds=30)
    assert desk.percentile([(10, 1), (20, 1)], 0.9) == timedelta(minutes=19, seconds=30)
    assert desk.percentile([(1, 3), (2, 1)], 0.5) == timedelta(minutes=1, seconds=30)


def test_percentiles_from_minutes_are_within_30_seconds_of_the_exact_ones():
    rng = random.Random(9)
    for _ in range(50):
        waits = [rng.lognormvariate(7, 1.3) for _ in range(rng.randint(1, 400))]  # seconds
        counted: dict[int, int] = {}
        for seconds in waits:
            counted[int(seconds // 60)] = counted.get(int(seconds // 60), 0) + 1
        histogram = [(minute, n) for minute, n in counted.items() if minute < desk.WAIT_CAP_MINUTES]
        waits = [s for s in waits if s < desk.WAIT_CAP.total_seconds()]
        for fraction in (0.5, 0.9):
            found = desk.percentile(histogram, fraction).total_seconds()
            assert abs(found - exact_percentile(waits, fraction)) <= 30


def test_waits_beyond_a_week_count_as_a_week_and_are_shown_as_more():
    histogram = [(5, 1), (desk.WAIT_CAP_MINUTES, 9)]
    assert desk.percentile(histogram, 0.9) == desk.WAIT_CAP
    with translation.override("en"):
        assert desk.waited(desk.WAIT_CAP) == "over 7 days"
        assert desk.waited(timedelta(seconds=50)) == "under 2 minutes"
        assert desk.waited(timedelta(minutes=20, seconds=30)) == "20 minutes"
        assert desk.waited(None) == "–"


# Time to decision and who decided -----------------------------------------------------------


def test_time_to_decision_per_period_counts_moderators_only(article, desk_moderator):
    for minutes in (10, 20, 30):  # today
        decided(article, desk_moderator, at=local(2024, 10, 2, 9), waited=timedelta(minutes=minutes))
    for minutes in (60, 120):  # yesterday, the 1st: this month and this week
        decided(article, desk_moderator, at=local(2024, 10, 1, 9), waited=timedelta(minutes=minutes))
    # Monday 30.09.: this week, not this month; Sunday before it: neither.
    decided(article, desk_moderator, at=local(2024, 9, 30, 0, 0), waited=timedelta(minutes=240))
    decided(article, desk_moderator, at=local(2024, 9, 29, 23, 59), waited=timedelta(minutes=5))
    # Rejected by the checks at once, and a decision after ``now``: left out.
    decided(article, None, at=local(2024, 10, 2, 9), waited=timedelta(0), rejected=True)
    decided(article, desk_moderator, at=local(2024, 10, 2, 12, 21), waited=timedelta(minutes=1))

    today, week, month = desk.timings(now=NOW)
    assert (today.since, week.since, month.since) == (
        local(2024, 10, 2),
        local(2024, 9, 30),
        local(2024, 10, 1),
    )
    assert (today.decisions, week.decisions, month.decisions) == (3, 6, 5)
    minutes = lambda m: timedelta(minutes=m)  # noqa: E731
    assert (today.median, today.p90) == (minutes(20.5), minutes(28.5))
    assert (month.median, month.p90) == (minutes(30.5), minutes(96.5))
    assert (week.median, week.p90) == (minutes(45.5), minutes(180.5))
    exact = [10, 20, 30, 60, 120, 240]
    assert abs(week.median - minutes(statistics.median(exact))) <= timedelta(seconds=30)


def test_a_wait_across_the_night_the_clocks_change_is_its_real_length(article, desk_moderator):
    # Written 01:30 winter time, decided 03:30 summer time: one hour, not two.
    decided(article, desk_moderator, at=local(2024, 3, 31, 3, 30), waited=timedelta(hours=1))
    [written] = Comment.objects.values_list("created_at", flat=True)
    assert written.astimezone(ZURICH) == local(2024, 3, 31, 1, 30)
    today, _week, _month = desk.timings(now=local(2024, 3, 31, 12))
    assert today.median == timedelta(minutes=60, seconds=30)


def test_a_wait_is_floored_to_its_minute_and_a_very_long_one_to_the_cap(article, desk_moderator):
    at = local(2024, 10, 2, 9)
    for wait in (timedelta(seconds=59), timedelta(minutes=2), timedelta(minutes=7, seconds=59)):
        decided(article, desk_moderator, at=at, waited=wait)
    decided(article, desk_moderator, at=local(2024, 10, 1, 9), waited=timedelta(days=9))
    today, _week, month = desk.timings(now=NOW)
    # 0.5, 2.5 and 7.5 minutes.
    assert (today.median, today.p90) == (timedelta(minutes=2.5), timedelta(minutes=6.5))
    assert month.decisions == 4
    assert desk.timings(now=local(2024, 10, 1, 12))[0].median == desk.WAIT_CAP


def test_the_days_before_today_are_read_once_then_kept_a_quarter_hour(
    article, desk_moderator, django_assert_num_queries
):
    yesterday, earlier_today = local(2024, 10, 1, 9), local(2024, 10, 2, 8)
    for at in (yesterday, earlier_today):
        decided(article, desk_moderator, at=at, waited=timedelta(minutes=10))
    with django_assert_num_queries(1):
        today, week, month = desk.timings(now=NOW)
    assert (today.decisions, week.decisions, month.decisions) == (1, 2, 2)
    # Kept: a decision back-dated to yesterday (only a re-decided or deleted comment changes a
    # closed day) shows once the entry retires; today's decisions are always read.
    decided(article, desk_moderator, at=yesterday, waited=timedelta(minutes=10))
    decided(article, desk_moderator, at=earlier_today, waited=timedelta(minutes=30))
    with django_assert_num_queries(1):
        today, week, month = desk.timings(now=NOW)
    assert (today.decisions, week.decisions, month.decisions) == (2, 3, 3)
    assert today.median == timedelta(minutes=20.5)
    key = desk.closed_waits_key(desk.periods(now=NOW))
    assert cache.get(key) == {"week": [(10, 1)], "month": [(10, 1)]}
    cache.delete(key)
    assert [t.decisions for t in desk.timings(now=NOW)] == [2, 4, 4]


def test_decisions_per_moderator_this_week_approvals_and_rejections_apart(article, desk_moderator):
    other = CommenterFactory(username="zweite", is_staff=True)
    monday = local(2024, 9, 30, 8)
    wait = timedelta(minutes=5)
    for _ in range(2):
        decided(article, desk_moderator, at=monday, waited=wait)
    decided(article, desk_moderator, at=monday, waited=wait, rejected=True)
    # Rejected, then withdrawn by its author: still a rejection.
    decided(article, desk_moderator, at=monday, waited=wait, rejected=True, status=Comment.Status.WITHDRAWN)
    decided(article, other, at=NOW - wait, waited=wait)
    decided(article, other, at=local(2024, 9, 29, 23), waited=wait, rejected=True)  # last week
    for _ in range(2):
        decided(article, None, at=monday, waited=timedelta(0), rejected=True)  # the banned words
    moderators, by_checks = desk.decisions(now=NOW)
    assert moderators == [
        desk.ModeratorDecisions("moderatorin", approved=2, rejected=2),
        desk.ModeratorDecisions("zweite", approved=1, rejected=0),
    ]
    assert by_checks == 2


# Comments per hour --------------------------------------------------------------------------


def test_comments_per_hour_over_48_hours_the_current_hour_last_empty_hours_zero(article):
    # NOW is 12:20 summer time (10:20 UTC): the first hour is Monday 13:00, the last today 12:00.
    for written in (
        local(2024, 9, 30, 12, 59, 59),  # before the 48 hours
        local(2024, 9, 30, 13, 0),
        local(2024, 10, 2, 10, 59, 59),
        local(2024, 10, 2, 12, 5),
        local(2024, 10, 2, 12, 20),
        local(2024, 10, 2, 12, 21),  # after now
    ):
        comment(article, written=written)
    hours = desk.comments_per_hour(now=NOW)
    assert len(hours) == 48
    assert hours[0].start == local(2024, 9, 30, 13)
    assert hours[-1].start == local(2024, 10, 2, 12)
    assert [h.start - hours[0].start for h in hours] == [timedelta(hours=i) for i in range(48)]
    counts = {i: h.count for i, h in enumerate(hours) if h.count}
    assert counts == {0: 1, 45: 1, 47: 2}


def test_on_the_night_the_clocks_go_forward_the_local_axis_skips_two_oclock(article):
    hours = desk.comments_per_hour(now=local(2024, 3, 31, 12, 30))
    labels = [bar.label for bar in desk.hours_chart(hours).bars]
    one = labels.index("31.03.2024, 01:00")
    assert labels[one + 1] == "31.03.2024, 03:00"
    assert len(set(labels)) == 48


def test_on_the_night_the_clocks_go_back_two_oclock_comes_twice(article):
    comment(article, written=datetime(2024, 10, 27, 0, 30, tzinfo=UTC))  # 02:30 summer time
    comment(article, written=datetime(2024, 10, 27, 1, 30, tzinfo=UTC))  # 02:30 winter time
    hours = desk.comments_per_hour(now=local(2024, 10, 27, 12))
    chart = desk.hours_chart(hours)
    twos = [bar for bar in chart.bars if bar.label == "27.10.2024, 02:00"]
    assert [bar.item.count for bar in twos] == [1, 1]
    assert twos[1].item.start - twos[0].item.start == timedelta(hours=1)


def test_the_chart_scales_to_a_round_top_and_places_bars_and_ticks():
    first = local(2024, 10, 1, 1)  # 01:00 local: the ticks fall on 06:00, 12:00, 18:00 and midnight
    counts = [0] * 48
    counts[0], counts[10] = 3, 7
    hours = [desk.HourCount(first + timedelta(hours=i), n) for i, n in enumerate(counts)]
    chart = desk.hours_chart(hours, width=720, height=200, left=40, right=4, top=10, bottom=24)
    assert len(chart.bars) == 48
    slot = 676 / 48
    assert chart.bars[0].x == 41.0
    assert chart.bars[0].width == round(slot - 2, 2)
    assert chart.bars[10].x == round(40 + 10 * slot + 1, 2)
    assert (chart.bars[10].y, chart.bars[10].height) == (round(176 - 116.2, 2), 116.2)  # 7 of a scale of 10
    assert chart.bars[0].height == round(166 * 0.3, 2)
    assert {bar.height for bar in chart.bars[1:10] + chart.bars[11:]} == {0}
    assert all(bar.y == chart.baseline == 176 for bar in chart.bars[1:10])
    assert [(line.value, line.y) for line in chart.gridlines] == [(0, 176), (5, 93), (10, 10)]
    assert [tick.label for tick in chart.ticks] == [
        "06:00", "12:00", "18:00", "02.10.2024", "06:00", "12:00", "18:00", "03.10.2024",
    ]  # fmt: skip
    assert chart.ticks[0].x == round(40 + 5 * slot + slot / 2, 2)
    assert (chart.total, chart.peak.item) == (10, hours[10])


def test_an_empty_chart_still_has_a_scale_and_no_peak():
    hours = [desk.HourCount(local(2024, 10, 1, 0) + timedelta(hours=i), 0) for i in range(48)]
    chart = desk.hours_chart(hours)
    assert chart.peak is None
    assert chart.total == 0
    assert [line.value for line in chart.gridlines] == [0, 1]
    assert {bar.height for bar in chart.bars} == {0}


# Reports and articles -----------------------------------------------------------------------


def test_reports_of_the_last_30_days_by_reason_with_labels(article):
    reported = comment(article, written=NOW - timedelta(days=40), status=Comment.Status.PUBLISHED)
    for reason, days in ((Report.Reason.INSULT, 1), (Report.Reason.INSULT, 29), (Report.Reason.SPAM, 2)):
        report = ReportFactory(comment=reported, reason=reason)
        Report.objects.filter(pk=report.pk).update(created_at=NOW - timedelta(days=days))
    old = ReportFactory(comment=reported, reason=Report.Reason.SPAM)
    Report.objects.filter(pk=old.pk).update(created_at=NOW - timedelta(days=31))
    reasons = desk.reports_by_reason(now=NOW)
    assert [(r.reason, r.count) for r in reasons] == [
        ("insult", 2),
        ("spam", 1),
        ("off_topic", 0),
        ("misinformation", 0),
        ("other", 0),
    ]
    assert reasons[0].label == Report.Reason.INSULT.label


def test_busiest_articles_of_the_last_24_hours_with_what_waits_on_each(section):
    quiet, busy, yesterday = (ArticlePageFactory(parent=section) for _ in range(3))
    for _ in range(3):
        comment(quiet, written=NOW - timedelta(hours=2), status=Comment.Status.PUBLISHED, moderated_at=NOW)
    comment(quiet, written=NOW - timedelta(days=3))  # waiting for days: counted as waiting, not as recent
    for _ in range(5):
        comment(busy, written=NOW - timedelta(hours=23))
    comment(busy, written=NOW - timedelta(hours=1), status=Comment.Status.PUBLISHED)  # not yet reviewed
    comment(yesterday, written=NOW - timedelta(hours=25))
    busiest = desk.busiest_articles(now=NOW)
    assert [(a.article_id, a.title, a.comments, a.waiting) for a in busiest] == [
        (busy.pk, busy.title, 6, 6),
        (quiet.pk, quiet.title, 3, 1),
    ]
    assert busiest[0].edit_url == f"/admin/pages/{busy.pk}/edit/"
    assert desk.busiest_articles(now=NOW - timedelta(days=10)) == []


def test_the_last_24_hours_are_real_hours_on_the_night_the_clocks_go_back(article):
    now = local(2024, 10, 27, 12)  # 11:00 UTC; 24 hours earlier was 13:00 summer time
    comment(article, written=datetime(2024, 10, 26, 10, 30, tzinfo=UTC))  # 24.5 hours before
    comment(article, written=datetime(2024, 10, 26, 11, 30, tzinfo=UTC))  # 23.5 hours before
    [busy] = desk.busiest_articles(now=now)
    assert busy.comments == 1


# The page -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_readers_and_editors_without_the_moderation_group_are_refused(client, reader):
    client.force_login(reader)
    assert client.get(URL).status_code == 403  # no admin for readers at all
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Inside its admin Wagtail answers a refusal with a redirect to its start page and a message.
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_moderator_sees_the_desk_and_the_chart_is_accessible_in_any_language(
    client, article, desk_moderator
):
    now = datetime.now(UTC)
    comment(article, written=now - timedelta(hours=3))
    decided(article, desk_moderator, at=now - timedelta(minutes=1), waited=timedelta(minutes=25))
    client.force_login(desk_moderator)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "moderatorin" in page
    assert f'href="/admin/pages/{article.pk}/edit/"' in page
    svg = page[page.index("<svg viewBox") : page.index("</svg>", page.index("<svg viewBox"))]
    assert 'role="img"' in svg
    assert 'aria-labelledby="kiosk-hours-title kiosk-hours-desc"' in svg
    assert '<title id="kiosk-hours-title">' in svg
    assert '<desc id="kiosk-hours-desc">' in svg
    assert 'fill="currentColor"' in svg
    assert "style=" not in svg  # the admin's policy blocks style attributes
    # Swiss German writes decimal commas; coordinates must not.
    assert not re.search(r'(x|y|width|height)="\d+,\d', svg)
    assert page.count("<time datetime=") == 48  # the hidden table: every hour's number
    assert client.post(URL).status_code == 405


def _bulk_debate(article, authors, moderator, count: int, *, now: datetime) -> None:
    statuses = [Comment.Status.PENDING, Comment.Status.PUBLISHED, Comment.Status.REJECTED]
    comments = []
    for i in range(count):
        status = statuses[i % 3]
        written = now - timedelta(minutes=7 * i + 3)
        comments.append(
            Comment(
                article=article,
                author=authors[i % len(authors)],
                text=f"Kommentar {i}",
                html=f"<p>Kommentar {i}</p>",
                status=status,
                created_at=written,
                published_at=written if status == Comment.Status.PUBLISHED else None,
                moderated_at=None
                if status == Comment.Status.PENDING
                else written + timedelta(minutes=i % 50),
                # Every published comment a moderator's, every other rejection the checks'.
                moderated_by=None
                if status == Comment.Status.PENDING or (status != "published" and i % 2)
                else moderator,
                rejection_reason="spam" if status == Comment.Status.REJECTED else "",
            )
        )
    made = Comment.objects.bulk_create(comments)
    Report.objects.bulk_create(
        Report(comment=c, reporter=authors[0], reason=Report.Reason.SPAM) for c in made[: count // 5]
    )


def test_the_page_runs_the_same_queries_with_5_and_with_200_comments(
    client, section, desk_moderator, django_assert_num_queries
):
    now = datetime.now(UTC)
    authors = CommenterFactory.create_batch(3)
    articles = [ArticlePageFactory(parent=section) for _ in range(12)]
    _bulk_debate(articles[0], authors, desk_moderator, 5, now=now)
    client.force_login(desk_moderator)
    client.get(URL)
    # The user, their permissions and Wagtail profile (4), the seven reads, Wagtail's menu (4).
    with django_assert_num_queries(15):
        client.get(URL)
    more, rest = divmod(200 - 5, len(articles))
    for i, article in enumerate(articles):
        _bulk_debate(article, authors, desk_moderator, more + (i < rest), now=now)
    assert Comment.objects.count() == 200
    with django_assert_num_queries(15):
        page = client.get(URL).content.decode()
    assert page.count('href="/admin/pages/') >= 10


def test_the_reads_alone_are_seven_queries(section, desk_moderator, django_assert_num_queries):
    now = datetime.now(UTC)
    article = ArticlePageFactory(parent=section)
    _bulk_debate(article, CommenterFactory.create_batch(2), desk_moderator, 60, now=now)
    with django_assert_num_queries(7):
        shown = desk.dashboard(now=now)
    assert shown.pending == 20
    assert shown.timings[0].decisions > 0
    assert shown.oldest_wait == now - Comment.objects.pending().order_by("created_at")[0].created_at
