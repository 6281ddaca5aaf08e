"""A stranger cannot lock a reader out; guessing is slowed and answered with 429 (issue 7, defect 3)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kiosk.accounts.tests.factories import PASSWORD, ReaderFactory
from kiosk.news.tests.factories import make_home
from kiosk.security.logins import DEVICE_COOKIE

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"


@pytest.fixture
def owner(db):
    make_home()
    return ReaderFactory(email="owner@example.ch")


def attempt(client, password, login="owner@example.ch"):
    return client.post(LOGIN, {"login": login, "password": password})


def from_address(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def test_twelve_wrong_passwords_from_a_stranger_do_not_lock_the_owner_out(owner):
    stranger = from_address("203.0.113.7")
    answers = [attempt(stranger, f"falsch-{n}").status_code for n in range(12)]
    assert answers[:5] == [200] * 5  # a form error: wrong password
    assert set(answers[5:]) == {429}  # then the stranger is slowed
    own_device = from_address("198.51.100.20")
    response = attempt(own_device, PASSWORD)
    assert response.status_code == 302
    assert int(own_device.session["_auth_user_id"]) == owner.pk


def test_a_throttled_attempt_answers_429_with_retry_after_and_a_readable_page(owner):
    stranger = from_address("203.0.113.7")
    for n in range(5):
        attempt(stranger, f"falsch-{n}")
    response = attempt(stranger, PASSWORD)  # even the right password is not tried now
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert 'role="alert"' in response.content.decode()
    assert reverse("account_reset_password") in response.content.decode()
    assert "_auth_user_id" not in stranger.session


def test_the_owners_known_device_logs_in_even_from_the_strangers_address(owner, settings):
    settings.KIOSK_RATE_LIMITS = {
        **settings.KIOSK_RATE_LIMITS,
        "login_failed": {**settings.KIOSK_RATE_LIMITS["login_failed"], "account": "8/3600"},
    }
    device = from_address("203.0.113.7")
    assert attempt(device, PASSWORD).status_code == 302
    known = device.cookies[DEVICE_COOKIE].value
    device.logout()  # the test client forgets every cookie; a browser keeps this one
    device.cookies[DEVICE_COOKIE] = known
    # A stranger in the same café uses up the address's and the account's allowance.
    for ip in ("203.0.113.7", "192.0.2.1", "192.0.2.2"):
        stranger = from_address(ip)
        for n in range(6):
            attempt(stranger, f"falsch-{n}")
    assert attempt(from_address("192.0.2.99"), PASSWORD).status_code == 429  # a new device waits
    response = attempt(device, PASSWORD)
    assert response.status_code == 302
    assert int(device.session["_auth_user_id"]) == owner.pk


def test_a_forged_device_cookie_is_worthless(owner):
    stranger = from_address("203.0.113.7")
    stranger.cookies[DEVICE_COOKIE] = "eyJkIjoieCIsImEiOltdfQ:forged:signature"
    answers = [attempt(stranger, f"falsch-{n}").status_code for n in range(7)]
    assert answers[-1] == 429


def test_a_password_reset_clears_the_account_wide_count(owner, settings):
    settings.KIOSK_RATE_LIMITS = {
        **settings.KIOSK_RATE_LIMITS,
        "login_failed": {**settings.KIOSK_RATE_LIMITS["login_failed"], "account": "3/3600"},
    }
    for ip in ("192.0.2.1", "192.0.2.2"):
        for n in range(2):
            attempt(from_address(ip), f"falsch-{n}")
    new_phone = from_address("198.51.100.20")
    assert attempt(new_phone, PASSWORD).status_code == 429
    new_phone.post(reverse("account_reset_password"), {"email": "owner@example.ch"})
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/konto/password/reset/key/" in line)
    path = link[link.index("/konto/") :].strip()
    form = new_phone.get(path, follow=True)
    new_phone.post(
        form.redirect_chain[-1][0], {"password1": "ein-neues-Passwort-9", "password2": "ein-neues-Passwort-9"}
    )
    assert attempt(new_phone, "ein-neues-Passwort-9").status_code == 302
