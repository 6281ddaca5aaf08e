"""What a reader does with their account, in Chromium on the demo newsroom."""

import pytest
from playwright.sync_api import expect

from kiosk.browser import READER_DOMAIN, READER_PASSWORD, screenshot

from .images import photo_bytes

pytestmark = pytest.mark.browser

DEMO_READER = f"leser01@{READER_DOMAIN}"


def test_reader_signs_up_and_is_asked_to_verify(demo_server, page):
    page.goto(demo_server + "/")
    page.get_by_role("link", name="Registrieren").first.click()

    expect(page.locator("h1")).to_have_count(1)
    screenshot(page, "account-signup")
    page.get_by_label("Display name").or_(page.get_by_label("Anzeigename")).fill("Browser Leserin")
    page.locator("#id_email").fill("browser-leserin@example.ch")
    page.locator("#id_password1").fill("ein-langes-Passwort-7")
    page.locator("#id_password2").fill("ein-langes-Passwort-7")
    page.locator("form.account-form button[type=submit]").click()

    expect(page).to_have_url(demo_server + "/konto/confirm-email/")
    expect(page.locator("h1")).to_have_count(1)
    screenshot(page, "account-verification-sent")


def test_reader_logs_in_changes_settings_and_logs_out(demo_server, page, tmp_path):
    page.goto(demo_server + "/konto/login/")
    screenshot(page, "account-login")
    page.locator("#id_login").fill(DEMO_READER)
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()

    account = page.locator(".header-account__reader")
    expect(account).to_contain_text("Leser")
    account.click()
    expect(page).to_have_url(demo_server + "/leser/einstellungen/")

    picture = tmp_path / "foto.jpg"
    picture.write_bytes(photo_bytes())
    page.locator("#id_avatar-avatar").set_input_files(str(picture))
    page.locator("#id_avatar-avatar").locator("xpath=ancestor::form").locator("button").click()
    expect(page.locator(".avatar-setting img.avatar")).to_be_visible()
    expect(page.locator(".header-account img.avatar")).to_be_visible()
    screenshot(page, "account-settings")

    # Spaces pass the browser's minlength; the server trims them and refuses the rest.
    page.locator("#id_profile-display_name").fill("  X  ")
    page.locator("#id_profile-display_name").locator("xpath=ancestor::form").locator("button").click()
    expect(page.locator("#id_profile-display_name")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "account-settings-error")

    page.locator(".header-account__logout button").click()
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
