"""Keeping Wagtail's search index current, in the background (the worker), after the change is committed."""

from __future__ import annotations

import logging

from django.apps import apps
from django_tasks import task
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed, get_indexed_instance

logger = logging.getLogger(__name__)


@task()
def update_search_index(model: str, pk: str) -> str:
    """(Re)index one object as it now is in the database, or remove it from the index if it is gone.

    ``model`` is ``app_label.ModelName``. Idempotent: running it twice, or late,
    leaves the index as the database says. An article keeps its entry when it is
    unpublished: the editors' admin search finds drafts and unpublished pages in
    the same index, and reader searches filter on ``live`` when they run.
    """
    model_class = apps.get_model(model)
    if not class_is_indexed(model_class):
        return "not indexed"
    instance = model_class._default_manager.filter(pk=pk).first()
    # A page saved as a plain Page is indexed as what it is (an article); Wagtail's check that the
    # object belongs in the index (its model's get_indexed_objects()) applies.
    indexed = get_indexed_instance(instance) if instance is not None else None
    for backend in get_search_backends():
        if indexed is not None:
            backend.add(indexed)
        else:
            backend.delete(model_class(pk=pk))
    return "indexed" if indexed is not None else "removed"
