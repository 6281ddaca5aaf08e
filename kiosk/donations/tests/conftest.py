import pytest
from django.utils import translation


@pytest.fixture
def english():
    """The messages as written in the code (the newsroom's German comes with the translations)."""
    with translation.override("en"):
        yield
