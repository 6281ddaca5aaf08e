"""The reader comment loop in Chromium on the demo newsroom: write, review, publish, like, report.

The tests share one demo server, so each writes its own text, signs up its
own address or uses a demo reader no other test here uses, and leaves likes
as it found them. Assertions wait for the result, so they hold both when
kiosk.js answers in place and when a form posts and the page comes back.
"""

from __future__ import annotations

import email
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from kiosk.browser import MODERATOR_USERNAME, READER_PASSWORD, reader_logged_in, screenshot

pytestmark = pytest.mark.browser

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
# Published 30 hours before the demo was loaded: its debate is closed but readable.
CLOSED_ARTICLE = "/wissen/raumfahrt/kamera-besteht-ruetteltest/"
CONFIRM_LINK = re.compile(r"https?://[^\s/]+(/konto/confirm-email/[^\s]+/)")


def unique_text(what: str) -> str:
    return f"{what} aus dem Browsertest, Nummer {uuid.uuid4().hex[:10]}."


def write_comment(page, text: str) -> None:
    form = page.locator("form[data-comment-form]").first
    form.get_by_label("Dein Kommentar").fill(text)
    form.get_by_role("button", name="Kommentar senden").click()


def own_comment(page, text: str):
    return page.locator("article.comment--own").filter(has_text=text)


def thread_comment(page, text: str):
    """A published comment in the thread (not its copy among the most popular)."""
    return page.locator("section.comments__thread article[id^='comment-']").filter(has_text=text)


def mail_to(mail_dir: Path, address: str, *, timeout: float = 10) -> email.message.Message:
    """The newest e-mail the server wrote to the folder for this address."""
    deadline = time.monotonic() + timeout
    while True:
        found = []
        for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
            # The filebased backend separates the messages in one file with a line of dashes.
            # Parsed as bytes: from a str, 8bit UTF-8 bodies would decode as Latin-1.
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                message = email.message_from_bytes(chunk.strip(b"\n"))
                if address in (message.get("To") or ""):
                    found.append(message)
        if found:
            return found[-1]
        if time.monotonic() > deadline:
            raise AssertionError(f"no e-mail to {address} in {mail_dir}")
        time.sleep(0.2)


