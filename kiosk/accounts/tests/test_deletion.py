"""A reader deletes their account; staff delete one in the admin: the same path, exact counts, others' replies stay."""

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kiosk.accounts.models import User
from kiosk.accounts.services import account_delete
from kiosk.comments.models import Comment, Like, Report
from kiosk.comments.tests.factories import CommentFactory, LikeFactory, ReportFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory

from .factories import PASSWORD, ReaderFactory
from .images import photo_bytes, upload

pytestmark = pytest.mark.django_db

DELETE_URL = "/leser/einstellungen/konto-loeschen/"


@pytest.fixture
def article(home):
    from datetime import timedelta

    from django.utils import timezone

    section = SectionPageFactory(parent=home)
    return ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))


@pytest.fixture
def debate(article):
    """The leaving reader's comments, likes and reports among others'."""
    leaving = ReaderFactory(email="geht@example.ch", display_name="Gehende Leserin")
    others = ReaderFactory.create_batch(3)
    answered = CommentFactory(article=article, author=leaving, text="Beantwortet")
    alone = CommentFactory(article=article, author=leaving, text="Unbeantwortet")
    pending = CommentFactory(article=article, author=leaving, status=Comment.Status.PENDING, text="Wartend")
    replies = [
        CommentFactory(article=article, author=other, parent=answered, text=f"Antwort {n}")
        for n, other in enumerate(others)
    ]
    theirs = CommentFactory(article=article, author=others[0], text="Fremd")
    for comment in (theirs, replies[1]):
        LikeFactory(comment=comment, reader=leaving)
        LikeFactory(comment=comment, reader=others[2])
    LikeFactory(comment=alone, reader=others[1])
    ReportFactory(comment=theirs, reporter=leaving)
    ReportFactory(comment=theirs, reporter=others[1])
    recount()
    return {
        "leaving": leaving,
        "others": others,
        "answered": answered,
        "alone": alone,
        "pending": pending,
        "replies": replies,
        "theirs": theirs,
    }


def recount():
    for comment in Comment.objects.annotate(
        likes_n=Count("likes", distinct=True), reports_n=Count("reports", distinct=True)
    ):
        Comment.objects.filter(pk=comment.pk).update(
            like_count=comment.likes_n, report_count=comment.reports_n
        )


def assert_counts_exact():
    for comment in Comment.objects.all():
        assert comment.like_count == Like.objects.filter(comment=comment).count(), comment.pk
        assert comment.report_count == Report.objects.filter(comment=comment).count(), comment.pk


def logged_in(user) -> Client:
    client = Client()
    assert client.post("/konto/login/", {"login": user.email, "password": PASSWORD}).status_code == 302
    return client


def test_the_settings_page_offers_export_and_deletion(debate):
    client = logged_in(debate["leaving"])
    html = client.get(reverse("accounts:settings")).content.decode()
    assert reverse("accounts:data-export") in html
    assert DELETE_URL in html


