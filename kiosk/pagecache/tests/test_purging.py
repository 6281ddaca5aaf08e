"""What the proxy in front is told to purge, and when."""

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home

pytestmark = pytest.mark.django_db

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """Stands for the HTTP backend: a proxy we cannot run here."""

    def __init__(self, params=None):
        super().__init__(params or {})

    def purge(self, url) -> None:
        PURGED.append(url)


@pytest.fixture
def proxy(settings):
    settings.KIOSK_BASE_URL = "https://news.example"
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "http": {"BACKEND": "kiosk.pagecache.tests.test_purging.RecordingBackend"},
    }
    PURGED.clear()
    return PURGED


def test_a_correction_purges_the_article_its_listings_and_feeds_in_the_proxy_after_commit(
    proxy, django_capture_on_commit_callbacks
):
    section = SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")
    article = ArticlePageFactory(parent=section, slug="zürcher-gemeinderat")
    proxy.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.title = "Korrigiert"
        article.save_revision().publish()

    assert callbacks
    base = "https://news.example"
    for url in (
        f"{base}/schweiz/z%C3%BCrcher-gemeinderat/",
        f"{base}/en/schweiz/z%C3%BCrcher-gemeinderat/",
        f"{base}/fr/schweiz/z%C3%BCrcher-gemeinderat/",
        f"{base}/schweiz/",
        f"{base}/schweiz/feed/",
        f"{base}/",
        f"{base}/feed/",
        f"{base}/sitemap.xml",
    ):
        assert url in proxy, url


def test_likes_send_the_proxy_nothing(proxy, django_capture_on_commit_callbacks):
    from kiosk.comments.purging import purge_article

    section = SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")
    article = ArticlePageFactory(parent=section)
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        purge_article(article.pk, shared=False)
    assert proxy == []
