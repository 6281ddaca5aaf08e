"""The donations report, the list and its CSV export: Zurich's days and months with ``now`` passed in,
refunds subtracted, who may look, and a fixed number of queries whatever the number of donations."""

import csv
import io
import logging
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from kiosk.comments.tests.factories import CommenterFactory
from kiosk.donations import reports
from kiosk.donations.models import Method, ProviderEvent, Status
from kiosk.donations.reports import Period
from kiosk.donations.tests.factories import DonationFactory, MonthlyDonationFactory
from kiosk.news.tests.factories import ArticlePageFactory

ZURICH = ZoneInfo("Europe/Zurich")
REPORT = reverse("donations_admin:report")
LIST = reverse("donations_admin:list")
EXPORT = reverse("donations_admin:export")
EVENTS = reverse("donations_admin:provider_events")
# A Monday in April 2024: the last 12 months run from 01.05.2023, the last 30 days from 17.03.2024,
# across the night the clocks went forward (31.03.2024, 02:00 → 03:00).
NOW = datetime(2024, 4, 15, 12, 0, tzinfo=ZURICH)


def local(*args, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=ZURICH, fold=fold)


def paid(at: datetime, amount: str = "10.00", **fields):
    return DonationFactory(created_at=at, paid_at=at, amount=Decimal(amount), **fields)


def nets(values: list[reports.Net]) -> dict[date, Decimal]:
    return {value.start: value.net for value in values if value.count}


@pytest.fixture
def viewer(db):
    """Someone in the newsroom who may see the donations, and nothing more: no superuser."""
    user = CommenterFactory(username="buchhaltung", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["donations", "wagtailadmin"],
            codename__in=["view_donation", "access_admin"],
        )
    )
    return user


# Days and months in Zurich ------------------------------------------------------------------


def test_a_day_runs_from_zurich_midnight_to_midnight_across_the_spring_change(db):
    paid(local(2024, 3, 30, 23, 30), "10.00")  # 22:30 UTC
    paid(local(2024, 3, 31, 0, 30), "20.00")  # 23:30 UTC on the 30th: Zurich's 31st
    paid(local(2024, 3, 31, 3, 30), "5.00")  # an hour after 01:30, the clocks went forward
    paid(local(2024, 3, 31, 23, 30), "30.00")  # 21:30 UTC, summer time now
    paid(local(2024, 4, 1, 0, 30), "40.00")  # 22:30 UTC on the 31st: Zurich's 1st
    days = reports.net_per_day(now=NOW, period=Period(date(2024, 3, 30), date(2024, 4, 1)))
    assert [(d.start, d.count, d.net) for d in days] == [
        (date(2024, 3, 30), 1, Decimal("10.00")),
        (date(2024, 3, 31), 3, Decimal("55.00")),
        (date(2024, 4, 1), 1, Decimal("40.00")),
    ]


def test_the_autumn_night_with_its_hour_twice_is_one_day(db):
    paid(local(2024, 10, 26, 23, 59), "1.00")
    paid(local(2024, 10, 27, 2, 30, fold=0), "2.00")  # 00:30 UTC
    paid(local(2024, 10, 27, 2, 30, fold=1), "3.00")  # 01:30 UTC, the second time round
    paid(local(2024, 10, 27, 23, 30), "4.00")  # 22:30 UTC, winter time
    paid(local(2024, 10, 28, 0, 0), "5.00")
    days = reports.net_per_day(
        now=local(2024, 10, 30, 9), period=Period(date(2024, 10, 26), date(2024, 10, 28))
    )
    assert [d.net for d in days] == [Decimal("1.00"), Decimal("9.00"), Decimal("5.00")]
    assert [d.count for d in days] == [1, 3, 1]


def test_the_last_30_days_end_today_with_every_day_listed(db):
    paid(local(2024, 3, 17, 0, 5), "7.00")  # the first of the 30 days
    paid(local(2024, 3, 16, 23, 55), "100.00")  # the day before: out
    paid(local(2024, 4, 15, 11, 59), "8.00")  # today, before now
    paid(local(2024, 4, 15, 12, 1), "1000.00")  # after now: not yet
    period = Period.last_days(now=NOW)
    assert (period.first, period.last) == (date(2024, 3, 17), date(2024, 4, 15))
    days = reports.net_per_day(now=NOW, period=period)
    assert len(days) == 30
    assert nets(days) == {date(2024, 3, 17): Decimal("7.00"), date(2024, 4, 15): Decimal("8.00")}


