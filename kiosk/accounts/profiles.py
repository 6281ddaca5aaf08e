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


@dataclass(frozen=True)
class PublicActivity:
    """One app's part: ``items(reader)`` gives what ``template`` shows (as ``items``)."""

    name: str
    template: str
    items: Callable[[Any], list]


@dataclass(frozen=True)
class ProfileSection:
    template: str
    items: list


# Filled once at start-up by each app's AppConfig.ready(): code, not state.
_registered: dict[str, PublicActivity] = {}


def register(activity: PublicActivity) -> None:
    _registered[activity.name] = activity


def sections(reader) -> list[ProfileSection]:
    return [ProfileSection(a.template, a.items(reader)) for a in _registered.values()]
