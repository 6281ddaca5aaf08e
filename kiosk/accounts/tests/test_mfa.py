"""Two-factor authentication (allauth.mfa) and the admin's login through allauth, by real requests."""

from __future__ import annotations

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse

from kiosk.accounts.middleware import StaffTwoFactorMiddleware

from .factories import PASSWORD, ReaderFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/konto/login/"
MFA_URL = "/konto/2fa/"
ACTIVATE_URL = "/konto/2fa/totp/activate/"
AUTHENTICATE_URL = "/konto/2fa/authenticate/"
SETTINGS_URL = "/leser/einstellungen/"


@pytest.fixture(autouse=True)
def _tolerant_clock(settings, home):
    # One step either side, so a code computed just before a 30-second boundary still counts.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def editor():
    """An editor as an admin creates one in Wagtail: no allauth address record."""
    return UserFactory(
        username="redaktorin", email="redaktorin@kiosk.example", is_staff=True, is_superuser=True
    )


@pytest.fixture
def moderator():
    """Admin access through a group only, like the demo's moderation desk."""
    group = Group.objects.create(name="Moderation")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(username="moderator", email="moderator@kiosk.example")
    user.groups.add(group)
    return user


def set_up_app(user) -> str:
    """What the activation page does: an authenticator app's secret and recovery codes."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str, *, steps: int = 0) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + steps
    return format_hotp_value(hotp_value(secret, counter))


def wrong_code(secret: str) -> str:
    valid = {totp_code(secret, steps=steps) for steps in range(-2, 3)}
    return next(
        code for code in ("000000", "111111", "222222", "333333", "444444", "555555") if code not in valid
    )


def log_in(client, login: str, *, next_url: str = "/admin/"):
    return client.post(LOGIN_URL, {"login": login, "password": PASSWORD, "next": next_url})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# The login: password, then the code --------------------------------------------


def test_staff_give_a_code_after_the_password_and_land_in_the_admin(client, editor):
    secret = set_up_app(editor)

    response = log_in(client, "redaktorin")
    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE_URL
    assert not logged_in(client)
    assert client.get("/admin/")["Location"].startswith(LOGIN_URL)

    response = client.post(AUTHENTICATE_URL, {"code": wrong_code(secret)})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not logged_in(client)

    response = client.post(AUTHENTICATE_URL, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert logged_in(client)
    assert client.get("/admin/").status_code == 200
    # Staff whose address an admin typed in are not sent a verification mail.
    assert mail.outbox == []


def test_a_code_counts_once(client, editor):
    secret = set_up_app(editor)
    code = totp_code(secret)
    log_in(client, "redaktorin")
    client.post(AUTHENTICATE_URL, {"code": code})
    client.post("/konto/logout/")

    log_in(client, "redaktorin")
    response = client.post(AUTHENTICATE_URL, {"code": code})
    assert response.status_code == 200
    assert not logged_in(client)


def test_a_recovery_code_works_once(client, editor):
    set_up_app(editor)
    first, second = RecoveryCodes.activate(editor).get_unused_codes()[:2]

    log_in(client, "redaktorin")
    response = client.post(AUTHENTICATE_URL, {"code": first})
    assert response["Location"] == "/admin/"
    client.post("/konto/logout/")

    log_in(client, "redaktorin")
    response = client.post(AUTHENTICATE_URL, {"code": first})
    assert response.status_code == 200
    assert not logged_in(client)
    response = client.post(AUTHENTICATE_URL, {"code": second})
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("code", ["", "x" * 5000, "12 34 56", "٠١٢٣٤٥", "<script>"])
def test_garbage_codes_are_refused_plainly(client, editor, code):
    set_up_app(editor)
    log_in(client, "redaktorin")
    response = client.post(AUTHENTICATE_URL, {"code": code})
    assert response.status_code == 200
    assert not logged_in(client)


def test_the_code_step_without_a_password_first_leads_to_the_login(client, editor):
    response = client.post(AUTHENTICATE_URL, {"code": "123456"})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert not logged_in(client)


def test_readers_with_an_app_give_a_code_too(client):
    reader = ReaderFactory(email="leserin@example.ch")
    secret = set_up_app(reader)
    response = log_in(client, "leserin@example.ch", next_url="/")
    assert response["Location"] == AUTHENTICATE_URL
    assert client.post(AUTHENTICATE_URL, {"code": totp_code(secret)})["Location"] == "/"


# Who logs in with what ---------------------------------------------------------


def test_staff_log_in_by_username_or_e_mail(client, editor):
    assert log_in(client, "redaktorin")["Location"] == "/admin/"
    client.post("/konto/logout/")
    assert log_in(client, "redaktorin@kiosk.example")["Location"] == "/admin/"


def test_readers_log_in_by_e_mail_not_by_their_username(client):
    # Readers' usernames are made from their public names.
    reader = ReaderFactory(username="anna-meier", email="anna.privat@example.ch")
    response = log_in(client, reader.username, next_url="/")
    assert response.status_code == 200
    assert not logged_in(client)
    assert log_in(client, "anna.privat@example.ch", next_url="/")["Location"] == "/"


def test_readers_still_verify_their_address(client):
    reader = UserFactory(email="neu@example.ch")
    EmailAddress.objects.create(user=reader, email=reader.email, verified=False, primary=True)
    response = log_in(client, "neu@example.ch", next_url="/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not logged_in(client)
    assert len(mail.outbox) == 1


def test_staff_who_changed_their_address_through_allauth_verify_it(client, editor):
    EmailAddress.objects.create(user=editor, email=editor.email, verified=False, primary=True)
    response = log_in(client, "redaktorin")
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not logged_in(client)


def test_the_login_field_says_username_or_e_mail(client):
    form = client.get(LOGIN_URL).context["form"]
    assert form.fields["login"].label == "Benutzername oder E-Mail"
    assert form.fields["login"].widget.attrs["autocomplete"] == "username"


# Wagtail's own login is gone ---------------------------------------------------


def test_the_admin_sends_anonymous_visitors_to_allauth(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/admin/pages/"


def test_wagtails_login_takes_no_password(client, editor):
    response = client.post(
        "/admin/login/", {"username": "redaktorin", "password": PASSWORD, "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=%2Fadmin%2Fpages%2F"
    assert not logged_in(client)

    response = client.get("/admin/login/", {"username": "redaktorin", "password": PASSWORD})
    assert response["Location"] == f"{LOGIN_URL}?next=%2Fadmin%2F"
    assert not logged_in(client)


def test_wagtails_login_redirects_a_post_without_a_csrf_token_too(editor):
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "redaktorin", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/admin/",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver:9/",
        "/admin/\x00pages/",
        "/admin/\npages/",
    ],
)
def test_an_off_site_next_is_ignored(client, editor, next_url):
    response = client.get("/admin/login/", {"next": next_url})
    assert response["Location"] == f"{LOGIN_URL}?next=%2Fadmin%2F"

    response = log_in(client, "redaktorin", next_url=next_url)
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert response["Location"].startswith("/")


def test_after_logging_out_of_the_admin_it_asks_for_the_login_again(client, editor):
    client.force_login(editor)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert not logged_in(client)
    assert client.get("/admin/")["Location"].startswith(LOGIN_URL)


def test_a_logged_in_reader_gets_403_in_the_admin_not_a_redirect_loop(client):
    client.force_login(ReaderFactory())
    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/pages/").status_code == 403


# KIOSK_STAFF_REQUIRE_2FA ------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/moderation/"])
def test_required_2fa_sends_staff_without_an_app_to_set_one_up(client, settings, editor, path):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL


def test_required_2fa_says_why(client, settings, moderator):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    client.force_login(moderator)
    response = client.get("/admin/", follow=True)
    # Activation first asks for the password again (allauth's reauthentication).
    assert response.redirect_chain[0] == (ACTIVATE_URL, 302)
    assert response.status_code == 200
    assert b"message--warning" in response.content


def test_required_2fa_leaves_the_setup_and_the_logout_open(client, settings, editor):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    client.force_login(editor)
    assert client.get(MFA_URL).status_code == 200
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    response = client.get(ACTIVATE_URL)
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post(ACTIVATE_URL, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    response = client.post("/admin/logout/")
    assert response["Location"].startswith(LOGIN_URL)
    assert not logged_in(client)


def test_required_2fa_refuses_admin_requests_by_script_plainly(client, settings, editor):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.get("/admin/pages/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403


def test_required_2fa_lets_staff_with_an_app_in(client, settings, editor, moderator):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    for user in (editor, moderator):
        set_up_app(user)
        client.force_login(user)
        assert client.get("/admin/").status_code == 200


def test_required_2fa_leaves_readers_alone(client, settings):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    client.force_login(ReaderFactory())
    assert client.get(SETTINGS_URL).status_code == 200
    assert client.get("/").status_code == 200


def test_2fa_is_not_required_by_default(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_the_guard_never_looks_at_reader_pages(settings, django_assert_num_queries):
    settings.KIOSK_STAFF_REQUIRE_2FA = True
    request = RequestFactory().get("/wissen/")  # no user, no session: touching them would fail
    middleware = StaffTwoFactorMiddleware(lambda request: "page")
    with django_assert_num_queries(0):
        assert middleware(request) == "page"


# The pages in Kiosk's look ----------------------------------------------------


def assert_kiosk_page(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="page-account' in html
    assert 'class="account-title"' in html
    assert "style=" not in html
    # Under the Content-Security-Policy only data blocks may be inline.
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    return html


def test_every_2fa_page_renders_in_kiosks_look(client, editor):
    client.force_login(editor)
    assert_kiosk_page(client.get(MFA_URL))
    assert_kiosk_page(client.get(reverse("account_reauthenticate")))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.get(ACTIVATE_URL)
    html = assert_kiosk_page(response)
    assert re.search(r'<img class="account-qr" src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', html)
    assert "issuer=Kiosk" in response.context["totp_url"]
    response = client.post(ACTIVATE_URL, {"code": wrong_code(response.context["form"].secret)})
    assert_kiosk_page(response)
    client.post(ACTIVATE_URL, {"code": totp_code(response.context["form"].secret)})

    assert_kiosk_page(client.get(MFA_URL))
    assert_kiosk_page(client.get(reverse("mfa_view_recovery_codes")))
    assert_kiosk_page(client.get(reverse("mfa_generate_recovery_codes")))
    assert_kiosk_page(client.get(reverse("mfa_deactivate_totp")))
    assert_kiosk_page(client.get(reverse("mfa_reauthenticate")))
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"]

    client.post("/konto/logout/")
    log_in(client, "redaktorin")
    assert_kiosk_page(client.get(AUTHENTICATE_URL))


def test_the_settings_page_shows_two_factor_status_and_the_way_in(client):
    reader = ReaderFactory()
    client.force_login(reader)

    section = two_factor_section(client)
    assert f'href="/en{MFA_URL}"' in section
    assert "<strong>Off.</strong>" in section

    set_up_app(reader)
    assert "<strong>On.</strong>" in two_factor_section(client)


def two_factor_section(client) -> str:
    html = client.get(f"/en{SETTINGS_URL}").content.decode()
    return re.search(r'<section[^>]*aria-labelledby="settings-two-factor".*?</section>', html, re.S).group(0)


def test_second_factor_secrets_are_stored_encrypted(db):
    from allauth.mfa.models import Authenticator

    reader = ReaderFactory()
    secret = set_up_app(reader)
    stored = repr(list(Authenticator.objects.filter(user=reader).values_list("data", flat=True)))
    assert secret not in stored
    app = Authenticator.objects.get(user=reader, type=Authenticator.Type.TOTP).wrap()
    assert app.validate_code(totp_code(secret))
