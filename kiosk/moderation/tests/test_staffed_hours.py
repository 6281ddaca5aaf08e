"""Staffed hours on the server: comments outside them are refused with the opening time, for the forms and the API."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from kiosk.comments import services as comment_services
from kiosk.comments.models import Comment
from kiosk.moderation import selectors
from kiosk.moderation.models import StaffedException, StaffedSpan

pytestmark = pytest.mark.django_db

ZURICH = ZoneInfo("Europe/Zurich")


@pytest.fixture
def daytime(db):
    for weekday in range(7):
        StaffedSpan.objects.create(weekday=weekday, opens=time(6), closes=time(23))


def _night_after(article):
    published = article.first_published_at.astimezone(ZURICH)
    night = datetime.combine(published.date(), time(23, 30), ZURICH)
    return night if night > published else night + timedelta(days=1)


def test_a_comment_outside_the_staffed_hours_is_refused_with_the_opening_time(article, reader, daytime):
    night = _night_after(article)
    with pytest.raises(comment_services.CommentError) as refused:
        comment_services.comment_submit(article=article, author=reader, text="Nachts", now=night)
    assert (refused.value.code, refused.value.status) == ("desk_closed", 403)
    assert "06:00" in refused.value.message
    assert not Comment.objects.exists()


def test_no_staffed_hours_at_all_leave_commenting_to_the_window(article, reader):
    night = _night_after(article)
    assert comment_services.comment_submit(
        article=article, author=reader, text="Nachts", now=night
    ).is_pending


def test_a_change_of_the_hours_reaches_the_next_comment(article, reader, daytime):
    night = _night_after(article)
    StaffedException.objects.create(date=night.date(), opens=time(6), closes=time(0), note="Wahlabend")
    assert comment_services.comment_submit(
        article=article, author=reader, text="Wahlabend", now=night
    ).is_pending
    assert selectors.schedule().exceptions[night.date()]


def test_the_api_refuses_outside_the_staffed_hours(client, article, reader):
    StaffedException.objects.create(date=datetime.now(ZURICH).date(), note="Betriebsausflug")
    client.force_login(reader)
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post(
        f"/api/articles/{article.pk}/comments",
        {"text": "Hallo"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert (response.status_code, response.json()["code"]) == (403, "desk_closed")


def test_moderators_keep_the_hours_in_the_admin_and_bad_hours_are_refused(client, moderator):
    client.force_login(moderator)
    add = reverse("staffed_hours:add")
    response = client.post(add, {"weekday": 0, "opens": "23:00", "closes": "06:00"})
    assert response.status_code == 200  # the form again, with the message
    assert response.context["form"].non_field_errors() == [
        str(StaffedSpan._meta.constraints[0].violation_error_message)
    ]
    assert not StaffedSpan.objects.exists()
    client.post(add, {"weekday": 0, "opens": "06:00", "closes": "00:00"})
    assert StaffedSpan.objects.get().closes == time(0)


def test_the_article_page_says_when_commenting_opens_again_and_likes_go_on(
    client, article, reader, other_reader
):
    from kiosk.comments.tests.factories import CommentFactory

    published = CommentFactory(article=article, author=other_reader, status=Comment.Status.PUBLISHED)
    today = datetime.now(ZURICH).date()
    StaffedException.objects.create(date=today, note="Betriebsausflug")  # closed all day
    client.force_login(reader)
    page = client.get(article.url)
    html = page.content.decode()
    assert "data-comment-form" not in html
    tomorrow = (today + timedelta(days=1)).strftime("%d.%m.%Y")
    assert tomorrow in html  # «… It opens again at <tomorrow> 00:00.»
    assert comment_services.comment_like(comment=published, reader=reader) == 1
