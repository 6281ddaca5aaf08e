"""The link in a monthly donor's receipts that lets them end the donation."""

import pytest
from django.core import signing

from kiosk.donations import receipts
from kiosk.donations.tests.factories import MonthlyDonationFactory

pytestmark = pytest.mark.django_db


def test_every_receipt_of_one_monthly_donation_carries_the_same_link():
    monthly = MonthlyDonationFactory()
    token = receipts.monthly_token(monthly)
    assert receipts.monthly_token(monthly) == token
    assert receipts.monthly_from_token(token) == monthly


def test_a_forged_or_foreign_token_finds_nothing():
    monthly = MonthlyDonationFactory()
    token = receipts.monthly_token(monthly)
    assert receipts.monthly_from_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert receipts.monthly_from_token(str(monthly.public_id)) is None
    other_salt = signing.Signer(salt="kiosk.elsewhere").sign(str(monthly.public_id))
    assert receipts.monthly_from_token(other_salt) is None
    assert receipts.monthly_from_token(signing.Signer(salt=receipts.MONTHLY_SALT).sign("not-a-uuid")) is None


def test_a_link_mailed_before_the_link_became_stable_still_works():
    monthly = MonthlyDonationFactory()
    mailed = signing.dumps(str(monthly.public_id), salt=receipts.MONTHLY_SALT, compress=True)
    assert receipts.monthly_from_token(mailed) == monthly
