"""Reader donations in the demo: a month of gifts by card, TWINT and transfer, monthly donors, a refund,
a transfer still awaited, and a person who may see and book them (not a superuser).

Written for Kiosk; every name is the demo's own.
"""

from __future__ import annotations

from decimal import Decimal

FINANCE_USERNAME = "spenden"
FINANCE_EMAIL = "spenden@kiosk.example"
FINANCE_GROUP = "Spenden"

# The donors' first names (their addresses end in @leser.kiosk.example, as the readers' do: the demo's own).
DONORS = (
    "Anna",
    "Beat",
    "Chantal",
    "Dario",
    "Elif",
    "Fabienne",
    "Gian",
    "Hanna",
    "Ivo",
    "Jana",
    "Kurt",
    "Lea",
)
# One gift per entry and day, cycled: (amount in CHF, method).
GIFTS = (
    ("15", "twint"),
    ("5", "card"),
    ("25", "card"),
    ("15", "card"),
    ("50", "bank"),
    ("25", "twint"),
    ("10", "twint"),
    ("100", "card"),
    ("15", "twint"),
    ("30", "bank"),
)
DAYS = 30
PER_DAY = 3
# Monthly donors by card: (name, amount, months so far; one has ended).
MONTHLY = (
    ("Mara", Decimal("12.00"), 3, False),
    ("Nico", Decimal("20.00"), 2, False),
    ("Oskar", Decimal("8.00"), 4, True),
)