def test_months_begin_at_zurich_midnight_of_the_first(db):
    paid(local(2023, 4, 30, 23, 0), "100.00")  # before the 12 months
    paid(local(2023, 5, 1, 0, 10), "1.00")  # 22:10 UTC on 30 April: Zurich's May
    paid(local(2024, 2, 29, 23, 59), "2.00")
    paid(local(2024, 3, 1, 0, 0), "3.00")  # 23:00 UTC on 29 February
    paid(local(2024, 3, 31, 23, 30), "4.00")
    paid(local(2024, 4, 1, 0, 30), "5.00")  # 22:30 UTC on 31 March: April
    period = Period.last_months(now=NOW)
    assert (period.first, period.last) == (date(2023, 5, 1), date(2024, 4, 15))
    months = reports.net_per_month(now=NOW, period=period)
    assert [m.start for m in months] == [date(2023, 5, 1), *(date(2023, n, 1) for n in range(6, 13)),
                                         *(date(2024, n, 1) for n in range(1, 5))]  # fmt: skip
    assert nets(months) == {
        date(2023, 5, 1): Decimal("1.00"),
        date(2024, 2, 1): Decimal("2.00"),
        date(2024, 3, 1): Decimal("7.00"),
        date(2024, 4, 1): Decimal("5.00"),
    }


def test_refunds_are_subtracted_and_unpaid_payments_count_nothing(db):
    at = local(2024, 4, 10, 10)
    paid(at, "100.00", refunded_amount=Decimal("30.00"), refunded_at=at)  # partly refunded: still paid
    DonationFactory(created_at=at, amount=Decimal("50.00"), status=Status.REFUNDED)
    DonationFactory(created_at=at, amount=Decimal("60.00"), status=Status.DISPUTED)
    DonationFactory(created_at=at, amount=Decimal("70.00"), status=Status.FAILED)
    DonationFactory(created_at=at, amount=Decimal("80.00"), status=Status.PENDING)
    DonationFactory(created_at=at, amount=None, method=Method.BANK, status=Status.PENDING)
    # Pending whatever its facts say: only the status makes a donation count.
    DonationFactory(created_at=at, paid_at=at, amount=Decimal("90.00"), status=Status.PENDING)
    period = Period(date(2024, 4, 10), date(2024, 4, 10))
    assert [d.net for d in reports.net_per_day(now=NOW, period=period)] == [Decimal("70.00")]
    assert [m.net for m in reports.net_per_month(now=NOW, period=period)] == [Decimal("70.00")]
    shown = reports.report(now=NOW, period=period)
    assert (shown.paid, shown.net) == (1, Decimal("70.00"))
    counts = {s.status: s.count for s in shown.statuses}
    assert counts == {"pending": 3, "failed": 1, "refunded": 1, "disputed": 1}


def test_by_method_lists_card_twint_and_bank_even_when_empty(db):
    at = local(2024, 4, 14, 9)
    paid(at, "10.00", method=Method.CARD)
    paid(at, "15.50", method=Method.CARD)
    paid(at, "1250.50", method=Method.BANK, reference="RF18539007547034")
    DonationFactory(created_at=at, amount=Decimal("5.00"), method=Method.TWINT, status=Status.FAILED)
    methods = reports.by_method(now=NOW, period=Period.last_days(now=NOW))
    assert [(m.method, m.count, m.net) for m in methods] == [
        ("card", 2, Decimal("25.50")),
        ("twint", 0, Decimal("0.00")),
        ("bank", 1, Decimal("1250.50")),
    ]


