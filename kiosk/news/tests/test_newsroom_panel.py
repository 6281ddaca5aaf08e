"""The admin's home page: the newsroom's day for editors, the queue's size for moderators, by permission."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommenterFactory, CommentFactory
from kiosk.news.models import ArticlePage
from kiosk.news.selectors import newsroom_day
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def staff_with(*, page_permissions_on=None, perms=()) -> object:
    """A staff member who may use the admin, with page permissions below one page and/or model permissions."""
    group = Group.objects.create(name=f"Gruppe {Group.objects.count()}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if page_permissions_on is not None:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=page_permissions_on,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    user = CommenterFactory(is_staff=True)
    user.groups.add(group)
    return user


def schedule(article: ArticlePage, when) -> None:
    article = ArticlePage.objects.get(pk=article.pk)
    article.go_live_at = when
    article.save_revision().publish()  # with a go-live time ahead: scheduled, not published


@pytest.fixture
def day(section):
    """A published story of today, one of yesterday, a correction, and one scheduled for later today."""
    now = timezone.now()
    start, end = newsroom_day(now=now)
    today = ArticlePageFactory(
        parent=section, title="Heute publiziert", published_at=max(start, now - timedelta(minutes=30))
    )
    yesterday = ArticlePageFactory(
        parent=section, title="Gestern publiziert", published_at=start - timedelta(hours=2)
    )
    corrected = ArticlePageFactory(
        parent=section, title="Korrigierte Meldung", published_at=start - timedelta(days=2)
    )
    ArticlePage.objects.filter(pk=corrected.pk).update(last_published_at=now - timedelta(minutes=5))
    later = min(now + timedelta(minutes=10), end - timedelta(seconds=1))
    planned = ArticlePageFactory(parent=section, title="Geplante Meldung", publish=False)
    schedule(planned, later)
    return {
        "today": today,
        "yesterday": yesterday,
        "corrected": corrected,
        "planned": planned,
        "later": later,
    }


def panel(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[start : html.index("</section>", start)]


def test_an_editor_sees_todays_published_and_scheduled_stories_and_the_corrections(client, moderator, day):
    client.force_login(moderator)
    html = client.get(HOME).content.decode()

    assert "data-newsroom-today" in html
    published = panel(html, "data-published-today")
    assert "Heute publiziert" in published
    assert "Gestern publiziert" not in published
    assert reverse("wagtailadmin_pages:edit", args=[day["today"].pk]) in published
    scheduled = panel(html, "data-scheduled-today")
    assert "Geplante Meldung" in scheduled
    assert timezone.localtime(day["later"]).strftime("%H:%M") in scheduled
    corrections = panel(html, "data-corrections")
    assert "Korrigierte Meldung" in corrections
    assert "Heute publiziert" not in corrections  # published once, never corrected
    assert not ArticlePage.objects.get(pk=day["planned"].pk).live


def test_an_editor_of_one_section_sees_only_its_stories(client, home, section, day):
    kultur = SectionPageFactory(parent=home, title="Kultur", slug="kultur")
    ArticlePageFactory(parent=kultur, title="Kultur heute")
    editor = staff_with(page_permissions_on=kultur)
    client.force_login(editor)

    html = client.get(HOME).content.decode()

    published = panel(html, "data-published-today")
    assert "Kultur heute" in published
    assert "Heute publiziert" not in published
    assert "Geplante Meldung" not in html
    assert "Korrigierte Meldung" not in html


def test_the_queue_panel_is_for_moderators_and_the_newsroom_panel_for_editors(client, home, section, article):
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article)  # published: not waiting
    moderator = staff_with(perms=["comments.change_comment"])
    client.force_login(moderator)
    html = client.get(HOME).content.decode()
    assert 'data-desk-queue="2"' in html
    assert reverse("moderation_admin:queue") in html
    assert "data-newsroom-today" not in html

    editor = staff_with(page_permissions_on=home)
    client.force_login(editor)
    html = client.get(HOME).content.decode()
    assert "data-newsroom-today" in html
    assert "data-desk-queue" not in html


def queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200
    return len(captured)


def test_the_panels_run_the_same_queries_however_busy_the_day(client, moderator, section, day):
    client.force_login(moderator)
    client.get(HOME)
    few = queries(client)
    now = timezone.now()
    start, end = newsroom_day(now=now)
    for n in range(6):
        story = ArticlePageFactory(parent=section, published_at=max(start, now - timedelta(minutes=n + 1)))
        ArticlePage.objects.filter(pk=story.pk).update(last_published_at=now)
        schedule(
            ArticlePageFactory(parent=section, publish=False),
            min(now + timedelta(minutes=20 + n), end - timedelta(seconds=1)),
        )
        CommentFactory(article=story, status=Comment.Status.PENDING)
    assert queries(client) == few


@pytest.mark.parametrize(
    ("now", "start", "hours"),
    [
        # Local midnight in Zurich, in UTC; 23 and 25 hours on the nights the clocks change.
        (datetime(2026, 6, 15, 21, 59, tzinfo=UTC), datetime(2026, 6, 14, 22, 0, tzinfo=UTC), 24),
        (datetime(2026, 6, 15, 22, 0, tzinfo=UTC), datetime(2026, 6, 15, 22, 0, tzinfo=UTC), 24),
        (datetime(2026, 3, 29, 12, 0, tzinfo=UTC), datetime(2026, 3, 28, 23, 0, tzinfo=UTC), 23),
        (datetime(2026, 10, 25, 12, 0, tzinfo=UTC), datetime(2026, 10, 24, 22, 0, tzinfo=UTC), 25),
    ],
)
def test_the_newsrooms_day_is_zurichs(now, start, hours):
    assert newsroom_day(now=now) == (start, start + timedelta(hours=hours))
