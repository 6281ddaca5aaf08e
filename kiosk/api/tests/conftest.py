from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kiosk.comments.tests.factories import CommenterFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home


@pytest.fixture
def section(db):
    return SectionPageFactory(parent=make_home(), title="Schweiz", slug="schweiz")


@pytest.fixture
def article(section):
    """Published an hour ago: its comment window is open."""
    return ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(hours=1))


@pytest.fixture
def closed_article(section):
    return ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(days=3))


@pytest.fixture
def reader(db):
    return CommenterFactory(display_name="Regula Leser")


@pytest.fixture
def other_reader(db):
    return CommenterFactory(display_name="Beat Andere")


@pytest.fixture
def reader_client(reader):
    """Logged in; Django's test client skips CSRF checks unless asked (see test_csrf.py)."""
    client = Client()
    client.force_login(reader)
    return client
