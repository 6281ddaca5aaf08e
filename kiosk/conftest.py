"""The page tree and readers that tests across the apps share: a front page, a section, articles, readers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kiosk.comments.models import house_rules_ensure
from kiosk.comments.tests.factories import CommenterFactory
from kiosk.news.tests.factories import ArticlePageFactory, SectionPageFactory, make_home


@pytest.fixture(autouse=True)
def house_rules(request):
    """The default house rules the migration writes, back after a transactional test has emptied the tables."""
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        return
    request.getfixturevalue("db")
    house_rules_ensure()


@pytest.fixture
def home(db):
    """A Wagtail site, so pages and mails know the newsroom's name."""
    return make_home()


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Schweiz", slug="schweiz")


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
def moderator(db):
    return CommenterFactory(display_name="Moderation", is_staff=True, is_superuser=True)
