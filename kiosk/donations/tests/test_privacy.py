"""A donor's data export holds their donations; deleting the account keeps the books, not the person."""

from decimal import Decimal

import pytest
from django.utils import timezone

from kiosk.accounts import selectors as account_selectors
from kiosk.accounts import services as account_services
from kiosk.comments.tests.factories import CommenterFactory
from kiosk.donations.models import Donation, MonthlyDonation

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_readers_donations_and_deleting_the_account_keeps_the_amounts_without_the_person():
    reader = CommenterFactory()
    other = CommenterFactory()
    now = timezone.now()
    mine = Donation.objects.create(
        amount=Decimal("15.00"),
        name="Ruth",
        email="ruth@example.org",
        reader=reader,
        created_at=now,
        paid_at=now,
    )
    theirs = Donation.objects.create(amount=Decimal("5.00"), name="Max", reader=other, created_at=now)
    # Ended already: nothing is asked of the provider.
    MonthlyDonation.objects.create(
        amount=Decimal("10.00"), reader=reader, email="ruth@example.org", created_at=now, canceled_at=now
    )

    exported = account_selectors.personal_data(reader, now=now)["donations"]
    assert [d["amount"] for d in exported["donations"]] == ["15.00"]
    assert exported["donations"][0]["email"] == "ruth@example.org"
    assert len(exported["monthly_donations"]) == 1

    account_services.account_delete(user=reader, keep_comments=False)
    mine.refresh_from_db()
    assert (mine.amount, mine.name, mine.email, mine.reader_id) == (Decimal("15.00"), "", "", None)
    assert MonthlyDonation.objects.get().email == ""
    theirs.refresh_from_db()
    assert theirs.name == "Max"
