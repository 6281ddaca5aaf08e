"""Places on the article page that apps above news fill (the donation box today).

News sits below those apps, so each registers here what it shows, as comments do for accounts'
profiles (kiosk.accounts.profiles); the article template renders ``{% article_slot "support" %}``
without news importing any of them. A slot's template lies inside the article's cached fragment:
it sees the article and the request's language, never who is reading.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleSlot:
    name: str
    template: str


# Filled once at start-up by each app's AppConfig.ready(): code, not state.
_registered: dict[str, list[ArticleSlot]] = {}


def register(slot: ArticleSlot) -> None:
    slots = _registered.setdefault(slot.name, [])
    if slot not in slots:
        slots.append(slot)


def registered(name: str) -> list[ArticleSlot]:
    return list(_registered.get(name, ()))
