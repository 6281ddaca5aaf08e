"""Which changes update the search index: a task per change, enqueued once the change is committed.

Wagtail would update its index on every save (its own task, enqueued before the
save is committed); with ``AUTO_UPDATE: False`` it leaves that to us. Articles
are reindexed when readers' view of them changes: published (new text),
unpublished, moved (``live`` and ``path`` are index fields an external engine
filters on) and deleted; a new draft too, and each draft of a page not live
(its row holds the draft), so that editors find it in the admin. Every other indexed model (sections, images, documents, authors,
partners, accounts) on each save and delete, as Wagtail did.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.search.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.signals import page_published, page_unpublished, post_page_move

from kiosk.news.models import ArticlePage

from .tasks import update_search_index


def index_later(instance) -> None:
    """Enqueue the index update of ``instance`` for when the current transaction commits."""
    label = instance._meta.label
    transaction.on_commit(partial(update_search_index.enqueue, label, str(instance.pk)), robust=True)


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_later(instance)


def object_deleted(sender, instance, **kwargs):
    index_later(instance)


def article_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    # A live article's draft leaves its row (the published text) as it is, and publishing comes with
    # page_published. A page not live keeps its draft in the row (Wagtail's edit view saves it there):
    # reindexed, so the admin finds what the editor wrote; its bookkeeping saves (update_fields) are not.
    if raw:
        return
    if created or (not instance.live and update_fields is None):
        index_later(instance)


def article_changed(sender, instance, **kwargs):
    index_later(instance)


def take_over_index_updates() -> None:
    """Replace Wagtail's per-save index updates (off through AUTO_UPDATE) by ours; called once from ready()."""
    for model in index.get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        # Wagtail's handlers would enqueue a task on every save that AUTO_UPDATE then makes do nothing.
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
        if issubclass(model, ArticlePage):
            post_save.connect(article_saved, sender=model, dispatch_uid=f"search-saved-{model._meta.label}")
        else:
            post_save.connect(object_saved, sender=model, dispatch_uid=f"search-saved-{model._meta.label}")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=f"search-deleted-{model._meta.label}")
    page_published.connect(article_changed, sender=ArticlePage, dispatch_uid="search-published")
    page_unpublished.connect(article_changed, sender=ArticlePage, dispatch_uid="search-unpublished")
    post_page_move.connect(article_moved, dispatch_uid="search-moved")


def article_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before != url_path_after and instance.specific_class is ArticlePage:
        index_later(instance)
