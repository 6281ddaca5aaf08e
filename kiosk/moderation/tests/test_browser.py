"""The desk in Chromium on the demo newsroom: a moderator works the queue with the keyboard; a blocked reader is refused.

Shares the demo server with the other browser tests: each writes its own text with a
demo reader no other browser test uses (``luca``), and changes no schedule.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from kiosk.browser import MODERATOR_USERNAME, READER_DOMAIN, READER_PASSWORD, reader_logged_in, screenshot
from kiosk.comments.tests.test_browser import ARTICLE, own_comment, unique_text, write_comment

pytestmark = pytest.mark.browser


def moderator_logged_in(tab, base_url: str) -> None:
    tab.goto(base_url + "/admin/login/?next=/admin/moderation/")
    tab.locator("#id_login").fill(MODERATOR_USERNAME)
    tab.locator("#id_password").fill(READER_PASSWORD)
    tab.locator("form.account-form button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/admin/moderation/"))


def test_a_moderator_works_the_queue_with_the_keyboard_and_the_author_sees_the_reason(demo_server, chromium):
    reader_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    desk_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    errors: list[str] = []
    try:
        reader = reader_context.new_page()
        reader_logged_in(reader, demo_server, "luca", ARTICLE)
        reader.goto(demo_server + ARTICLE)
        first, second = unique_text("Erster Gedanke"), unique_text("Zweiter Gedanke")
        write_comment(reader, first)
        expect(own_comment(reader, first)).to_have_count(1)
        reader.reload()
        write_comment(reader, second)
        expect(own_comment(reader, second)).to_have_count(1)

        desk = desk_context.new_page()
        desk.on("pageerror", lambda error: errors.append(str(error)))
        moderator_logged_in(desk, demo_server)
        # Only Luca's comments (the row's own filter link), oldest first: the first is the current row.
        desk.goto(demo_server + "/admin/moderation/?q=" + first.split(",")[0])
        only_luca = desk.locator("li.kiosk-queue__item a[href*='author=']").first.get_attribute("href")
        desk.goto(demo_server + "/admin/moderation/" + only_luca + "&order=oldest")
        rows = desk.locator("li.kiosk-queue__item")
        first_row = rows.filter(has_text=first)
        second_row = rows.filter(has_text=second)
        expect(first_row).to_have_count(1)
        expect(second_row).to_have_count(1)
        screenshot(desk, "desk-queue")

        # Help opens and closes with ?.
        desk.keyboard.press("?")
        expect(desk.locator("dialog[data-desk-help]")).to_be_visible()
        desk.keyboard.press("Escape")
        expect(desk.locator("dialog[data-desk-help]")).to_be_hidden()

        # The current row is the first one; a approves it without a page load.
        expect(first_row).to_have_class(re.compile("kiosk-queue__item--current"))
        desk.keyboard.press("j")
        expect(second_row).to_have_class(re.compile("kiosk-queue__item--current"))
        desk.keyboard.press("k")
        expect(first_row).to_have_class(re.compile("kiosk-queue__item--current"))
        desk.keyboard.press("a")
        expect(first_row).to_have_count(0)
        expect(desk.locator("[data-desk-status]")).to_contain_text("veröffentlicht")
        # The next comment is current; r then 2 rejects it under the second house rule.
        expect(second_row).to_have_class(re.compile("kiosk-queue__item--current"))
        desk.keyboard.press("r")
        rule = second_row.locator("[data-desk-reason] option").nth(1).inner_text()
        desk.keyboard.press("2")
        expect(second_row).to_have_count(0)
        expect(desk.locator("[data-desk-status]")).to_contain_text("abgelehnt")
        screenshot(desk, "desk-queue-after")

        # The author sees the rule's text on the article.
        reader.reload()
        rejected = own_comment(reader, second)
        expect(rejected).to_have_count(1)
        expect(rejected.locator(".comment__decision")).to_contain_text("beleidigt")
        assert rule.startswith("2. ")
        # And the log has both decisions.
        desk.goto(demo_server + "/admin/moderation/audit/?action=comment_rejected")
        expect(desk.locator("table.listing")).to_contain_text("leser-luca")
        # The dashboard counts them, with the demo's week behind them.
        desk.goto(demo_server + "/admin/moderation/dashboard/")
        expect(desk.locator("svg")).not_to_have_count(0)
        expect(desk.locator("main")).to_contain_text("moderation-abend")
        screenshot(desk, "desk-dashboard")
        desk.emulate_media(color_scheme="dark")
        screenshot(desk, "desk-dashboard-dark")
    finally:
        reader_context.close()
        desk_context.close()
    assert not errors, errors


def test_a_blocked_reader_is_refused_with_the_reason(demo_server, page):
    page.goto(f"{demo_server}/konto/login/?next={ARTICLE}")
    page.locator("#id_login").fill(f"leser59@{READER_DOMAIN}")
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page.locator(".header-account__reader")).to_be_visible()
    page.goto(demo_server + ARTICLE)
    text = unique_text("Gesperrt geschrieben")
    write_comment(page, text)
    # Refused with the reason the moderator gave, and nothing stored.
    status = page.locator("form[data-comment-form] [data-form-status]").first
    expect(status).to_contain_text("beleidigende Kommentare")
    page.reload()
    expect(own_comment(page, text)).to_have_count(0)
    screenshot(page, "desk-blocked-reader")


def test_outside_the_staffed_hours_the_article_says_when_commenting_opens(demo_server, chromium):
    """A closed day added in the admin pauses commenting at once, with the opening time; removed, it lifts."""
    today = datetime.now(ZoneInfo("Europe/Zurich")).date()
    tomorrow = today + timedelta(days=1)
    desk_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    reader_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-CH")
    desk = desk_context.new_page()
    edit_url = None
    try:
        moderator_logged_in(desk, demo_server)
        desk.goto(demo_server + "/admin/moderation/hours/exceptions/new/")
        desk.locator("#id_date").fill(today.isoformat())
        desk.locator("#id_note").fill("Browsertest: heute geschlossen")
        desk.locator("main form button[type=submit]").first.click()
        listed = desk.get_by_role("link", name=re.compile(today.strftime("%d.%m.%Y")))
        expect(listed).to_have_count(1)
        edit_url = listed.get_attribute("href")

        reader = reader_context.new_page()
        reader_logged_in(reader, demo_server, "reto", ARTICLE)
        reader.goto(demo_server + ARTICLE)
        window = reader.locator(".comments__window")
        expect(window).to_contain_text(tomorrow.strftime("%d.%m.%Y"))
        expect(reader.locator("form[data-comment-form]")).to_have_count(0)
        screenshot(reader, "desk-closed-hours")
        # The API refuses as well, with the same opening time.
        refused = reader.evaluate(
            """async () => {
                const session = await (await fetch('/api/session')).json();
                const article = document.querySelector('[data-comments]').dataset.article;
                const response = await fetch(`/api/articles/${article}/comments`, {
                    method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRFToken': session.csrf_token},
                    body: JSON.stringify({text: 'Nachts geschrieben'})});
                return [response.status, (await response.json()).message];
            }"""
        )
        assert refused[0] == 403
        assert tomorrow.strftime("%d.%m.%Y") in refused[1]
    finally:
        if edit_url:
            desk.goto(demo_server + edit_url.replace("/edit/", "/delete/"))
            desk.locator("main form button[type=submit]").first.click()
            expect(desk.get_by_role("link", name=re.compile(today.strftime("%d.%m.%Y")))).to_have_count(0)
        desk_context.close()
        reader_context.close()
