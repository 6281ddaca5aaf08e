"""The interface speaks the reader's language; what the newsroom wrote keeps its own (lang="de-CH")."""

import re

import pytest
from bs4 import BeautifulSoup

from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory
from kiosk.galleries.tests.factories import GalleryFactory
from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def lang_of(element) -> str | None:
    """The language an element is in: its own lang attribute or its nearest ancestor's."""
    while element is not None:
        if element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


@pytest.mark.parametrize(("prefix", "interface"), [("", "de-ch"), ("/en", "en"), ("/fr", "fr")])
def test_article_content_is_marked_german_whatever_the_interface(client, section, reader, prefix, interface):
    article = ArticlePageFactory(
        parent=section,
        kicker="Raumfahrt",
        lead_image=KioskImageFactory(caption="Der Satellit im Reinraum"),
        body=[("paragraph", "<p>Ein Absatz der Redaktion.</p>"), ("gallery", GalleryFactory(images=2))],
    )
    ArticlePageFactory(parent=section)  # a related article: a teaser
    CommentFactory(article=article, author=reader, text="Ein Kommentar einer Leserin")
    response = client.get(prefix + article.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")

    assert page.html["lang"] == interface
    for selector in [
        ".article__headline",
        ".article__kicker",
        ".article__lead",
        ".article__body p",
        ".article__lead-image .caption__text",
        ".gallery__title",
        ".teaser__title",
        ".comment__text",
    ]:
        element = page.select_one(selector)
        assert element is not None, selector
        assert lang_of(element) == "de-CH", selector
    # The interface around and inside the content stays in the reader's language.
    for selector in [".article__times", ".comments__count", ".gallery__nav", ".site-header", ".share"]:
        assert lang_of(page.select_one(selector)) == interface, selector


def test_comment_dates_have_the_comma_the_article_dates_have(client, article, reader):
    CommentFactory(article=article, author=reader, text="Mit Komma")
    CommentFactory(article=article, author=reader, text="Noch geheim", status=Comment.Status.PENDING)
    client.force_login(reader)
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    # (Not the empty stamp of the <template> kiosk.js fills for a comment sent in place.)
    stamps = [
        time.get_text(strip=True)
        for time in page.select(".comment time, .comment--own time")
        if not time.find_parent("template")
    ]
    article_stamp = page.select_one(".article__published").get_text(strip=True)
    assert len(stamps) >= 2
    for stamp in [article_stamp, *stamps]:
        assert re.fullmatch(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", stamp), stamp
