"""The demo's front page in Chromium: the desk's top story, the pinned ones, «Neueste» with times that stay true."""

import re
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from kiosk.browser import screenshot
from kiosk.newsroom.formatting import relative_time

pytestmark = pytest.mark.browser

# The demo's pinned stories (kiosk.demo.content.FRONT_PAGE_PINNED), as their teasers are headed.
TOP_STORY = "«Libelle-1» funkt erste Bilder zur Erde"
PINNED = ["Curlerinnen aus dem Seeland im Final", "Mit dem Nachtzug an die Ostsee"]
RELATIVE = re.compile(r"^(gerade eben|just now|vor \d+ (Minute|Minuten|Stunde|Stunden))$")
ABSOLUTE = re.compile(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d$")


def test_the_front_page_leads_with_the_desks_top_story_and_the_newest(demo_server, page):
    page.goto(demo_server + "/")

    top = page.locator("[data-front-top]")
    expect(top.locator(".front-top__lead .teaser__title")).to_have_text(TOP_STORY)
    expect(top.locator(".front-top__pinned .teaser__title")).to_have_text(PINNED)
    # The demo's newest story (an hour old) is not the top story: an editor chose it.
    latest = page.locator("[data-front-latest]")
    expect(latest.locator(".front-latest__item")).to_have_count(6)
    expect(latest.locator(".front-latest__title").first).to_contain_text("Föhn")
    # Above the sections, the top and pinned stories show once.
    assert page.locator(".front-section .teaser__title", has_text=TOP_STORY).count() == 0

    times = latest.locator("time[data-relative]")
    first = times.first
    assert RELATIVE.match(first.inner_text().strip()), first.inner_text()
    assert ABSOLUTE.match(first.get_attribute("title"))
    # Past twelve hours the strip says the date, as the server did.
    assert ABSOLUTE.match(times.last.inner_text().strip()) or RELATIVE.match(times.last.inner_text().strip())
    screenshot(page, "front-page")


def test_the_browser_says_what_the_server_said(demo_server, page):
    """kiosk.js rewrites every relative time as the page loads: it must not change a word."""
    html = urllib.request.urlopen(demo_server + "/").read().decode()
    served = [
        re.sub(r"<[^>]+>", "", text)
        for text in re.findall(r"<time [^>]*data-relative[^>]*>(.*?)</time>", html)
    ]
    assert served
    page.goto(demo_server + "/")
    shown = [t.strip() for t in page.locator("time[data-relative]").all_inner_texts()]
    assert shown == served  # (a minute could turn between the two requests: rare, then rerun)


@pytest.mark.parametrize(("path", "language"), [("/", "de-ch"), ("/en/", "en"), ("/fr/", "fr")])
def test_intl_and_babel_agree_on_every_phrase(demo_server, page, path, language):
    page.goto(demo_server + path)
    now = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)
    cases = [("minute", n) for n in (1, 2, 12, 59)] + [("hour", n) for n in (1, 2, 3, 11)]
    spoken = page.evaluate(
        """(cases) => {
            const words = new Intl.RelativeTimeFormat(document.documentElement.lang, { numeric: "always" });
            return cases.map(([unit, n]) => words.format(-n, unit));
        }""",
        cases,
    )
    expected = [
        relative_time(
            now - (timedelta(minutes=n) if unit == "minute" else timedelta(hours=n)),
            now=now,
            language=language,
        )
        for unit, n in cases
    ]
    assert spoken == expected


def test_the_strip_is_headed_latest_in_english_and_its_times_move_on(demo_server, page):
    page.clock.install()
    page.goto(demo_server + "/en/")
    expect(page.locator("#front-latest-heading")).to_have_text("Latest")
    first = page.locator("[data-front-latest] time[data-relative]").first
    expect(first).to_have_text(re.compile(r"^(just now|\d+ (minute|minutes|hour|hours) ago)$"))

    # Thirteen hours later, without a reload: the absolute time the title holds.
    page.clock.run_for("13:00:00")
    expect(first).to_have_text(re.compile(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d$"))
    assert first.inner_text() == first.get_attribute("title")
