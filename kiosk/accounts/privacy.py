"""What Kiosk holds about a person, for their data export and their account deletion.

Accounts sit below the apps that store things readers do (comments today,
donations tomorrow), so each of those registers here what it holds and how
it forgets it (WordPress's personal-data exporters and erasers are the
model). The export and the deletion then cover every app, and the deletion
runs each app's own service, which keeps its counts exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonalData:
    """One app's share: ``export(user)`` gives JSON-ready data, ``erase(user=, keep_comments=)`` forgets it."""

    name: str
    export: Callable[[Any], Any]
    erase: Callable[..., None]


# Filled once at start-up by each app's AppConfig.ready(): code, not state.
_registered: dict[str, PersonalData] = {}


def register(data: PersonalData) -> None:
    _registered[data.name] = data


def registered() -> list[PersonalData]:
    return list(_registered.values())
