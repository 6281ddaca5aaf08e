"""The admin sends nothing out: no avatars from Gravatar, no version check, no script, style or font from elsewhere.

Every address a rendered admin page would make the browser load (img, source, script, link,
iframe, CSS url(), data-* URLs the admin's scripts fetch) must be on the site itself.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

# What makes a browser fetch something as the page loads (links readers click are not requests).
LOADED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class LoadedAddresses(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in LOADED.get(tag, ()):
                self.found += (
                    [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                )
            elif name == "style":
                self.found += CSS_URL.findall(value)
            elif name.startswith("data-") and "url" in name and "://" in value:
                self.found.append(value)  # e.g. Wagtail's upgrade check fetches data-w-upgrade-url-value

    def handle_data(self, data):
        self.found += CSS_URL.findall(data)


def foreign_addresses(html: str) -> set[str]:
    own = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    parser = LoadedAddresses()
    parser.feed(html)
    foreign = set()
    for address in parser.found:
        parts = urlsplit(address)
        if address.startswith("//") or (
            parts.scheme in ("http", "https") and parts.netloc not in (own, "testserver")
        ):
            foreign.add(address)
    return foreign


@pytest.fixture
def editor(moderator):
    # An e-mail address Gravatar would know: the avatar must still be the admin's own picture.
    moderator.email = "redaktion@example.org"
    moderator.save()
    UserProfile.get_for_user(moderator)
    return moderator


def test_admin_pages_load_nothing_from_other_hosts(client, editor, home, section):
    article = ArticlePageFactory(parent=section, lead_image=KioskImageFactory())
    client.force_login(editor)
    pages = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[section.pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_account"),
        reverse("moderation_admin:queue"),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert foreign_addresses(html) == set(), path
        assert "gravatar" not in html.lower(), path


def test_no_version_check_against_wagtail_org(client, editor):
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "w-upgrade" not in html  # the panel whose script asks releases.wagtail.org
    assert "releases.wagtail.org" not in html


def test_the_check_finds_what_it_should():
    html = (
        '<img src="https://www.gravatar.com/avatar/x"><link rel="stylesheet" href="//cdn.example/a.css">'
        '<div style="background: url(https://tracker.example/p.gif)"></div>'
        '<div data-w-upgrade-url-value="https://releases.wagtail.org/latest.txt"></div>'
        '<img srcset="/media/a.jpg 1x, https://img.example/b.jpg 2x"><a href="https://wagtail.org/">docs</a>'
        '<img src="/static/wagtailadmin/images/default-user-avatar.png">'
    )
    assert foreign_addresses(html) == {
        "https://www.gravatar.com/avatar/x",
        "//cdn.example/a.css",
        "https://tracker.example/p.gif",
        "https://releases.wagtail.org/latest.txt",
        "https://img.example/b.jpg",
    }
