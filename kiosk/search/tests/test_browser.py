"""Searching the demo newsroom in Chromium: the GET form without JavaScript, suggestions with the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kiosk import browser

pytestmark = pytest.mark.browser

HEADLINE = "Studentischer Kleinsatellit sendet erste Bilder aus dem All"


def test_search_works_without_javascript(chromium, demo_server):
    context = chromium.new_context(java_script_enabled=False, locale="de-CH")
    try:
        tab = context.new_page()
        tab.goto(f"{demo_server}/suche/")
        tab.locator("main input[name=q]").fill("Kleinsatellit")
        tab.locator("main input[name=q]").press("Enter")
        expect(tab).to_have_url(
            f"{demo_server}/suche/?q=Kleinsatellit&section=&published_from=&published_to=&sort=relevance"
        )
        result = tab.locator(".search-result").first
        expect(result.locator("mark").first).to_have_text("Kleinsatellit")
        expect(tab.locator(".search__summary")).to_contain_text("Kleinsatellit")
        # No combobox without the script: a plain field in a plain form.
        assert tab.locator("main input[name=q]").get_attribute("role") is None
        tab.select_option("select[name=sort]", "newest")
        tab.locator("main .search-form button[type=submit]").click()
        expect(tab).to_have_url(
            f"{demo_server}/suche/?q=Kleinsatellit&section=&published_from=&published_to=&sort=newest"
        )
        tab.goto(f"{demo_server}/suche/?q=Kleinsatellit&published_from=31.02.2024")
        expect(tab.locator("[role=alert]")).to_be_visible()
    finally:
        context.close()


def test_suggestions_are_chosen_with_the_keyboard(page, demo_server):
    page.goto(f"{demo_server}/suche/")
    field = page.locator("main input[name=q]")
    expect(field).to_have_attribute("role", "combobox")
    field.press_sequentially("Kleinsat", delay=30)
    listbox = page.get_by_role("listbox")
    option = listbox.get_by_role("option", name=HEADLINE)
    expect(option).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    field.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    expect(option).to_have_attribute("aria-selected", "true")
    field.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press_sequentially("e", delay=30)
    expect(option).to_be_visible()
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url("**/kleinsatellit-sendet-erste-bilder/")


def test_the_header_search_field_suggests_headlines_on_every_page(page, demo_server):
    page.goto(f"{demo_server}/")
    field = page.locator("header input[name=q]")
    expect(field).to_have_attribute("role", "combobox")
    field.press_sequentially("Kleinsat", delay=30)
    option = page.get_by_role("listbox").get_by_role("option", name=HEADLINE)
    expect(option).to_be_visible()
    box = option.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= page.viewport_size["width"]
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url("**/kleinsatellit-sendet-erste-bilder/")


def test_the_results_page_passes_axe(page, demo_server):
    violations_of = getattr(browser, "axe_violations", None)
    if violations_of is None:
        pytest.skip("kiosk.browser has no axe_violations yet")
    for url in (
        "/suche/?q=Kleinsatellit",
        "/suche/?q=Kleinsatellit&published_from=99.99.2024",
        "/suche/?q=zzzz",
    ):
        page.goto(demo_server + url)
        violations = violations_of(page)
        assert violations == [], browser.describe_violations(violations)
