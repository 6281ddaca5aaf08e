import pytest
from django.test import Client


@pytest.fixture
def reader_client(reader):
    """Logged in; Django's test client skips CSRF checks unless asked (see test_csrf.py)."""
    client = Client()
    client.force_login(reader)
    return client