def test_deleting_and_keeping_the_comments_anonymised(debate, article, django_capture_on_commit_callbacks):
    leaving = debate["leaving"]
    client = logged_in(leaving)
    elsewhere = logged_in(leaving)  # a second device
    client.post(reverse("accounts:settings"), {"form": "avatar", "avatar-avatar": upload(photo_bytes())})
    leaving.refresh_from_db()
    avatar = leaving.avatar
    assert avatar
    assert avatar.storage.exists(avatar.name)
    assert UserSession.objects.filter(user=leaving).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE_URL, {"comments": "keep", "password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=leaving.pk).exists()
    assert not EmailAddress.objects.filter(email="geht@example.ch").exists()
    assert not UserSession.objects.filter(user_id=leaving.pk).exists()
    assert not avatar.storage.exists(avatar.name)
    assert "_auth_user_id" not in client.session
    assert elsewhere.get(reverse("accounts:settings")).status_code == 302  # logged out there too
    kept = Comment.objects.filter(pk__in=[debate["answered"].pk, debate["alone"].pk])
    assert {(c.text, c.author_id, c.status) for c in kept} == {
        ("Beantwortet", None, "published"),
        ("Unbeantwortet", None, "published"),
    }
    assert not Comment.objects.filter(pk=debate["pending"].pk).exists()
    assert Comment.objects.filter(parent=debate["answered"], status="published").count() == 3
    assert not Like.objects.filter(reader_id=leaving.pk).exists()
    assert not Report.objects.filter(reporter_id=leaving.pk).exists()
    assert_counts_exact()
    with translation.override("en"):
        html = Client().get(article.url).content.decode()
    assert "Gehende Leserin" not in html
    assert "deleted account" in html
    assert "Beantwortet" in html


def test_deleting_and_removing_the_comments_keeps_others_replies(debate, article):
    leaving = debate["leaving"]
    client = logged_in(leaving)

    assert client.post(DELETE_URL, {"comments": "remove", "password": PASSWORD}).status_code == 302

    assert not Comment.objects.filter(pk__in=[debate["alone"].pk, debate["pending"].pk]).exists()
    shell = Comment.objects.get(pk=debate["answered"].pk)
    assert (shell.status, shell.text, shell.html, shell.author_id) == ("withdrawn", "", "", None)
    assert Comment.objects.filter(parent=shell, status="published").count() == 3
    assert Comment.objects.filter(pk=debate["theirs"].pk).exists()
    assert_counts_exact()
    html = Client().get(article.url).content.decode()
    assert "Beantwortet" not in html
    assert "Unbeantwortet" not in html
    assert "Antwort 2" in html


def test_a_wrong_password_deletes_nothing(debate):
    client = logged_in(debate["leaving"])
    response = client.post(DELETE_URL, {"comments": "remove", "password": "falsch"})
    assert response.status_code == 400
    assert User.objects.filter(pk=debate["leaving"].pk).exists()
    assert Comment.objects.filter(author=debate["leaving"]).count() == 3
    assert client.post(DELETE_URL, {"password": PASSWORD}).status_code == 400  # no choice made
    assert client.post(DELETE_URL, {"comments": "burn", "password": PASSWORD}).status_code == 400
    assert User.objects.filter(pk=debate["leaving"].pk).exists()


def test_deletion_needs_a_login_and_a_post(client, debate):
    assert client.post(DELETE_URL, {"comments": "keep", "password": PASSWORD}).status_code == 302
    assert User.objects.filter(pk=debate["leaving"].pk).exists()
    assert logged_in(debate["leaving"]).get(DELETE_URL).status_code == 200


def test_an_administrator_cannot_delete_themselves_from_the_reader_settings(home):
    admin = ReaderFactory(is_superuser=True, is_staff=True)
    response = logged_in(admin).post(DELETE_URL, {"comments": "keep", "password": PASSWORD})
    assert response.status_code == 400
    assert User.objects.filter(pk=admin.pk).exists()


def test_staff_deleting_a_user_in_the_admin_takes_the_same_path(debate):
    admin = ReaderFactory(is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("wagtailusers_users:delete", args=[debate["leaving"].pk]))
    assert response.status_code == 302
    assert not User.objects.filter(pk=debate["leaving"].pk).exists()
    assert Comment.objects.filter(parent=debate["answered"]).count() == 3
    assert Comment.objects.get(pk=debate["alone"].pk).author_id is None
    assert_counts_exact()


def test_staff_bulk_deleting_users_takes_the_same_path(debate):
    admin = ReaderFactory(is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(admin)
    ids = [debate["leaving"].pk, debate["others"][0].pk]
    url = (
        reverse("wagtail_bulk_action", args=("accounts", "user", "delete"))
        + "?"
        + "&".join(f"id={pk}" for pk in ids)
    )
    response = client.post(url)
    assert response.status_code == 302
    assert not User.objects.filter(pk__in=ids).exists()
    assert Comment.objects.filter(parent=debate["answered"]).count() == 3
    assert_counts_exact()


def test_deleting_a_demo_reader_keeps_every_other_comment_and_every_count(db, settings):
    from django.core.management import call_command

    settings.DEBUG = True  # the demo loads as in development
    call_command("load_demo", verbosity=0)
    busiest = User.objects.annotate(n=Count("comments")).filter(is_staff=False).order_by("-n").first()
    others_before = Comment.objects.exclude(author=busiest).count()
    account_delete(user=busiest, keep_comments=False)
    assert Comment.objects.exclude(author=None).count() == others_before
    assert_counts_exact()
