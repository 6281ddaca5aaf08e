import pytest
from django.test import Client

# The same article, section and readers as the comment tests.
from kiosk.comments.tests.conftest import (  # noqa: F401
    article,
    closed_article,
    other_reader,
    reader,
    section,
)


@pytest.fixture
def reader_client(reader):  # noqa: F811 (the imported fixture)
    """Logged in; Django's test client skips CSRF checks unless asked (see test_csrf.py)."""
    client = Client()
    client.force_login(reader)
    return client
