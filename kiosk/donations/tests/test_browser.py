"""A reader gives 15 CHF in Chromium on the demo newsroom, and the newsroom sees it paid."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from kiosk.browser import FINANCE_USERNAME, READER_PASSWORD, screenshot
from kiosk.comments.tests.test_browser import ARTICLE

pytestmark = pytest.mark.browser


def test_a_reader_gives_15_chf_on_an_article_and_the_admin_shows_it_paid(demo_server, page, chromium):
    name = f"Testspenderin {uuid.uuid4().hex[:6]}"
    page.goto(demo_server + ARTICLE)
    box = page.locator("aside.donation-box")
    expect(box).to_be_visible()
    box.get_by_role("button", name="15 CHF").click()

    expect(page).to_have_url(re.compile(r"/unterstuetzen/\?"))
    expect(page.locator("input[name=amount][value='15']")).to_be_checked()
    page.locator("#donation-name").fill(name)
    screenshot(page, "donation-support")
    page.get_by_role("button", name="Mit Karte oder TWINT bezahlen").click()

    # The local stand-in for the provider's page, clearly labelled as a test.
    expect(page).to_have_url(re.compile(r"/testzahlung/bezahlen/"))
    expect(page.locator(".stand-in__label")).to_contain_text("Testzahlung")
    expect(page.get_by_role("heading", level=1)).to_contain_text("15.00")
    page.get_by_role("button", name="Mit einer Testkarte bezahlen").click()

    expect(page).to_have_url(re.compile(r"/unterstuetzen/danke/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Danke")
    # Once the webhook is processed, the page says so in place, without a reload.
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text(
        re.compile(r"Wir haben deine Spende von CHF.15\.00 erhalten")
    )
    expect(page.locator("[data-donation-status]")).to_have_attribute("data-donation-status", "paid")
    screenshot(page, "donation-thanks")

    admin = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH").new_page()
    admin.goto(demo_server + "/admin/login/?next=/admin/donations/list/")
    admin.locator("#id_login").fill(FINANCE_USERNAME)
    admin.locator("#id_password").fill(READER_PASSWORD)
    admin.locator("form.account-form button[type=submit]").click()
    expect(admin).to_have_url(re.compile(r"/admin/donations/list/"))
    row = admin.locator("tr", has_text=name)
    # The webhook came over HTTP from the stand-in; the worker processed it.
    for _attempt in range(20):
        if "Bezahlt" in (row.first.inner_text() if row.count() else ""):
            break
        admin.wait_for_timeout(500)
        admin.reload()
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Bezahlt")
    expect(row).to_contain_text("15.00")
    screenshot(admin, "donation-admin")
