"""Under the Content-Security-Policy, in Chromium: the pages readers and editors use raise no violation.

Each document records its `securitypolicyviolation` events (frames included,
so the admin's live preview counts too), and the console is watched for the
browser's own complaints about the Content-Security-Policy and the
Permissions-Policy header. The demo server runs with DEBUG off, so static
files are the hashed, compressed ones production serves.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from kiosk.browser import EDITOR_USERNAME, READER_DOMAIN, READER_PASSWORD

pytestmark = pytest.mark.browser

ARTICLE = "/wissen/raumfahrt/kleinsatellit-sendet-erste-bilder/"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""
POLICY_COMPLAINT = re.compile(
    r"Content[- ]Security[- ]Policy|Permissions[- ]Policy|Refused to", re.IGNORECASE
)


class PolicyWatch:
    """What the browser said about the policies on the tab's pages."""

    def __init__(self, page):
        self.page = page
        self.complaints: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if POLICY_COMPLAINT.search(message.text):
            self.complaints.append(f"{message.type}: {message.text} ({self.page.url})")

    def assert_clean(self, where: str) -> None:
        """No violation in any frame of the current page, and no complaint in the console so far."""
        violations = []
        for frame in self.page.frames:
            try:
                violations += frame.evaluate("window.__cspViolations || []")
            except PlaywrightError:  # a frame navigating away has nothing to say
                continue
        assert violations == [], f"CSP violations on {where}: {violations}"
        assert self.complaints == [], f"console on {where}: {self.complaints}"


@pytest.fixture
def watch(page) -> PolicyWatch:
    return PolicyWatch(page)


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_article_gallery_and_thread_raise_no_violation(demo_server, page, watch):
    visit(page, demo_server + ARTICLE)
    # Scrolled through, every lazy picture has loaded.
    for _ in range(12):
        page.mouse.wheel(0, 1200)
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    gallery = page.locator("[data-gallery]").first
    gallery.scroll_into_view_if_needed()
    next_button = gallery.locator("[data-gallery-next]")
    expect(next_button).to_be_visible()
    status = gallery.locator("[data-gallery-status]")
    first = status.inner_text()
    next_button.click()
    expect(status).not_to_have_text(first)
    next_button.click()
    page.wait_for_load_state("networkidle")
    watch.assert_clean("the article")

    visit(page, demo_server + ARTICLE + "?sort=oldest")
    expect(page.locator("section#comments")).to_be_visible()
    watch.assert_clean("the thread, oldest first")

    visit(page, demo_server + ARTICLE + "?page=2")
    expect(page.locator("a[rel=prev]")).to_be_visible()
    watch.assert_clean("the thread's second page")


def test_reader_settings_raise_no_violation(demo_server, page, watch):
    visit(page, f"{demo_server}/konto/login/?next=/leser/einstellungen/")
    page.locator("#id_login").fill(f"anna@{READER_DOMAIN}")
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/leser/einstellungen/"))
    page.wait_for_load_state("networkidle")
    expect(page.locator(".header-account__reader")).to_be_visible()
    watch.assert_clean("the reader's settings")

    # Logged in, the article comes from the application (forms, likes), not the page cache.
    visit(page, demo_server + ARTICLE)
    expect(page.locator("form[data-comment-form]").first).to_be_visible()
    watch.assert_clean("the article for a logged-in reader")


def log_in_to_admin(page, base_url: str) -> None:
    """Through whatever login form /admin/ sends staff to, and back."""
    visit(page, base_url + "/admin/")
    field = page.locator("#id_login, #id_username").first
    field.fill(EDITOR_USERNAME)
    page.locator("#id_password").fill(READER_PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_wagtail_admin_raises_no_violation(demo_server, page, watch):
    # Leaving the editor with an unsaved block: yes, leave.
    page.on("dialog", lambda dialog: dialog.accept())
    log_in_to_admin(page, demo_server)
    page.wait_for_load_state("networkidle")
    watch.assert_clean("the dashboard")

    visit(page, demo_server + "/admin/pages/")
    watch.assert_clean("the page explorer")

    visit(page, demo_server + "/admin/pages/search/?q=Kleinsatellit")
    page.locator("a[href$='/edit/']", has_text="Kleinsatellit").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # Fully rendered: the StreamField's blocks and the rich-text editors are up.
    expect(page.locator(".Draftail-Editor").first).to_be_visible()
    expect(page.locator("button.c-sf-add-button:visible").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    watch.assert_clean("the page editor")

    # The StreamField's block chooser, then a new image block's image chooser.
    page.locator("button.c-sf-add-button:visible").first.click()
    options = page.locator("[role=listbox] [role=option]")
    expect(options.first).to_be_visible()
    watch.assert_clean("the block chooser")
    options.filter(has_text=re.compile(r"^\s*Bild\s*$")).first.click()
    page.locator("[data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal.show, .modal[aria-hidden=false]").first
    expect(modal.locator("img").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    watch.assert_clean("the image chooser")

    for path in ("/admin/snippets/", "/admin/images/", "/admin/moderation/"):
        visit(page, demo_server + path)
        watch.assert_clean(path)
    expect(page.locator(".kiosk-queue-tabs")).to_be_visible()


def test_api_docs_work_under_the_policy(demo_server, page, watch):
    visit(page, demo_server + "/api/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    watch.assert_clean("the API docs")
