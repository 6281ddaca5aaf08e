"""Scheduling in the admin: Swiss dates typed and shown, a go-live time in the past refused, never published at once."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from kiosk.news.forms import NewsPageForm
from kiosk.news.models import ArticlePage, HomePage, SectionPage
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ZURICH = ZoneInfo("Europe/Zurich")


@pytest.fixture
def editor(moderator):
    return moderator  # a superuser: may publish anything


def swiss(value) -> str:
    return value.astimezone(ZURICH).strftime("%d.%m.%Y %H:%M")


def in_two_days():
    return (timezone.now() + timedelta(days=2)).astimezone(ZURICH).replace(second=0, microsecond=0)


def publish(client, section: SectionPage, **fields):
    """The section's edit form as the admin sends it, with the publish button."""
    data = nested_form_data(
        {
            "title": section.title,
            "slug": section.slug,
            "intro": section.intro,
            "seo_title": "",
            "search_description": "",
            "comment_window_hours": "",
            "comment_moderation": "",
            "go_live_at": "",
            "expire_at": "",
            **fields,
        }
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[section.pk]), data)


def form_errors(response) -> dict:
    assert response.status_code == 200, "the form was accepted"
    return response.context["form"].errors.as_data()


@pytest.mark.parametrize("language", ["de", "en", "fr"])
def test_a_swiss_go_live_time_is_scheduled_as_typed_in_every_admin_language(
    client, editor, section, language
):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    when = in_two_days()

    response = publish(client, section, title="Schweiz neu", go_live_at=swiss(when))

    assert response.status_code == 302, form_errors(response)
    section.refresh_from_db()
    assert section.title == "Schweiz"  # not published yet
    revision = section.get_latest_revision()
    assert revision.approved_go_live_at == when  # as typed, in Zurich
    assert revision.as_object().title == "Schweiz neu"


def test_the_edit_form_shows_the_go_live_time_the_swiss_way(client, editor, section):
    client.force_login(editor)
    when = in_two_days()
    SectionPage.objects.filter(pk=section.pk).update(go_live_at=when)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[section.pk])).content.decode()
    assert f'value="{swiss(when)}"' in html
    # The picker writes what the field reads back (Wagtail's datetimepicker pattern).
    assert '"format": "d.m.Y H:i"' in html or "d.m.Y H:i" in html


def test_a_go_live_time_in_the_past_is_refused_with_a_message_and_nothing_is_published(
    client, editor, section
):
    client.force_login(editor)
    before = section.last_published_at
    revisions = section.revisions.count()
    yesterday = timezone.now() - timedelta(days=1)

    response = publish(client, section, title="Schweiz früh", go_live_at=swiss(yesterday))

    errors = form_errors(response)
    assert [e.code for e in errors["go_live_at"]] == ["go_live_in_past"]
    assert swiss(yesterday) in response.content.decode()  # the message names the time typed
    section.refresh_from_db()
    assert (section.title, section.last_published_at) == ("Schweiz", before)
    assert section.revisions.count() == revisions


@pytest.mark.parametrize(
    "typed", ["31.02.2027 10:00", "02.12.2027 25:61", "morgen früh", "12/02/2027 05:57", "9" * 300]
)
def test_a_time_that_cannot_be_read_is_an_error_not_another_time(client, editor, section, typed):
    client.force_login(editor)
    revisions = section.revisions.count()

    response = publish(client, section, go_live_at=typed)

    errors = form_errors(response)
    assert [e.code for e in errors["go_live_at"]] == ["invalid"]
    assert section.revisions.count() == revisions


def test_a_story_that_went_live_on_schedule_can_be_edited_again(client, editor, section):
    client.force_login(editor)
    long_ago = timezone.now() - timedelta(days=30)
    SectionPage.objects.filter(pk=section.pk).update(go_live_at=long_ago)

    response = publish(client, section, title="Schweiz korrigiert", go_live_at=swiss(long_ago))

    assert response.status_code == 302, form_errors(response)
    section.refresh_from_db()
    assert section.title == "Schweiz korrigiert"


def test_articles_sections_and_the_front_page_all_refuse_a_past_go_live_time():
    for model in (ArticlePage, SectionPage, HomePage):
        assert issubclass(model.get_edit_handler().get_form_class(), NewsPageForm), model


def publish_front_page(client, home, pinned: list[dict]):
    """The front page's edit form as the admin sends it, with these pinned stories and the publish button."""
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "pinned_stories": inline_formset(pinned),
        }
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)


def test_editors_pin_and_order_stories_in_the_front_pages_form(client, editor, home, section):
    first = ArticlePageFactory(parent=section, title="Zuerst")
    second = ArticlePageFactory(parent=section, title="Danach")
    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    assert "pinned_stories" in form
    assert "news.articlepage" in form.lower()  # the chooser offers articles only

    response = publish_front_page(
        client, home, [{"article": second.pk, "ORDER": 1}, {"article": first.pk, "ORDER": 0}]
    )

    assert response.status_code == 302, form_errors(response)
    pinned = home.pinned_stories.order_by("sort_order").values_list("article__title", flat=True)
    assert list(pinned) == ["Zuerst", "Danach"]


def test_the_same_story_cannot_be_pinned_twice(client, editor, home, section):
    story = ArticlePageFactory(parent=section, title="Einmal reicht")
    client.force_login(editor)

    response = publish_front_page(
        client, home, [{"article": story.pk, "ORDER": 0}, {"article": story.pk, "ORDER": 1}]
    )

    assert response.status_code == 200, "the form was accepted"
    formset = response.context["form"].formsets["pinned_stories"]
    first, second = (form.errors.as_data() for form in formset.forms)
    assert "article" not in first
    assert [error.code for error in second["article"]] == ["pinned_twice"]
    assert not home.pinned_stories.exists()
