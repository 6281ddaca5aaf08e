"""What an editor does, run as its own process (``manage.py shell -c``) by test_processes.py."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from kiosk.images.tests.factories import KioskImageFactory
from kiosk.news.models import ArticlePage
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home


def set_up() -> None:
    """A section with a live article, one whose slug has umlauts, and one scheduled for a moment ago."""
    section = SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")
    ArticlePageFactory(
        parent=section, title="Die erste Fassung", slug="meldung", lead_image=KioskImageFactory()
    )
    ArticlePageFactory(parent=section, title="Zürcher Gemeinderat tagt", slug="zürcher-gemeinderat")
    ArticlePageFactory(parent=section, title="Länger gültig", slug="befristet")
    scheduled = ArticlePageFactory(
        parent=section, title="Die geplante Meldung", slug="geplant", publish=False
    )
    # Due by the time the server answers; only the scheduler (publish_scheduled) makes it live.
    scheduled.go_live_at = timezone.now() + timedelta(seconds=1)
    scheduled.save_revision().publish()


def correct(slug: str, title: str) -> None:
    article = ArticlePage.objects.get(slug=slug)
    article.title = title
    article.save_revision().publish()


def unpublish(slug: str) -> None:
    ArticlePage.objects.get(slug=slug).unpublish()


def expire_in(slug: str, seconds: float) -> None:
    article = ArticlePage.objects.get(slug=slug)
    article.expire_at = timezone.now() + timedelta(seconds=seconds)
    article.save_revision().publish()
