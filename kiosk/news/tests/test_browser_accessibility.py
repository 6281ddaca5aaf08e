"""The reader's pages in Chromium against axe-core's WCAG 2 A/AA rules, light and dark, and how they print.

axe checks what it can measure (contrast, names, labels, landmarks, language);
the tests beside it check what axe cannot: the phone header's height, the
language of the content, and what a printed article leaves out.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kiosk.browser import (
    SCREENSHOTS,
    axe_violations,
    describe_violations,
    reader_logged_in,
    screenshot,
)

pytestmark = pytest.mark.browser

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"
SECTION = "/wissen/"
SCHEMES = ["light", "dark"]


def assert_no_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("name", "path"), [("front", "/"), ("section", SECTION), ("article", ARTICLE)])
def test_anonymous_pages_pass_axe(demo_server, new_tab, name, path, scheme):
    page = new_tab(color_scheme=scheme)
    page.goto(demo_server + path)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    assert_no_violations(page)
    if scheme == "dark":
        screenshot(page, f"dark-{name}")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_author_and_topic_pages_pass_axe(demo_server, new_tab, scheme):
    """The pages reached from an article: its search, its author, its topic (dark mode holds there too)."""
    page = new_tab(color_scheme=scheme)
    page.goto(demo_server + ARTICLE)
    author = page.locator(".article__authors a").first.get_attribute("href")
    topic = page.locator(".article__tags a").first.get_attribute("href")
    for path in ["/suche/?q=Satellit", author, topic]:
        page.goto(demo_server + path)
        assert_no_violations(page)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_logged_in_reader_pages_pass_axe(demo_server, new_tab, scheme):
    """The debate as its own author sees it: a comment awaiting review, the reply forms, the gallery."""
    page = new_tab(color_scheme=scheme)
    reader_logged_in(page, demo_server, "claire", ARTICLE)
    page.goto(demo_server + ARTICLE)
    form = page.locator("form[data-comment-form]").first
    form.get_by_label("Dein Kommentar").fill(f"Ein Kommentar für den Kontrasttest ({scheme}).")
    form.get_by_role("button", name="Kommentar senden").click()
    badge = page.locator("article.comment--own .badge").first
    expect(badge).to_contain_text("wartet auf Freigabe")
    page.reload()  # the page as the server renders it, not only as kiosk.js put it in
    expect(page.locator("article.comment--own .badge").first).to_be_visible()
    page.locator("details.comment__reply summary").first.click()
    expect(page.locator(".gallery").first).to_be_visible()
    assert_no_violations(page)
    if scheme == "dark":
        screenshot(page, "dark-article-reader")

    page.goto(demo_server + "/leser/einstellungen/")
    expect(page.locator("h1")).to_be_visible()
    assert_no_violations(page)
    if scheme == "dark":
        screenshot(page, "dark-account-settings")


def test_dark_mode_keeps_pictures_and_a_visible_focus_ring(demo_server, new_tab):
    page = new_tab(color_scheme="dark")
    page.goto(demo_server + ARTICLE)
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert body == "rgb(20, 20, 20)"
    image = page.locator(".article__lead-image img")
    assert image.evaluate("img => getComputedStyle(img).filter") == "none"
    page.locator(".article__more a").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert outline == "rgb(138, 180, 255)", outline


def test_phone_header_is_one_compact_row(demo_server, new_tab):
    page = new_tab(width=390, height=844)
    page.goto(demo_server + ARTICLE)
    header = page.locator("header.site-header")
    height = header.bounding_box()["height"]
    screenshot(page, "phone-header")
    assert height < 80, f"the header takes {height}px on a phone"
    for part in [
        ".site-header__brand",
        ".site-header__search-link",
        ".site-header__menu-link",
        ".header-account",
    ]:
        expect(header.locator(part)).to_be_visible()
    expect(header.locator("#site-search-q")).to_be_hidden()

    # The sections stay in one line that scrolls sideways, instead of wrapping.
    nav = header.locator(".main-nav ul")
    assert nav.evaluate("ul => getComputedStyle(ul).overflowX") == "auto"
    tops = nav.locator("a").evaluate_all("links => links.map((link) => link.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops
    # The demo's four sections fit; a newsroom with more gets a strip to scroll, not a taller header.
    nav.evaluate(
        "ul => { for (const item of [...ul.children]) ul.append(item.cloneNode(true), item.cloneNode(true)); }"
    )
    assert nav.evaluate("ul => ul.scrollWidth > ul.clientWidth")
    nav.evaluate("ul => { ul.scrollLeft = 200; }")
    assert nav.evaluate("ul => ul.scrollLeft") > 0
    assert header.bounding_box()["height"] < 80
    page.reload()

    # Everything in it by keyboard: name, search, menu, login, then each section.
    page.locator("body").focus()
    page.keyboard.press("Tab")  # the skip link
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.className || document.activeElement.textContent")
        )
    assert reached[:3] == [
        "site-header__brand",
        "site-header__icon site-header__search-link",
        "site-header__icon site-header__menu-link",
    ]
    assert "Anmelden" in reached[3]

    # The menu opens as a toggle with search and languages, and closes with Escape.
    toggle = header.locator(".site-header__menu-link")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(header.locator("#site-search-q")).to_be_visible()
    expect(header.locator(".language-switcher")).to_be_visible()
    screenshot(page, "phone-header-menu")
    page.keyboard.press("Tab")
    expect(header.locator("#site-search-q")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(header.locator("#site-search-q")).to_be_hidden()

    # The search link opens the menu at its field; a search is a GET with q.
    header.locator(".site-header__search-link").click()
    expect(header.locator("#site-search-q")).to_be_focused()
    assert header.locator("form.site-search").get_attribute("method") == "get"
    assert header.locator("form.site-search").get_attribute("action").endswith("/suche/")


def test_phone_menu_opens_without_javascript(demo_server, new_tab):
    page = new_tab(width=390, height=844, java_script_enabled=False)
    page.goto(demo_server + ARTICLE)
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] < 80
    expect(header.locator("#site-search-q")).to_be_hidden()
    header.locator(".site-header__menu-link").click()
    expect(header.locator("#site-search-q")).to_be_visible()
    expect(header.locator(".language-switcher")).to_be_visible()
    header.locator(".site-header__menu-close").click()
    expect(header.locator("#site-search-q")).to_be_hidden()
    # The search link goes to the search page itself.
    assert header.locator(".site-header__search-link").get_attribute("href").endswith("/suche/")


def test_desktop_header_shows_search_languages_and_account(demo_server, new_tab):
    page = new_tab()
    page.goto(demo_server + ARTICLE)
    header = page.locator("header.site-header")
    for part in ["#site-search-q", ".language-switcher", ".header-account", ".main-nav"]:
        expect(header.locator(part)).to_be_visible()
    expect(header.locator(".site-header__menu-link")).to_be_hidden()
    expect(header.locator(".site-header__search-link")).to_be_hidden()


def test_content_keeps_its_language_in_the_english_interface(demo_server, new_tab):
    page = new_tab(locale="en")
    page.goto(demo_server + "/en" + ARTICLE)
    assert page.evaluate("document.documentElement.lang") == "en"
    language = "element => element.closest('[lang]').lang"
    for selector in [
        ".article__headline",
        ".article__lead",
        ".article__body p",
        ".teaser__title",
        ".comment__text",
    ]:
        assert page.locator(selector).first.evaluate(language) == "de-CH", selector
    for selector in [".article__times", ".share", ".comments__count", ".gallery__status"]:
        assert page.locator(selector).first.evaluate(language) == "en", selector


def test_printed_article_keeps_the_story_and_leaves_the_screen_parts(demo_server, new_tab):
    page = new_tab(color_scheme="dark")
    reader_logged_in(page, demo_server, "thomas", ARTICLE)
    page.goto(demo_server + ARTICLE)
    page.emulate_media(media="print")
    for selector in [
        ".main-nav",
        ".site-header__menu",
        ".header-account",
        ".share",
        ".donation-box",
        ".related",
        ".next-story",
        "form[data-comment-form]",
        ".comment__actions",
        ".comments button",
        ".gallery__nav",
    ]:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    for selector in [
        ".article__headline",
        ".article__lead",
        ".article__authors",
        ".article__times time",
        ".article__body",
        ".article__lead-image img",
        ".article__lead-image .caption",
        ".gallery__slide img",
        ".article__print-url",
    ]:
        expect(page.locator(selector).first).to_be_visible()
    expect(page.locator(".article__print-url")).to_have_text(
        re.compile(r"^https?://[^/]+" + re.escape(ARTICLE) + "$")
    )
    # Dark text on white, whatever the screen's scheme.
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SCREENSHOTS / "article-print.pdf"))
