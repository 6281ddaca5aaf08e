"""URL parts that the database can hold, so that a huge id is a 404 and never reaches a query."""

from __future__ import annotations

# The largest id a BigAutoField (and SQLite's INTEGER) can store.
MAX_ID = 2**63 - 1


class IdConverter:
    """``<id:pk>``: a positive database id; 0, leading signs or anything beyond MAX_ID do not match."""

    regex = "[1-9][0-9]{0,18}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(value)  # no match: the resolver answers 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))
