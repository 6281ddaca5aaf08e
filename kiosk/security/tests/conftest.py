# The comment tests' article, section and readers.
from kiosk.comments.tests.conftest import (  # noqa: F401
    article,
    closed_article,
    moderator,
    other_reader,
    reader,
    section,
)
