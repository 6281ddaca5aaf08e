"""A reader follows the byline to the author's page, a topic to its page, and finds the imprint, in Chromium."""

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from kiosk.browser import screenshot

pytestmark = pytest.mark.browser

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"


def test_reader_follows_the_byline_and_a_topic_and_finds_the_imprint(demo_server, page):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))
    page.goto(demo_server + ARTICLE)

    byline = page.locator(".article__authors a").first
    name = byline.inner_text()
    byline.click()
    page.wait_for_url("**/autoren/*/")
    assert urlsplit(page.url).path.startswith("/autoren/")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".teaser-list .teaser").first).to_be_visible()
    people = [
        json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_text_contents()
    ]
    person = next(p for p in people if p.get("@type") == "Person")
    assert person["name"] == name
    assert urlsplit(person["url"]).path == urlsplit(page.url).path
    screenshot(page, "demo-author-page")

    # Back to the story, then one of its topics.
    page.go_back()
    topic = page.locator(".article__tags a").first
    topic_name = topic.inner_text()
    topic.click()
    page.wait_for_url("**/themen/*/")
    assert urlsplit(page.url).path.startswith("/themen/")
    expect(page.locator("h1")).to_have_text(topic_name)
    expect(page.locator(f'.teaser-list .teaser__title a[href="{ARTICLE}"]')).to_be_visible()

    footer = page.locator(".site-footer")
    expect(footer.get_by_role("link", name="Impressum")).to_be_visible()
    expect(footer.get_by_role("link", name="Datenschutz")).to_be_visible()
    footer.get_by_role("link", name="Datenschutz").click()
    expect(page.locator("h1")).to_have_text("Datenschutz")
    expect(page.locator(".content-page__body")).to_contain_text("Stripe")
    screenshot(page, "demo-privacy-page")

    # Still nothing from other hosts, and no cookie for an anonymous reader.
    assert requested_hosts == {urlsplit(demo_server).netloc}
    assert page.context.cookies() == []