def test_the_articles_that_brought_most_come_first_twenty_at_most(section):
    at = local(2024, 4, 14, 9)
    big, small = (
        ArticlePageFactory(parent=section, title="Gross"),
        ArticlePageFactory(parent=section, title="Klein"),
    )
    paid(at, "100.00", article=big)
    paid(at, "20.00", article=small)
    paid(at, "20.00", article=small)
    paid(at, "500.00")  # from no article
    paid(local(2024, 1, 1, 12), "999.00", article=small)  # before the period
    DonationFactory(created_at=at, amount=Decimal("900.00"), article=small, status=Status.FAILED)
    articles = reports.by_article(now=NOW, period=Period.last_days(now=NOW))
    assert [(a.title, a.count, a.net) for a in articles] == [
        ("Gross", 1, Decimal("100.00")),
        ("Klein", 2, Decimal("40.00")),
    ]
    assert articles[0].edit_url == f"/admin/pages/{big.pk}/edit/"
    assert articles[1].donations_url == f"{LIST}?article={small.pk}"
    many = [ArticlePageFactory(parent=section) for _ in range(reports.TOP_ARTICLES + 1)]
    for article in many:
        paid(at, "1.00", article=article)
    assert len(reports.by_article(now=NOW, period=Period.last_days(now=NOW))) == reports.TOP_ARTICLES


def test_monthly_donors_running_now_and_those_cancelled_in_the_period(db):
    first = MonthlyDonationFactory(amount=Decimal("10.00"), created_at=local(2023, 1, 5, 9), name="Anna")
    MonthlyDonationFactory(amount=Decimal("25.50"), created_at=local(2024, 4, 2, 9), name="Beat")
    MonthlyDonationFactory(
        amount=Decimal("30.00"), stripe_subscription_id=None, started_at=None
    )  # never started
    MonthlyDonationFactory(
        amount=Decimal("40.00"), created_at=local(2023, 6, 1), canceled_at=local(2024, 4, 3, 8)
    )
    MonthlyDonationFactory(
        amount=Decimal("50.00"), created_at=local(2023, 6, 1), canceled_at=local(2024, 1, 3, 8)
    )
    shown = reports.recurring(now=NOW, period=Period.last_days(now=NOW))
    assert (shown.running, shown.monthly_sum, shown.more) == (2, Decimal("35.50"), 0)
    assert [d.name for d in shown.donors] == ["Beat", "Anna"]
    assert shown.donors[1].started_at == first.started_at
    assert shown.cancelled == 1
    assert [d.amount for d in shown.cancelled_donors] == [Decimal("40.00")]


# The chart ----------------------------------------------------------------------------------


def test_an_empty_chart_still_has_its_scale_and_no_peak(db):
    chart = reports.days_chart(reports.net_per_day(now=NOW, period=Period.last_days(now=NOW)))
    assert chart.peak is None
    assert len(chart.bars) == 30
    assert all(bar.height == 0 for bar in chart.bars)
    assert [line.label for line in chart.gridlines] == ["0", "5", "10"]
    # Mondays are ticked, and the first day.
    assert [tick.label for tick in chart.ticks] == [
        "17.03.",
        "18.03.",
        "25.03.",
        "01.04.",
        "08.04.",
        "15.04.",
    ]


# The pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [REPORT, LIST, EXPORT, EVENTS])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", [REPORT, LIST, EXPORT, EVENTS])
def test_readers_and_editors_without_the_permission_are_refused(client, reader, url):
    client.force_login(reader)
    assert client.get(url).status_code == 403  # no admin for readers at all
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Inside its admin Wagtail answers a refusal with a redirect to its start page and a message.
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("url", [REPORT, LIST, EXPORT, EVENTS])
def test_someone_who_may_view_donations_gets_each_page(client, viewer, url):
    client.force_login(viewer)
    assert client.get(url).status_code == 200


def test_the_menu_offers_the_overview_and_the_list_only_to_those_who_may_view(client, viewer):
    client.force_login(viewer)
    page = client.get("/admin/").content.decode()
    assert f'"{REPORT}"' in page
    assert f'"{LIST}"' in page
    assert f'"{EVENTS}"' in page
    editor = CommenterFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert f'"{LIST}"' not in page


