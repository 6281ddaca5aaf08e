"""The settings page and the public profile, through real requests."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kiosk.comments.models import Comment
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory

from .factories import ReaderFactory, UserFactory
from .images import photo_bytes, upload

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/leser/einstellungen/"


@pytest.fixture
def reader(client, home):
    reader = ReaderFactory(display_name="Anna Meier", email="anna.privat@example.ch")
    client.force_login(reader)
    return reader


def test_settings_url():
    assert reverse("accounts:settings") == SETTINGS_URL


def test_settings_need_a_login(client, home):
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_settings_page_shows_the_forms_and_links(client, reader):
    response = client.get(SETTINGS_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'value="Anna Meier"' in html
    assert 'name="profile-comment_notifications"' in html
    assert 'enctype="multipart/form-data"' in html
    assert reverse("account_email") in html
    assert reverse("account_change_password") in html
    assert "private" in response["Cache-Control"]


def test_settings_change_display_name_and_notifications(client, reader):
    response = client.post(
        SETTINGS_URL,
        {"form": "profile", "profile-display_name": "  Anna M.  "},
        follow=True,
    )
    reader.refresh_from_db()
    assert reader.display_name == "Anna M."
    assert reader.comment_notifications is False  # an unticked box is sent as nothing
    assert len(list(response.context["messages"])) == 1


def test_settings_errors_keep_the_input(client, reader):
    with translation.override("en"):
        response = client.post(
            "/en" + SETTINGS_URL,
            {"form": "profile", "profile-display_name": "A", "profile-comment_notifications": "on"},
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="A"' in html
    assert 'id="id_profile-display_name_error"' in html
    assert "at least 2 characters" in html
    reader.refresh_from_db()
    assert reader.display_name == "Anna Meier"


def test_settings_upload_and_remove_the_avatar(client, reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SETTINGS_URL, {"form": "avatar", "avatar-avatar": upload(photo_bytes())})
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.avatar.name.endswith(".webp")
    assert f'src="{reader.avatar.url}"' in client.get(SETTINGS_URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETTINGS_URL, {"form": "avatar-remove"})
    reader.refresh_from_db()
    assert not reader.avatar


def test_settings_refuse_a_file_that_is_no_picture(client, reader):
    with translation.override("en"):
        response = client.post(
            "/en" + SETTINGS_URL,
            {"form": "avatar", "avatar-avatar": upload(b"MZ not a picture", "virus.jpg")},
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "not a picture we can read" in html
    assert 'aria-describedby="id_avatar-avatar_helptext id_avatar-avatar_error"' in html
    reader.refresh_from_db()
    assert not reader.avatar


def test_settings_answer_an_unknown_form_with_400(client, reader):
    assert client.post(SETTINGS_URL, {"form": "something"}).status_code == 400


def published_comment(article, author, text, when):
    return Comment.objects.create(
        article=article,
        author=author,
        text=text,
        html=f"<p>{text}</p>",
        status=Comment.Status.PUBLISHED,
        created_at=when,
        published_at=when,
    )


def test_profile_shows_name_since_and_latest_published_comments_but_no_email(client, home):
    reader = ReaderFactory(
        display_name="Anna Meier",
        email="anna.privat@example.ch",
        date_joined=datetime.datetime(2016, 6, 15, 12, tzinfo=datetime.UTC),
    )
    article = ArticlePageFactory(parent=SectionPageFactory(parent=home), title="Der Gotthard")
    now = timezone.now()
    published_comment(article, reader, "Ein sichtbarer Kommentar", now)
    Comment.objects.create(
        article=article, author=reader, text="Noch nicht geprüft", html="<p>x</p>", created_at=now
    )

    response = client.get(reverse("accounts:profile", args=[reader.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Anna Meier" in html
    # "registriert" once the de-CH catalog has the msgid "registered {{ since }}".
    assert "registriert Juni 2016" in html
    english = client.get("/en" + reverse("accounts:profile", args=[reader.pk])).content.decode()
    assert "registered June 2016" in english
    assert "Ein sichtbarer Kommentar" in html
    assert "Noch nicht geprüft" not in html
    assert "Der Gotthard" in html
    assert f"{article.url}#comment-" in html
    assert "anna.privat" not in html
    assert reader.username not in html


def test_profile_in_french_formats_the_month_in_french(client, home):
    reader = ReaderFactory(date_joined=datetime.datetime(2016, 6, 15, 12, tzinfo=datetime.UTC))
    html = client.get(f"/fr/leser/{reader.pk}/").content.decode()
    assert "juin 2016" in html


def test_profile_lists_comments_in_a_fixed_number_of_queries(client, home, django_assert_num_queries):
    reader = ReaderFactory()
    section = SectionPageFactory(parent=home)
    articles = [ArticlePageFactory(parent=section) for _ in range(3)]
    for number in range(25):
        published_comment(
            articles[number % 3],
            reader,
            f"Kommentar {number}",
            timezone.now() - datetime.timedelta(hours=number),
        )
    client.get(reverse("accounts:profile", args=[reader.pk]))  # warm the site caches

    # The reader's account, then their latest comments with their articles (the site is cached).
    with django_assert_num_queries(2):
        response = client.get(reverse("accounts:profile", args=[reader.pk]))

    html = response.content.decode()
    assert html.count('class="profile-comment"') == 20
    assert "Kommentar 0<" in html
    assert "Kommentar 24<" not in html


def test_profile_of_inactive_accounts_and_silent_staff_is_not_found(client, home):
    inactive = ReaderFactory(is_active=False)
    editor = UserFactory(is_staff=True)
    assert client.get(reverse("accounts:profile", args=[inactive.pk])).status_code == 404
    assert client.get(reverse("accounts:profile", args=[editor.pk])).status_code == 404
    assert client.get(reverse("accounts:profile", args=[987654])).status_code == 404
