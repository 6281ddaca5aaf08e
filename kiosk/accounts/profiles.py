"""What a reader's public profile shows of what they did on the site.

Accounts sit below the apps where readers act (comments today), so each of
those registers here what it shows on the profile, as kiosk.accounts.privacy
does for the data export. The profile then shows every app's part without
accounts importing any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction


@dataclass(frozen=True)
class PublicActivity:
    """One app's part: ``items(reader)`` gives what ``template`` shows (as ``items``)."""

    name: str
    template: str
    items: Callable[[Any], list]
    # Called once the reader's public name or picture has changed, with the reader:
    # the app retires what shows them next to what they did (cached pages).
    refresh: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class ProfileSection:
    template: str
    items: list


# Filled once at start-up by each app's AppConfig.ready(): code, not state.
_registered: dict[str, PublicActivity] = {}


def register(activity: PublicActivity) -> None:
    _registered[activity.name] = activity


def public_profile_changed(reader) -> None:
    """After the reader's public name or picture changed: every app shows the new one, after commit."""

    def refresh() -> None:
        for activity in _registered.values():
            if activity.refresh:
                activity.refresh(reader)

    transaction.on_commit(refresh)


def sections(reader) -> list[ProfileSection]:
    return [ProfileSection(a.template, a.items(reader)) for a in _registered.values()]