def test_the_report_shows_swiss_amounts_and_an_accessible_chart(client, viewer, section):
    now = timezone.now()
    article = ArticlePageFactory(parent=section, title="Die Recherche")
    paid(now - timedelta(minutes=5), "1250.50", article=article)
    MonthlyDonationFactory(
        amount=Decimal("12.00"), name="Regula Monatlich", created_at=local(2023, 9, 13, 10)
    )
    client.force_login(viewer)
    with translation.override("de-ch"):
        response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "CHF\xa01’250.50" in page
    assert "Die Recherche" in page
    assert f'href="/admin/pages/{article.pk}/edit/"' in page
    assert "Regula Monatlich" in page
    assert "13.09.2023" in page
    for name in ("days", "months"):
        start = page.index(f'aria-labelledby="kiosk-{name}-title kiosk-{name}-desc"')
        svg = page[page.rindex("<svg", 0, start) : page.index("</svg>", start)]
        assert 'role="img"' in svg
        assert f'<title id="kiosk-{name}-title">' in svg
        assert f'<desc id="kiosk-{name}-desc">' in svg
        assert "<rect " in svg  # today's donation
        assert "style=" not in svg  # the admin's policy blocks style attributes
        assert not re.search(r'(x|y|width|height)="\d+,\d', svg)  # no decimal commas in coordinates
    assert page.count('<table class="w-sr-only">') == 2  # each chart's figures, for screen readers


def test_the_report_takes_a_period_and_refuses_one_that_ends_before_it_begins(client, viewer):
    paid(local(2024, 1, 10, 12), "33.00", method=Method.TWINT)
    client.force_login(viewer)
    with translation.override("en"):
        response = client.get(REPORT, {"date_from": "2024-01-01", "date_to": "2024-01-31"})
        assert response.status_code == 200
        assert response.context["report"].net == Decimal("33.00")
        refused = client.get(REPORT, {"date_from": "2024-02-01", "date_to": "2024-01-31"})
    assert refused.status_code == 400
    assert "The period ends before it begins." in refused.content.decode()


def _spread(count: int, section):
    """``count`` donations of every kind over the last 30 days, from a few articles, some monthly."""
    articles = [ArticlePageFactory(parent=section) for _ in range(3)]
    monthly = MonthlyDonationFactory.create_batch(2)
    MonthlyDonationFactory(canceled_at=timezone.now() - timedelta(days=2))
    statuses = [Status.PAID, Status.PAID, Status.PENDING, Status.FAILED, Status.REFUNDED, Status.DISPUTED]
    methods = [Method.CARD, Method.TWINT, Method.BANK]
    for i in range(count):
        at = timezone.now() - timedelta(days=i % 30, hours=i % 7)
        DonationFactory(
            created_at=at,
            status=statuses[i % len(statuses)],
            method=methods[i % len(methods)],
            article=articles[i % len(articles)] if i % 4 else None,
            monthly=monthly[i % 2] if i % 5 == 0 else None,
        )


def test_the_report_runs_the_same_queries_with_5_and_with_50_donations(
    client, viewer, section, django_assert_num_queries
):
    _spread(5, section)
    client.force_login(viewer)
    client.get(REPORT)
    # The user, their permissions and Wagtail profile (4), the eight reads, late payment events, the menu (4).
    with django_assert_num_queries(17):
        client.get(REPORT)
    _spread(45, section)
    with django_assert_num_queries(17):
        assert client.get(REPORT).status_code == 200


def test_the_reads_alone_are_eight_queries(section, django_assert_num_queries):
    _spread(30, section)
    with django_assert_num_queries(8):
        shown = reports.report(now=timezone.now(), period=Period.last_days(now=timezone.now()))
    assert shown.paid == 10
    assert shown.recurring.running == 2
    assert shown.recurring.cancelled == 1


# Payment events that found no donation -----------------------------------------------------


def _event(number: int, **fields) -> ProviderEvent:
    return ProviderEvent.objects.create(
        event_id=f"evt_{number}", type="charge.refunded", payload={}, **fields
    )


