"""The comment window: whether an article takes comments at a given moment.

Plain functions over plain values, so every case is a unit test with ``now``
passed in.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class WindowState(enum.StrEnum):
    OPEN = "open"
    # The hours after first publication have passed.
    ELAPSED = "elapsed"
    # The newsroom closed this article's debate early.
    CLOSED = "closed"
    # This article never takes comments (and shows none).
    OFF = "off"
    # Not published yet: nobody can comment before the first publication.
    UNPUBLISHED = "unpublished"


@dataclass(frozen=True)
class CommentWindow:
    state: WindowState
    closes_at: datetime | None = None
    hours: int | None = None

    @property
    def is_open(self) -> bool:
        return self.state is WindowState.OPEN

    @property
    def shows_comments(self) -> bool:
        return self.state is not WindowState.OFF


def comment_window(
    *,
    first_published_at: datetime | None,
    mode: str,
    article_hours: int | None,
    section_hours: int | None,
    site_hours: int,
    now: datetime,
) -> CommentWindow:
    """The article's window: mode "default", "custom", "closed" or "off" (ArticlePage.comments).

    The most specific number of hours wins: the article's own (mode "custom"),
    else the nearest section's, else the site's. Zero hours means closed at
    publication.
    """
    if mode == "off":
        return CommentWindow(WindowState.OFF)
    if mode == "closed":
        return CommentWindow(WindowState.CLOSED)
    if first_published_at is None:
        return CommentWindow(WindowState.UNPUBLISHED)
    if mode == "custom" and article_hours is not None:
        hours = article_hours
    elif section_hours is not None:
        hours = section_hours
    else:
        hours = site_hours
    closes_at = first_published_at + timedelta(hours=hours)
    state = WindowState.OPEN if now < closes_at else WindowState.ELAPSED
    return CommentWindow(state, closes_at=closes_at, hours=hours)
