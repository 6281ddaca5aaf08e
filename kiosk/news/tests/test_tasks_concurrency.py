"""Scheduled publishing run twice at the same moment publishes each article once (PostgreSQL; CI runs it)."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageLogEntry

from kiosk.news.tasks import publish_due
from kiosk.news.tests.factories import SectionPageFactory, make_home

from .test_tasks import scheduled

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrency need PostgreSQL"),
]

RUNS = 4


def test_concurrent_runs_publish_each_article_once():
    # A transactional test starts from an empty database: Wagtail's root page is gone too.
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        Page.add_root(instance=Page(title="Root", slug="root"))
    section = SectionPageFactory(parent=make_home())
    articles = [scheduled(section, minutes_ago=1) for _ in range(3)]
    barrier = threading.Barrier(RUNS)
    published, errors = [], []

    def run():
        try:
            barrier.wait()
            published.append(publish_due(now=timezone.now())["published"])
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(published) == 3
    for article in articles:
        assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count() == 1
