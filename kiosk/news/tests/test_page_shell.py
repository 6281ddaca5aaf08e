"""The header and footer ({% page_shell %}): cached on pages, correct for every reader."""

import os
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory
from kiosk.newsroom.models import NewsroomSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache(settings):
    settings.KIOSK_PAGE_CACHE_ENABLED = False


@pytest.fixture
def article(home):
    """In a section of the main navigation."""
    section = SectionPageFactory(parent=home, title="Wirtschaft", slug="wirtschaft", show_in_menus=True)
    return ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))


def _entries() -> int:
    return len(os.listdir(cache._dir))


def test_made_up_urls_add_no_fragment(client, article):
    client.get(article.url)
    client.get("/gibt-es-nicht-0/")
    before = _entries()
    for n in range(1, 20):
        assert client.get(f"/gibt-es-nicht-{n}/").status_code == 404
    assert _entries() == before


def test_each_page_and_language_has_its_own_language_links_and_current_section(client, article, home):
    html = client.get(article.url).content.decode()
    assert f'href="/en{article.url}"' in html
    assert 'aria-current="true"' in html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    front = client.get(home.url).content.decode()
    assert f'href="/en{article.url}"' not in front
    assert 'aria-current="true"' not in front.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    english = client.get(f"/en{article.url}").content.decode()
    assert '<html lang="en">' in english
    assert f'href="{article.url}" lang="de-ch"' in english


def test_a_new_section_and_new_settings_reach_the_header_and_footer(client, article, home):
    client.get(article.url)
    SectionPageFactory(parent=home, title="Ganz neues Ressort", show_in_menus=True).save_revision().publish()
    settings = NewsroomSettings.for_site(home.get_site())
    settings.publisher_name = "Neuer Verlag"
    settings.save()
    html = client.get(article.url).content.decode()
    assert "Ganz neues Ressort" in html.split('class="main-nav"', 1)[1]
    assert "Neuer Verlag" in html.split('class="site-header__brand"', 1)[1].split("</a>", 1)[0]
    assert "Neuer Verlag" in html.split('class="site-footer__brand"', 1)[1].split("</p>", 1)[0]


def test_the_logged_in_readers_account_links_are_never_shared(client, article, reader):
    client.get(article.url)
    other = Client()
    other.force_login(reader)
    mine = other.get(article.url).content.decode()
    assert reader.public_name in mine.split('class="header-account"', 1)[1].split("</nav>", 1)[0]
    anonymous = client.get(article.url).content.decode()
    assert reader.public_name not in anonymous
