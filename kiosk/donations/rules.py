"""What a reader may give: amounts as typed in the box, checked against the newsroom's limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from kiosk.newsroom import formatting

# Whole francs or francs and Rappen with a point: "15", "15.5", "15.50", "15.–" (the Swiss "no Rappen").
AMOUNT = re.compile(r"^(?P<francs>\d{1,9})(?:\.(?P<rappen>\d{1,2}|[-–—]))?$", re.ASCII)
# Longer than any amount anyone types: refused before any parsing.
MAX_INPUT = 30


class AmountError(ValueError):
    """An amount the box cannot take; the message says why and what to type instead."""


@dataclass(frozen=True)
class Limits:
    minimum: Decimal
    maximum: Decimal

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(Decimal(settings.KIOSK_DONATION_MIN), Decimal(settings.KIOSK_DONATION_MAX))


def amount_parse(text: str, *, limits: Limits) -> Decimal:
    """The amount in CHF a reader typed, with two decimals; AmountError with a message otherwise."""
    raw = (text or "").strip().removeprefix("CHF").removesuffix("CHF").strip()
    if not raw:
        raise AmountError(_("Please enter an amount."))
    if len(raw) > MAX_INPUT:
        raise AmountError(_("Please enter an amount in francs, for example 20 or 12.50."))
    if raw.startswith("-") or raw.startswith("−"):
        raise AmountError(_("The amount must be more than zero."))
    if "'" in raw or "’" in raw or " " in raw:
        raise AmountError(_("Please write the amount without thousands separators, for example 1000."))
    if re.fullmatch(r"\d+,\d*", raw, re.ASCII):
        raise AmountError(_("Please write francs and Rappen with a point, for example 12.50."))
    if re.fullmatch(r"\d+\.\d{3,}", raw, re.ASCII):
        raise AmountError(_("An amount has at most two decimals (Rappen), for example 12.50."))
    match = AMOUNT.match(raw)
    if match is None:
        raise AmountError(_("Please enter an amount in francs, for example 20 or 12.50."))
    rappen = match["rappen"] or "0"
    try:
        amount = Decimal(f"{match['francs']}.{rappen if rappen.isdigit() else '0'}").quantize(Decimal("0.01"))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits digits only
        raise AmountError(_("Please enter an amount in francs, for example 20 or 12.50.")) from error
    if amount < limits.minimum:
        raise AmountError(
            _("The smallest amount we can take is %(minimum)s.") % {"minimum": chf(limits.minimum)}
        )
    if amount > limits.maximum:
        raise AmountError(
            _("The largest amount we can take is %(maximum)s.") % {"maximum": chf(limits.maximum)}
        )
    return amount


def chf(amount: Decimal) -> str:
    """An amount as the reader's language writes it, with the currency (CHF 1’250.50)."""
    return formatting.chf(amount)


def rappen(amount: Decimal) -> int:
    """The amount in the smallest unit, as payment providers take it."""
    return int((amount * 100).to_integral_value())


def publisher() -> str:
    """Who the donations go to, as readers see it: the holder of the account in KIOSK_DONATION_CREDITOR."""
    return settings.KIOSK_DONATION_CREDITOR["name"]


def publisher_address() -> str:
    """The publisher's postal address on one line, as on the receipt: Seestrasse 12, 8000 Zürich."""
    creditor = settings.KIOSK_DONATION_CREDITOR
    street = " ".join(part for part in (creditor["street"], creditor.get("house_num", "")) if part)
    town = " ".join(part for part in (creditor["pcode"], creditor["city"]) if part)
    country = creditor.get("country", "CH")
    return ", ".join(part for part in (street, town, "" if country == "CH" else country) if part)