def body_of(message: email.message.Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def test_new_reader_signs_up_confirms_and_comments(demo_server, demo_mail, page, new_tab):
    address = f"browser-{uuid.uuid4().hex[:8]}@example.ch"
    page.goto(demo_server + "/konto/signup/")
    page.locator("#id_display_name").fill("Browser Leserin")
    page.locator("#id_email").fill(address)
    page.locator("#id_password1").fill("ein-langes-Passwort-7")
    page.locator("#id_password2").fill("ein-langes-Passwort-7")
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(demo_server + "/konto/confirm-email/")

    link = CONFIRM_LINK.search(body_of(mail_to(demo_mail, address)))
    assert link, "the verification mail has no confirmation link"
    page.goto(demo_server + link.group(1))
    screenshot(page, "comments-signup-confirm")
    page.locator("form[action*='/konto/confirm-email/'] button[type=submit]").click()
    expect(page.locator(".header-account__reader")).to_contain_text("Browser Leserin")

    page.goto(demo_server + ARTICLE)
    text = unique_text("Mein erster Kommentar")
    write_comment(page, text)
    mine = own_comment(page, text)
    expect(mine).to_contain_text("wartet auf Freigabe")
    expect(mine).to_be_visible()
    screenshot(page, "comments-awaiting-review")
    page.reload()
    expect(page.locator("section.comments__own")).to_contain_text("Deine Kommentare, die andere nicht sehen")
    expect(own_comment(page, text)).to_contain_text("wartet auf Freigabe")

    anonymous = new_tab()
    anonymous.goto(demo_server + ARTICLE)
    expect(anonymous.locator("section#comments h2")).to_contain_text("Kommentare")
    expect(anonymous.locator("section#comments")).not_to_contain_text(text)


def test_moderator_approves_and_anonymous_readers_see_it(demo_server, page, new_tab):
    reader_logged_in(page, demo_server, "nadia", ARTICLE)
    page.goto(demo_server + ARTICLE)
    text = unique_text("Bitte freigeben")
    write_comment(page, text)
    expect(own_comment(page, text)).to_contain_text("wartet auf Freigabe")

    # An anonymous reader has the article from the page cache, without the comment.
    anonymous = new_tab()
    anonymous.goto(demo_server + ARTICLE)
    expect(anonymous.locator("section#comments")).not_to_contain_text(text)

    moderator = new_tab()
    # The admin's old login sends staff to allauth's, which takes their username.
    moderator.goto(demo_server + "/admin/login/?next=/admin/moderation/")
    expect(moderator).to_have_url(re.compile(r"/konto/login/"))
    moderator.locator("#id_login").fill(MODERATOR_USERNAME)
    moderator.locator("#id_password").fill(READER_PASSWORD)
    moderator.locator("form.account-form button[type=submit]").click()
    expect(moderator).to_have_url(re.compile(r"/admin/moderation/"))
    item = moderator.locator("li.kiosk-queue__item").filter(has_text=text)
    expect(item).to_have_count(1)
    screenshot(moderator, "comments-review-queue")
    item.locator("form[action*='/approve/'] button").click()
    expect(moderator.locator("li.kiosk-queue__item").filter(has_text=text)).to_have_count(0)

    deadline = time.monotonic() + 10
    published = thread_comment(anonymous, text)
    while True:
        anonymous.reload()
        if published.count() or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    expect(published).to_have_count(1)
    expect(published).to_be_visible()
    screenshot(anonymous, "comments-published-anonymous")

    # The author is told on the article, and the comment is no longer among their hidden ones.
    page.reload()
    expect(page.locator(".comments__notice")).to_contain_text("veröffentlicht")
    expect(own_comment(page, text)).to_have_count(0)
    expect(thread_comment(page, text)).to_have_count(1)


def test_reader_likes_and_takes_it_back(demo_server, page):
    reader_logged_in(page, demo_server, "peter", ARTICLE)
    page.goto(demo_server + ARTICLE)
    writes = []
    page.on(
        "request", lambda request: request.method != "GET" and writes.append((request.method, request.url))
    )
    other = thread_comment(page, "Wie schnell ist so ein Satellit eigentlich unterwegs?")
    like = other.locator("button.comment__like")
    count = other.locator("[data-like-count]")
    expect(like).to_have_attribute("aria-pressed", "false")
    before = int(count.inner_text())
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text(str(before + 1))
    screenshot(page, "comments-liked")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(count).to_have_text(str(before))
    # In place through the JSON API, the site's one JSON interface.
    assert [(method, url.split("/api/")[-1].split("/")[-1]) for method, url in writes] == [
        ("POST", "like"),
        ("DELETE", "like"),
    ]


def test_reader_reports_a_comment_but_cannot_like_their_own(demo_server, page):
    reader_logged_in(page, demo_server, "yasmin", ARTICLE)
    page.goto(demo_server + ARTICLE)

    mine = thread_comment(page, "Die Aufnahme der Berner Alpen hängt jetzt als Hintergrund")
    expect(mine).to_have_count(1)
    expect(mine.locator("button.comment__like")).to_have_count(0)
    expect(mine.locator("details.comment__report")).to_have_count(0)

    reported = thread_comment(page, "Ich hoffe, die Daten werden auch für Klimaforschung genutzt")
    reported.locator("details.comment__report summary").click()
    reported.locator("input[name=reason]").first.check()
    reported.get_by_role("button", name="Meldung senden").click()
    expect(reported.locator(".comment__reported")).to_contain_text(re.compile("Gemeldet|Danke"))
    screenshot(page, "comments-reported")
    page.reload()
    expect(reported.locator(".comment__reported")).to_have_text("Gemeldet")
    expect(reported.locator("details.comment__report")).to_have_count(0)


def test_go_to_comment_opens_its_page_of_the_thread(demo_server, page):
    page.goto(demo_server + ARTICLE)
    top = page.locator("section.comments__top")
    expect(top).to_contain_text("Top-Kommentare")
    expect(top.locator("article.comment")).to_have_count(3)
    # The oldest comment is among the most liked; newest first, it lies beyond the first page.
    oldest = top.locator("article.comment").filter(has_text="Grossartig, was die Studierenden")
    oldest.get_by_role("link", name="Zum Kommentar").click()

    expect(page).to_have_url(re.compile(r"[?&]page=[2-9]\d*#comment-\d+$"))
    anchor = urlsplit(page.url).fragment
    target = page.locator(f"article#{anchor}")
    expect(target).to_contain_text("Grossartig, was die Studierenden")
    expect(target).to_be_in_viewport()
    assert target.evaluate("element => element.matches(':target')")
    screenshot(page, "comments-permalink")


def test_closed_debate_takes_no_comments(demo_server, page):
    reader_logged_in(page, demo_server, "sabine", ARTICLE)
    page.goto(demo_server + CLOSED_ARTICLE)
    comments = page.locator("section#comments")
    expect(comments).to_contain_text("Die Kommentare sind geschlossen.")
    expect(comments.locator("form[data-comment-form]")).to_have_count(0)
    expect(comments.locator("textarea[name=text]")).to_have_count(0)
    expect(comments.locator("button.comment__like")).to_have_count(0)
    # The existing debate stays readable.
    expect(comments.locator("article[id^='comment-']").first).to_be_visible()
    screenshot(page, "comments-closed")

    # A hand-made post with the reader's own session and token is refused all the same.
    article_id = comments.get_attribute("data-article")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    text = unique_text("Zu spät")
    response = page.request.post(
        f"{demo_server}/kommentare/artikel/{article_id}/",
        form={"csrfmiddlewaretoken": token, "text": text},
        headers={"Referer": demo_server + CLOSED_ARTICLE, "X-CSRFToken": token},
        max_redirects=0,
    )
    assert response.status == 403, response.text()[:500]
    page.reload()
    expect(comments).not_to_contain_text(text)


def test_comment_and_like_without_javascript(demo_server, chromium):
    context = chromium.new_context(java_script_enabled=False, locale="de-CH")
    page = context.new_page()
    try:
        reader_logged_in(page, demo_server, "jonas", ARTICLE)
        page.goto(demo_server + ARTICLE)
        text = unique_text("Ohne JavaScript")
        write_comment(page, text)
        expect(page).to_have_url(re.compile(re.escape(ARTICLE) + r"#comment-\d+$"))
        expect(page.locator("body")).to_contain_text("Danke! Dein Kommentar wartet auf Freigabe.")
        expect(own_comment(page, text)).to_contain_text("wartet auf Freigabe")
        screenshot(page, "comments-nojs-posted")

        other = thread_comment(page, "Wann kommen die nächsten Bilder?")
        like = other.locator("button.comment__like")
        count = other.locator("[data-like-count]")
        expect(like).to_have_attribute("aria-pressed", "false")
        before = int(count.inner_text())
        like.click()
        expect(page.locator("body")).to_contain_text("Dieser Kommentar gefällt dir.")
        expect(like).to_have_attribute("aria-pressed", "true")
        expect(count).to_have_text(str(before + 1))
        screenshot(page, "comments-nojs-liked")
        like.click()
        expect(like).to_have_attribute("aria-pressed", "false")
        expect(count).to_have_text(str(before))
    finally:
        context.close()


def test_reply_sent_in_place_is_confirmed_where_it_was_written(demo_server, page):
    reader_logged_in(page, demo_server, "mirjam", ARTICLE)
    page.goto(demo_server + ARTICLE)
    other = thread_comment(page, "Wann kommen die nächsten Bilder?")
    reply = other.locator("details.comment__reply")
    reply.locator("summary").click()
    text = unique_text("Meine Antwort")
    reply.locator("textarea").fill(text)
    reply.get_by_role("button", name="Antwort senden").click()

    # The form folds away; the thanks stand in its place, in a status region that has the focus.
    confirmation = other.locator("[data-reply-status]")
    expect(confirmation).to_have_text(
        re.compile("Danke! Deine Antwort wartet auf Freigabe.|Thank you! Your reply is awaiting review.")
    )
    expect(confirmation).to_have_attribute("role", "status")
    expect(confirmation).to_be_focused()
    expect(reply).not_to_have_attribute("open", "")
    screenshot(page, "comments-reply-confirmed")
    # The reply waits among the reader's own, with its date as the page writes dates.
    mine = own_comment(page, text)
    expect(mine).to_contain_text("wartet auf Freigabe")
    assert re.search(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", mine.locator("time").inner_text())

    # Opening the reply form again starts afresh.
    reply.locator("summary").click()
    expect(confirmation).to_have_text("")


def test_comment_sent_in_place_keeps_the_focus_at_its_form(demo_server, page):
    reader_logged_in(page, demo_server, "marco", ARTICLE)
    page.goto(demo_server + ARTICLE)
    text = unique_text("Mein Kommentar mit Fokus")
    write_comment(page, text)
    status = page.locator("form[data-comment-form]").first.locator("[data-form-status]")
    expect(status).to_have_text("Danke! Dein Kommentar wartet auf Freigabe.")
    expect(status).to_be_focused()
    expect(own_comment(page, text)).to_contain_text("wartet auf Freigabe")
