import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.signal_handlers import post_save_signal_handler

from kiosk.news.models import ArticlePage, Author
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory
from kiosk.search import selectors
from kiosk.search.tasks import update_search_index

pytestmark = pytest.mark.django_db


def entry(page):
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), object_id=str(page.pk)
    ).first()


def found(home, *words):
    return [a.title for a in selectors.article_search(root=home, words=list(words), now=timezone.now())]


def test_publishing_indexes_the_article_once_committed(newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = ArticlePageFactory(parent=newsroom["sport"], title="Zweikampf am Netz", lead="Tennis.")
    # Wagtail's own update on save is off: nothing until the transaction commits.
    assert entry(article) is None
    assert found(newsroom["home"], "Zweikampf") == []
    for callback in callbacks:
        callback()
    assert found(newsroom["home"], "Zweikampf") == ["Zweikampf am Netz"]


def test_a_new_revision_is_indexed_when_published(newsroom, django_capture_on_commit_callbacks):
    article = ArticlePage.objects.get(pk=newsroom["stimme"].pk)
    article.title = "Eishockey: Davos dreht das Spiel"
    with django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    # A draft: readers still search the published text.
    assert found(newsroom["home"], "Davos") == []
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert found(newsroom["home"], "Davos") == ["Eishockey: Davos dreht das Spiel"]
    assert found(newsroom["home"], "Lugano") == []


def test_a_page_not_live_is_reindexed_with_each_draft(newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = ArticlePageFactory(
            parent=newsroom["sport"], title="Vorschau Cupfinal", live=False, publish=False
        )
    assert [p.pk for p in ArticlePage.objects.search("Cupfinal")] == [draft.pk]
    # As the admin's edit view saves a page not live: the row, then the revision.
    draft.title = "Vorschau Schwingfest"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.save()
        draft.save_revision()
    assert len(callbacks) == 1  # the revision's bookkeeping save enqueues nothing more
    assert [p.pk for p in ArticlePage.objects.search("Schwingfest")] == [draft.pk]
    assert list(ArticlePage.objects.search("Cupfinal")) == []
    assert found(newsroom["home"], "Schwingfest") == []  # readers never see it


def test_unpublishing_removes_it_from_reader_search_but_keeps_it_for_the_admin(
    newsroom, django_capture_on_commit_callbacks
):
    article = newsroom["stimme"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.unpublish()
    assert callbacks  # the index task ran
    assert found(newsroom["home"], "Lugano") == []
    # Editors search drafts and unpublished pages in the admin, in the same index.
    assert entry(article) is not None
    assert [p.pk for p in ArticlePage.objects.search("Lugano")] == [article.pk]


def test_deleting_removes_the_entry(newsroom, django_capture_on_commit_callbacks):
    article = newsroom["stimme"]
    assert entry(article) is not None
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert entry(article) is None


def test_moving_reindexes_and_the_section_filter_follows(newsroom, django_capture_on_commit_callbacks):
    article = ArticlePage.objects.get(pk=newsroom["stimme"].pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.move(newsroom["schweiz"], pos="last-child")
    assert callbacks
    home = newsroom["home"]
    in_schweiz = selectors.article_search(
        root=home, words=["Lugano"], now=timezone.now(), section=newsroom["schweiz"]
    )
    assert [a.pk for a in in_schweiz] == [article.pk]


def test_other_indexed_models_are_indexed_on_save_as_wagtail_did(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        author = Author.objects.create(name="Regula Rüegg")
        SectionPageFactory(parent=home, title="Wirtschaft", slug="wirtschaft")
    assert [a.pk for a in get_search_backend().search("Regula", Author)] == [author.pk]
    with django_capture_on_commit_callbacks(execute=True):
        author.delete()
    assert list(get_search_backend().search("Regula", Author)) == []


def test_wagtails_own_per_save_handlers_are_replaced():
    receivers = list(post_save._live_receivers(ArticlePage)[0])
    assert post_save_signal_handler not in receivers


def test_the_task_is_idempotent_and_removes_what_is_gone(newsroom):
    article = newsroom["wahl"]
    assert update_search_index.call("news.ArticlePage", str(article.pk)) == "indexed"
    assert update_search_index.call("news.ArticlePage", str(article.pk)) == "indexed"
    assert IndexEntry.objects.filter(object_id=str(article.pk)).count() == 1
    assert update_search_index.call("news.ArticlePage", "999999") == "removed"
    # A page saved as a plain Page is indexed as the article it is.
    assert update_search_index.call("wagtailcore.Page", str(article.pk)) == "indexed"
    assert entry(article) is not None


def test_update_index_rebuilds_everything(newsroom):
    IndexEntry.objects.all().delete()
    assert found(newsroom["home"], "Lugano") == []
    call_command("update_index", verbosity=0)
    assert found(newsroom["home"], "Lugano") == ["Eishockey: Lugano siegt knapp"]
