"""What a reader does on the demo article, in Chromium."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from kiosk.browser import screenshot

pytestmark = pytest.mark.browser

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
NEXT_BUTTON = "[data-gallery-next], .gallery__button--next"


def is_disabled(button) -> bool:
    return button.is_disabled() or button.get_attribute("aria-disabled") == "true"


def test_reader_opens_the_demo_article(demo_server, page):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))

    page.goto(demo_server + ARTICLE)

    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".article__lead-image figcaption")).to_contain_text("Bild: ")
    expect(page.locator(".article__partner")).to_contain_text("Ein Artikel von")
    expect(page.locator(".related li")).to_have_count(4)
    expect(page.locator(".support a[href^='mailto:']")).to_be_visible()
    times = page.locator(".article__times time")
    expect(times).to_have_count(2)
    # Swiss dates: 13.09.2023, 10:36 (a hidden "Publiziert" label precedes it for screen readers).
    assert re.search(r"\b\d\d\.\d\d\.\d{4}, \d\d:\d\d$", times.first.inner_text().strip())
    screenshot(page, "demo-article")

    # Nothing is fetched from other hosts, and an anonymous reader gets no cookie.
    assert requested_hosts == {urlsplit(demo_server).netloc}
    assert page.context.cookies() == []


def test_reader_walks_the_gallery_with_the_keyboard(demo_server, page):
    page.goto(demo_server + ARTICLE)
    gallery = page.locator("[data-gallery]").first
    status = gallery.locator("[data-gallery-status]")
    next_button = gallery.locator(NEXT_BUTTON)
    expect(status).to_contain_text("1 / 8")

    # Tab to the gallery's "next" button and work it with the keyboard alone.
    next_button.focus()
    page.keyboard.press("Enter")
    expect(status).to_contain_text("2 / 8")
    page.keyboard.press("ArrowRight")
    expect(status).to_contain_text("3 / 8")
    page.keyboard.press("End")
    expect(status).to_contain_text("8 / 8")
    assert is_disabled(next_button)
    page.keyboard.press("Home")
    expect(status).to_contain_text("1 / 8")
    expect(gallery.locator(".gallery__slide:not([hidden])")).to_have_count(1)
    screenshot(page, "demo-gallery")


def test_every_gallery_image_is_reachable_without_javascript(demo_server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + ARTICLE)
    slides = page.locator(".gallery__slide")
    expect(slides).to_have_count(8)
    for number in range(1, 8):
        page.locator(f".gallery__slide:nth-child({number}) .gallery__next").click()
        assert page.url.endswith(f"-{number + 1}")
    expect(slides.locator("img")).to_have_count(8)
    context.close()


def test_reader_follows_more_section_and_the_next_story(demo_server, page):
    page.goto(demo_server + ARTICLE)
    page.get_by_role("link", name="Mehr «Raumfahrt»").click()
    expect(page.locator("h1")).to_have_text("Raumfahrt")
    expect(page.locator(".teaser").first).to_be_visible()

    page.goto(demo_server + ARTICLE)
    headline = page.locator("h1").inner_text()
    page.locator(".next-story .teaser__cta a").click()
    expect(page.locator("h1")).not_to_have_text(headline)
    assert page.url != demo_server + ARTICLE
    screenshot(page, "next-story")


def test_reader_switches_to_english_and_back(demo_server, page):
    page.goto(demo_server + ARTICLE)
    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page.get_by_role("link", name="More «Raumfahrt»")).to_be_visible()
    assert urlsplit(page.url).path == "/en" + ARTICLE


def test_styled_404_for_unknown_urls(demo_server, page):
    response = page.goto(demo_server + "/gibt-es-nicht/")
    assert response.status == 404
    expect(page.locator(".error-page h1")).to_be_visible()