@pytest.mark.usefixtures("english")
def test_events_waiting_for_long_are_flagged_on_the_report_and_listed(client, viewer):
    now = timezone.now()
    _event(1, received_at=now - timedelta(minutes=5))  # just queued
    _event(
        2, received_at=now - timedelta(hours=2), waiting_for="pi_unknown", outcome="waiting for pi_unknown"
    )
    _event(3, received_at=now - timedelta(days=4), processed_at=now, outcome=ProviderEvent.UNPLACED)
    _event(4, received_at=now - timedelta(days=1), processed_at=now, outcome="refunded 5.00")
    client.force_login(viewer)
    report = client.get(REPORT).content.decode()
    assert "1 payment event has waited for more than an hour" in report
    assert f'href="{EVENTS}"' in report
    page = client.get(EVENTS).content.decode()
    assert "2 events waiting" in page
    waiting, closed = page.split("Closed without a match")
    assert 'data-event="evt_1"' in waiting
    assert "in the queue" in waiting
    assert 'data-event="evt_2"' in waiting
    assert "pi_unknown" in waiting
    assert "<strong>late</strong>" in waiting
    assert 'data-event="evt_3"' in closed
    assert 'data-event="evt_4"' not in page


@pytest.mark.usefixtures("english")
def test_a_report_with_nothing_waiting_says_nothing_of_events(client, viewer):
    _event(1, received_at=timezone.now() - timedelta(minutes=5))
    client.force_login(viewer)
    assert "payment event" not in client.get(REPORT).content.decode()


# The list -----------------------------------------------------------------------------------


def test_the_list_runs_the_same_queries_with_5_and_with_50_donations(
    client, viewer, section, django_assert_num_queries
):
    _spread(5, section)
    client.force_login(viewer)
    client.get(LIST)
    # The user, permissions and profile (4); the count, the page with the articles' titles joined (2); the menu (4).
    with django_assert_num_queries(10):
        page = client.get(LIST).content.decode()
    assert page.count("<time datetime=") == 5
    _spread(45, section)
    with django_assert_num_queries(10):
        page = client.get(LIST).content.decode()
    assert page.count("<time datetime=") == 50
    assert page.count('href="/admin/pages/') > 10


def test_the_list_is_paginated(client, viewer):
    for i in range(55):
        DonationFactory(created_at=NOW - timedelta(minutes=i))
    client.force_login(viewer)
    first = client.get(LIST, {"status": "paid"})
    assert len(first.context["page_obj"].object_list) == 50
    assert "?status=paid&amp;p=2" in first.content.decode()
    second = client.get(LIST, {"status": "paid", "p": 2})
    assert len(second.context["page_obj"].object_list) == 5


def test_the_list_filters_by_status_method_period_and_article(client, viewer, article):
    card = paid(local(2024, 4, 1, 0, 30), method=Method.CARD, article=article)  # Zurich's 1 April
    twint = paid(local(2024, 3, 31, 23, 30), method=Method.TWINT)
    failed = DonationFactory(created_at=local(2024, 4, 2, 9), status=Status.FAILED, method=Method.CARD)
    client.force_login(viewer)

    def listed(**filters):
        return {d.pk for d in client.get(LIST, filters).context["page_obj"].object_list}

    assert listed() == {card.pk, twint.pk, failed.pk}
    assert listed(status="failed") == {failed.pk}
    assert listed(method="card") == {card.pk, failed.pk}
    assert listed(method="card", status="paid") == {card.pk}
    assert listed(date_from="2024-04-01") == {card.pk, failed.pk}
    assert listed(date_to="2024-03-31") == {twint.pk}
    assert listed(date_from="2024-04-01", date_to="2024-04-01") == {card.pk}
    assert listed(article=article.pk) == {card.pk}


@pytest.mark.parametrize(
    "filters",
    [
        {"status": "bogus"},
        {"method": "cash"},
        {"date_from": "gestern"},
        {"date_to": "2024-02-30"},
        {"date_from": "2024-04-02", "date_to": "2024-04-01"},
        {"article": "abc"},
        {"article": "0"},
        {"article": str(2**63)},
    ],
)
@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_filters_that_cannot_be_used_are_refused_with_a_message(client, viewer, filters, url):
    client.force_login(viewer)
    with translation.override("en"):
        response = client.get(url, filters)
    assert response.status_code == 400
    assert "These filters cannot be used; please correct them." in response.content.decode()


