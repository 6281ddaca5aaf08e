"""What the box accepts as an amount, and what it says about the rest."""

from decimal import Decimal

import pytest

from kiosk.donations import rules
from kiosk.donations.models import Donation, Status

LIMITS = rules.Limits(Decimal(2), Decimal(5000))


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("15", "15.00"),
        ("15.5", "15.50"),
        ("12.50", "12.50"),
        (" 20 ", "20.00"),
        ("CHF 30", "30.00"),
        ("25.–", "25.00"),
        ("2", "2.00"),
        ("5000", "5000.00"),
        ("5000.00", "5000.00"),
    ],
)
def test_amounts_a_reader_types_are_taken(typed, amount):
    assert rules.amount_parse(typed, limits=LIMITS) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "enter an amount"),
        ("zehn", "in francs"),
        ("1e3", "in francs"),
        ("-5", "more than zero"),
        ("−5", "more than zero"),
        ("12.505", "at most two decimals"),
        ("1'000", "without thousands separators"),
        ("1’000", "without thousands separators"),
        ("1 000", "without thousands separators"),
        ("12,50", "with a point"),
        ("1.99", "smallest amount"),
        ("0", "smallest amount"),
        ("5000.01", "largest amount"),
        ("9" * 40, "in francs"),
        ("NaN", "in francs"),
        ("Infinity", "in francs"),
        ("١٠", "in francs"),  # Arabic-Indic digits: not what the box takes
    ],
)
def test_anything_else_gets_a_message_saying_what_to_type(typed, says):
    with pytest.raises(rules.AmountError) as refused:
        rules.amount_parse(typed, limits=LIMITS)
    assert says in str(refused.value)


@pytest.mark.parametrize(
    ("amount", "shown"),
    [("15", "CHF\xa015.00"), ("12.5", "CHF\xa012.50"), ("1250.05", "CHF\xa01’250.05")],
)
def test_amounts_read_the_swiss_way(amount, shown):
    assert rules.chf(Decimal(amount)) == shown


def test_rappen_for_the_provider():
    assert rules.rappen(Decimal("12.50")) == 1250


# The status follows from the facts, whatever order they were reported in.


def _donation(**facts):
    return Donation(amount=Decimal("15.00"), **facts)


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        ({}, Status.PENDING),
        ({"failed_at": 1}, Status.FAILED),
        ({"paid_at": 1}, Status.PAID),
        ({"paid_at": 1, "failed_at": 1}, Status.PAID),  # an expiry reported after the payment
        ({"paid_at": 1, "refunded_amount": Decimal("15.00")}, Status.REFUNDED),
        ({"paid_at": 1, "refunded_amount": Decimal("5.00")}, Status.PAID),  # a part refunded
        ({"refunded_amount": Decimal("15.00")}, Status.PENDING),  # the refund before the payment…
        ({"paid_at": 1, "disputed_at": 1}, Status.DISPUTED),
        ({"paid_at": 1, "disputed_at": 1, "dispute_outcome": "lost"}, Status.DISPUTED),
        ({"paid_at": 1, "disputed_at": 1, "dispute_outcome": "won"}, Status.PAID),
    ],
)
def test_the_status_follows_from_the_facts(facts, status):
    assert _donation(**facts).status_from_facts() == status
