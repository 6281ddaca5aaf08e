"""A comment decision retires that article's pages and nothing else."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosk.comments import services
from kiosk.comments.models import Comment
from kiosk.comments.tests.factories import CommentFactory
from kiosk.news.tests.factories import ArticlePageFactory
from kiosk.pagecache import fragments


@pytest.fixture
def neighbour(section):
    return ArticlePageFactory(parent=section, title="Die Nachbarmeldung")


def content_fragment(article):
    versions = fragments.article_versions(article)
    return cache.get(make_template_fragment_key("article-content", [article.pk, versions.content, "de-ch"]))


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_approving_on_one_article_leaves_the_others_pages(
    client, article, neighbour, reader, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    section_url = article.get_parent().url
    for url in (article.url, "/en" + article.url, neighbour.url, section_url, "/"):
        client.get(url)
        assert client.get(url)["X-Kiosk-Cache"] == "hit", url

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)

    assert client.get(article.url)["X-Kiosk-Cache"] == "miss"
    assert client.get("/en" + article.url)["X-Kiosk-Cache"] == "miss"
    for url in (neighbour.url, section_url, "/"):
        assert client.get(url)["X-Kiosk-Cache"] == "hit", url


def test_a_decision_retires_no_fragment_of_any_article(
    client, article, neighbour, reader, moderator, settings, django_capture_on_commit_callbacks
):
    settings.KIOSK_PAGE_CACHE_ENABLED = False
    comment = CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    client.get(article.url)
    client.get(neighbour.url)
    warm_neighbour = queries(client, neighbour.url)

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, moderator=moderator)

    assert content_fragment(article) is not None
    assert content_fragment(neighbour) is not None
    assert queries(client, neighbour.url) == warm_neighbour
