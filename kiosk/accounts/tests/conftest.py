import pytest

from kiosk.news.tests.factories import make_home


@pytest.fixture
def home(db):
    """A Wagtail site, so pages and mails know the newsroom's name."""
    return make_home()
