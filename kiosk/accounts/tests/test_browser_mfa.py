"""A reader sets up two-factor authentication in Chromium on the demo newsroom, and logs in with it."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from kiosk.browser import READER_DOMAIN, READER_PASSWORD, screenshot

pytestmark = pytest.mark.browser

# A quiet demo reader no other browser test logs in as: the test leaves them with 2FA on.
READER = f"leser60@{READER_DOMAIN}"
TOTP_PERIOD = 30  # allauth's default, as the demo server runs it

# Records every Content-Security-Policy violation the page reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def current_code(secret: str) -> str:
    """The app's code now, never one about to expire (the server allows no step either side)."""
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_login").fill(READER)
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()


def test_reader_sets_up_an_authenticator_app_and_logs_in_with_a_recovery_code(demo_server, page):
    expect.set_options(timeout=15_000)
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, demo_server)
    expect(page.locator(".header-account__reader")).to_be_visible()

    page.goto(demo_server + "/leser/einstellungen/")
    page.locator("#settings-two-factor").locator("xpath=..").get_by_role("link").click()
    expect(page).to_have_url(demo_server + "/konto/2fa/")
    page.locator("a[href='/konto/2fa/totp/activate/']").click()
    # Setting up asks for the password once more.
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()

    expect(page).to_have_url(demo_server + "/konto/2fa/totp/activate/")
    qr = page.locator("img.account-qr")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "the QR code did not load"
    screenshot(page, "account-2fa-activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(current_code(secret))
    page.locator("form.account-form button[type=submit]").click()

    expect(page).to_have_url(demo_server + "/konto/2fa/recovery-codes/")
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) == 10
    screenshot(page, "account-2fa-recovery-codes")
    assert page.evaluate("window.__cspViolations") == []

    page.locator(".header-account__logout button").click()
    log_in(page, demo_server)
    expect(page).to_have_url(demo_server + "/konto/2fa/authenticate/")
    screenshot(page, "account-2fa-authenticate")
    page.locator("#id_code").fill(codes[0])
    page.locator("form.account-form button[type=submit]").first.click()
    expect(page.locator(".header-account__reader")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
    expect.set_options(timeout=5_000)