# The CSV export -----------------------------------------------------------------------------


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_the_export_is_a_streamed_csv_with_a_bom_for_excel(client, viewer, article):
    at = datetime(2023, 9, 13, 8, 36, tzinfo=UTC)  # 10:36 in Zurich
    paid(
        at,
        "1250.50",
        method=Method.BANK,
        reference="RF18539007547034",
        article=article,
        name="Jörg Müller",
        refunded_amount=Decimal("50.00"),
        stripe_payment_intent_id=None,
    )
    client.force_login(viewer)
    with translation.override("en"):
        response = client.get(EXPORT)
        rows = _csv(response)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="donations-')
    assert rows[0] == [
        "Date", "Paid", "Amount", "Refunded", "Currency", "Method", "Status", "Monthly", "Name", "E-mail",
        "Article", "Reference", "Stripe checkout session", "Stripe payment intent", "Stripe invoice",
        "Stripe subscription",
    ]  # fmt: skip
    donation = rows[1]
    assert donation[:12] == [
        "13.09.2023 10:36", "13.09.2023 10:36", "1250.50", "50.00", "CHF", "Bank transfer", "Paid", "no",
        "Jörg Müller", donation[9], article.title, "RF18539007547034",
    ]  # fmt: skip
    assert len(rows) == 2


def test_cells_a_spreadsheet_would_run_as_formulas_are_made_text(client, viewer):
    monthly = MonthlyDonationFactory(stripe_subscription_id="sub_1")
    paid(NOW, name='=HYPERLINK("http://evil.example","Klick")', email="@evil@example.org", monthly=monthly)
    paid(NOW - timedelta(minutes=1), name="+41 79 123 45 67", email="-1+1@example.org")
    paid(NOW - timedelta(minutes=2), name="\tTab", email="\rcr@example.org")
    paid(NOW - timedelta(minutes=3), name="Anna = Beat", email="anna@example.org")
    client.force_login(viewer)
    with translation.override("en"):
        rows = _csv(client.get(EXPORT))[1:]
    assert [(row[8], row[9]) for row in rows] == [
        ('\'=HYPERLINK("http://evil.example","Klick")', "'@evil@example.org"),
        ("'+41 79 123 45 67", "'-1+1@example.org"),
        ("'\tTab", "'\rcr@example.org"),
        ("Anna = Beat", "anna@example.org"),
    ]
    assert [row[7] for row in rows] == ["yes", "no", "no", "no"]
    assert rows[0][15] == "sub_1"


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        ({}, ["Karte", "Twint", "Bank offen"]),
        ({"method": "twint"}, ["Twint"]),
        ({"status": "pending"}, ["Bank offen"]),
        ({"date_to": "2024-04-10"}, ["Bank offen"]),
    ],
)
def test_the_export_honours_the_lists_filters(client, viewer, filters, names):
    paid(local(2024, 4, 12, 9), name="Karte", method=Method.CARD)
    paid(local(2024, 4, 11, 9), name="Twint", method=Method.TWINT)
    DonationFactory(
        created_at=local(2024, 4, 10, 9),
        name="Bank offen",
        amount=None,
        method=Method.BANK,
        status=Status.PENDING,
    )
    client.force_login(viewer)
    assert [row[8] for row in _csv(client.get(EXPORT, filters))[1:]] == names


def test_every_export_is_logged_with_who_and_the_filters(client, viewer, caplog):
    client.force_login(viewer)
    with caplog.at_level(logging.INFO, logger="kiosk.donations.admin_views"):
        _csv(client.get(EXPORT, {"status": "paid", "date_from": "2024-04-01"}))
    [record] = [r for r in caplog.records if r.name == "kiosk.donations.admin_views"]
    assert record.levelno == logging.INFO
    assert "buchhaltung" in record.getMessage()
    assert "'status': 'paid'" in record.getMessage()
    assert "'period_first': '2024-04-01'" in record.getMessage()
