"""Every link in a mail leads to the public address (KIOSK_BASE_URL), not to the request's host.

The requests in these tests come to ``testserver`` and the Site record says
``localhost``; a forged Host header must not reach a reader's inbox either.
"""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.core import mail
from django.urls import reverse
from django.utils import translation

from kiosk.comments import services
from kiosk.comments.tests.factories import CommenterFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory

from .factories import ReaderFactory

pytestmark = pytest.mark.django_db

BASE = "https://news.example"
URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


def links_in(message) -> list[str]:
    return URL.findall(message.body)


def assert_only_public_links(message) -> None:
    links = links_in(message)
    assert links, message.body
    assert all(link.startswith(f"{BASE}/") for link in links), links
    assert "testserver" not in message.body
    assert "localhost" not in message.body


def signup(client, email="anna@example.ch", **extra):
    return client.post(
        reverse("account_signup"),
        {
            "display_name": "Anna Muster",
            "email": email,
            "password1": "ein-langes-Passwort-7",
            "password2": "ein-langes-Passwort-7",
        },
        **extra,
    )


def test_the_verification_mail_links_and_signs_with_the_public_address(client, home):
    signup(client)

    (message,) = mail.outbox
    assert_only_public_links(message)
    assert re.search(rf"{re.escape(BASE)}/konto/confirm-email/\S+/", message.body)
    assert "news.example" in message.body.replace(BASE, "")  # the domain it signs with


def test_the_verification_link_is_public_even_for_a_reader_on_another_allowed_host(client, home, settings):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    signup(client, HTTP_HOST="127.0.0.1")

    (message,) = mail.outbox
    assert_only_public_links(message)
    assert "127.0.0.1" not in message.body


def test_the_password_reset_mail_links_to_the_public_address(client, home):
    reader = ReaderFactory(email="beat@example.ch")

    client.post(reverse("account_reset_password"), {"email": reader.email})

    (message,) = mail.outbox
    assert_only_public_links(message)
    path = re.search(rf"{re.escape(BASE)}(/konto/password/reset/key/\S+/)", message.body).group(1)
    assert client.get(path, follow=True).status_code == 200


def test_the_unknown_account_mail_links_to_the_public_sign_up(client, home):
    client.post(reverse("account_reset_password"), {"email": "niemand@example.ch"})

    (message,) = mail.outbox
    assert_only_public_links(message)
    assert f"{BASE}{reverse('account_signup')}" in message.body


def test_the_account_already_exists_mail_links_to_the_public_address(rf, home):
    # What allauth sends when someone signs up with an address that has an account.
    request = rf.get(reverse("account_signup"))
    with allauth_context.request_context(request):
        get_adapter(request).send_account_already_exists_mail("anna@example.ch")

    (message,) = mail.outbox
    assert_only_public_links(message)
    assert f"{BASE}{reverse('account_reset_password')}" in message.body


def test_the_comment_decision_mail_links_to_the_public_address(
    client, home, django_capture_on_commit_callbacks
):
    section = SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")
    article = ArticlePageFactory(parent=section)
    author = CommenterFactory()
    comment = services.comment_submit(article=article, author=author, text="Bitte freigeben")
    client.force_login(CommenterFactory(is_staff=True, is_superuser=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("moderation_admin:approve", args=[comment.pk]))

    assert response.status_code == 302
    (message,) = mail.outbox
    assert_only_public_links(message)
    with translation.override("de-ch"):
        assert f"{BASE}{reverse('comments:permalink', args=[comment.pk])}" in message.body
