"""Signing up, verifying the e-mail address and logging in, through real requests."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from kiosk.accounts.models import User

from .factories import PASSWORD, ReaderFactory, UserFactory

pytestmark = pytest.mark.django_db

# Links in mails go to the public address (KIOSK_BASE_URL), not to the request's host.
BASE = "https://news.example"
LINK = re.compile(r"https://news\.example(/\S+)")


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.KIOSK_BASE_URL = BASE


def signup(client, **data):
    payload = {
        "display_name": "  Anna Muster  ",
        "email": "anna@example.ch",
        "password1": "ein-langes-Passwort-7",
        "password2": "ein-langes-Passwort-7",
    }
    payload.update(data)
    return client.post(reverse("account_signup"), payload)


def test_signup_page_asks_for_the_display_name_first(client, home):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'name="display_name"' in html
    assert html.index('name="display_name"') < html.index('name="email"')
    assert '<label for="id_display_name">' in html


def test_signup_stores_the_display_name_and_sends_a_verification_mail(client, home):
    response = signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="anna@example.ch")
    assert user.display_name == "Anna Muster"
    assert user.username == "anna_muster"  # made from the public name, never from the e-mail
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.ch"]
    assert message.subject.startswith("[Kiosk] ")
    assert "Kiosk" in message.body
    assert "Anna Muster" in message.body
    assert message.body.splitlines()[0].endswith(" Kiosk!")  # the newsroom's name, not the host's
    assert LINK.search(message.body)


def test_the_link_in_the_mail_verifies_the_address_and_logs_in(client, home):
    signup(client)
    path = LINK.search(mail.outbox[0].body).group(1)

    page = client.get(path)
    assert page.status_code == 200
    assert page.content.decode().count("<h1") == 1
    response = client.post(path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="anna@example.ch").verified
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_the_confirmation_link_is_absolute_and_uses_https_in_production(client, home):
    with override_settings(ACCOUNT_DEFAULT_HTTP_PROTOCOL="https"):
        signup(client)
    assert re.search(r"https://news\.example/konto/confirm-email/\S+/", mail.outbox[0].body)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("A", "at least 2"),
        ("  A  ", "at least 2"),
        ("x" * 41, "at most 40"),
        ("   ", "required"),
    ],
)
def test_display_name_must_be_2_to_40_characters(client, home, name, error):
    with translation.override("en"):
        response = signup(client, display_name=name)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert '<ul class="errorlist" id="id_display_name_error">' in html
    assert 'aria-describedby="id_display_name_helptext id_display_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="anna@example.ch"' in html  # the input is kept
    assert not User.objects.exists()


def test_reader_logs_in_by_email(client, home):
    reader = ReaderFactory(email="beat@example.ch")
    response = client.post(reverse("account_login"), {"login": "beat@example.ch", "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == reader.pk


def test_wrong_password_shows_an_error_tied_to_the_form(client, home):
    ReaderFactory(email="beat@example.ch")
    response = client.post(reverse("account_login"), {"login": "beat@example.ch", "password": "falsch"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unverified_reader_cannot_log_in(client, home):
    user = UserFactory(email="neu@example.ch")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    response = client.post(reverse("account_login"), {"login": "neu@example.ch", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1  # a fresh verification mail instead


@override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip", "login_failed": False})
def test_too_many_login_attempts_are_answered_with_429(client, home):
    ReaderFactory(email="beat@example.ch")
    data = {"login": "beat@example.ch", "password": "falsch"}
    for _attempt in range(3):
        assert client.post(reverse("account_login"), data).status_code == 200
    assert client.post(reverse("account_login"), data).status_code == 429


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_entrance_pages_use_the_site_layout(client, home, url_name):
    response = client.get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert "page-account--entrance" in html
    assert html.count("<h1") == 1
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("url_name", ["account_email", "account_change_password", "account_logout"])
def test_manage_pages_use_the_site_layout_and_lead_back_to_the_settings(client, home, url_name):
    client.force_login(ReaderFactory())
    response = client.get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert html.count("<h1") == 1
    assert reverse("accounts:settings") in html


def test_password_reset_mail_links_to_a_working_form(client, home):
    ReaderFactory(email="beat@example.ch")
    client.post(reverse("account_reset_password"), {"email": "beat@example.ch"})
    path = LINK.search(mail.outbox[0].body).group(1)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()


def test_signing_up_with_a_taken_address_answers_as_for_a_new_one(client, home):
    ReaderFactory(email="anna@example.ch")
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="anna@example.ch").count() == 1
    assert len(mail.outbox) == 1  # "you already have an account" goes to the owner
