"""The comment window: whether an article takes comments at a given moment.

Plain functions over plain values, so every case is a unit test with ``now``
passed in.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
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
    # Open by its hours, but commenting pauses site-wide (nobody staffs the desk): likes go on.
    PAUSED = "paused"


@dataclass(frozen=True)
class Pause:
    """What a pause hook (``KIOSK_COMMENT_PAUSES``) says at a moment: paused or not, and until when.

    Paused: ``until`` is when commenting opens again. Not paused: ``until``
    is when the next pause begins (a shared page must not offer the form
    past it). None for either when not known.
    """

    paused: bool
    until: datetime | None = None
    code: str = "paused"  # for clients: "desk_closed"
    message: str = ""  # for the reader, saying until when


@dataclass(frozen=True)
class CommentWindow:
    state: WindowState
    closes_at: datetime | None = None
    hours: int | None = None
    # When the state next changes by itself (the window elapses, a pause begins or ends).
    changes_at: datetime | None = None
    pause: Pause | None = None

    @property
    def is_open(self) -> bool:
        return self.state is WindowState.OPEN

    @property
    def takes_likes(self) -> bool:
        """Likes need no moderator: they go on while commenting pauses."""
        return self.state in (WindowState.OPEN, WindowState.PAUSED)

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
    return CommentWindow(
        state, closes_at=closes_at, hours=hours, changes_at=closes_at if now < closes_at else None
    )


def paused(window: CommentWindow, pauses: list[Pause]) -> CommentWindow:
    """An open window as the site-wide pauses leave it: paused by the first that pauses, else open.

    A window whose hours run out during a pause stays closed: it elapses at
    its own time, paused or not.
    """
    if not window.is_open:
        return window
    for pause in pauses:
        if pause.paused:
            reopens = min(filter(None, [pause.until, window.closes_at]), default=None)
            return replace(window, state=WindowState.PAUSED, pause=pause, changes_at=reopens)
    starts = [pause.until for pause in pauses if pause.until is not None]
    return replace(window, changes_at=min([window.closes_at, *starts]))
