"""The bank's camt.054 files: read (versions .04 and .08, credits only), imported once whatever is
repeated, matched to bank transfers by reference, the rest listed for a person; bad files refused with a
message; the admin's pages for whoever may change donations, and for nobody else."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kiosk.comments.tests.factories import CommenterFactory
from kiosk.donations import bank, camt, services
from kiosk.donations.models import BankCredit, BankImport, Donation, Status
from kiosk.donations.tests.factories import BankCreditFactory, BankTransferFactory, DonationFactory

FILES = Path(__file__).parent / "files"
V08 = FILES / "camt054_v08_credits.xml"
V04 = FILES / "camt054_v04_credit.xml"
ZURICH = ZoneInfo("Europe/Zurich")
NOW = datetime(2024, 4, 15, 20, 0, tzinfo=UTC)
Review = BankCredit.Review
IMPORT = reverse("donations_admin:bank_import")
RECEIVED = reverse("donations_admin:bank_received")


@pytest.fixture(autouse=True)
def qr_iban(settings):
    """The references in the test files are QR references (for the default QR-IBAN), without prefix."""
    settings.KIOSK_DONATION_IBAN = "CH44 3199 9123 0008 8901 2"
    settings.KIOSK_DONATION_REFERENCE_PREFIX = ""


pytestmark = pytest.mark.usefixtures("english")


def transfer(number: int, amount: str | None, **fields) -> Donation:
    """A bank transfer whose reference the test files carry (made from ``number``, not its own id)."""
    return BankTransferFactory(
        reference=bank.reference_for(number),
        amount=None if amount is None else Decimal(amount),
        created_at=NOW - timedelta(days=5),
        **fields,
    )


@pytest.fixture
def transfers(db) -> dict[str, Donation]:
    return {
        "pledged": transfer(900001, "25.00"),
        "underpaid": transfer(900002, "20.00"),
        "more": transfer(900003, "30.00"),
        "open": transfer(900004, None),
        "above_ceiling": transfer(900005, "50.00"),
        "euros": transfer(900006, "20.00"),
        # Only in the reversed and the pending entries.
        "untouched": transfer(900007, "77.00"),
    }


def fresh(donation: Donation) -> Donation:
    donation.refresh_from_db()
    return donation


def import_file(path: Path = V08, *, by=None, now: datetime = NOW) -> BankImport:
    return services.camt_import(data=path.read_bytes(), filename=path.name, by=by, now=now)


# Reading -------------------------------------------------------------------------------------------


def test_a_version_08_file_gives_its_credits_and_skips_debits_reversals_and_pending_entries():
    notification = camt.parse(V08.read_bytes())
    assert notification.message_id == "KIOSK-TEST-20240415-1"
    assert notification.version == "camt.054.001.08"
    assert notification.skipped == 3
    by_reference = {credit.bank_reference: credit for credit in notification.credits}
    assert list(by_reference) == [
        "TX-0001",
        "TX-0002",
        "TX-0003",
        "TX-0004",
        "TX-0005",
        "TX-0006",
        "TX-0007",
        # No reference of its own: the entry's, with its place in the entry.
        "ENTRY-0415-3:1",
    ]
    first = by_reference["TX-0001"]
    assert first == camt.Credit(
        bank_reference="TX-0001",
        payment_reference="000000000000000000009000012",
        amount=Decimal("25.00"),
        currency="CHF",
        booked_on=date(2024, 4, 15),
        debtor="Anna Muster",
    )
    # A reference printed in groups is compared compact.
    assert by_reference["TX-0003"].payment_reference == "000000000000000000090009900"
    assert by_reference["TX-0007"].currency == "EUR"
    assert by_reference["ENTRY-0415-3:1"].payment_reference == ""
    assert by_reference["ENTRY-0415-3:1"].booked_on == date(2024, 4, 15)


def test_a_version_04_file_reads_the_same():
    (credit,) = camt.parse(V04.read_bytes()).credits
    assert credit.bank_reference == "V04-TX-1"
    assert credit.amount == Decimal("25.00")
    assert credit.debtor == "Anna Muster"
    assert credit.booked_on == date(2024, 4, 16)


def _bare(position_amounts: list[str], *, reference_text: str = "") -> bytes:
    details = "".join(
        f'<TxDtls><Amt Ccy="CHF">{amount}</Amt><RmtInf><Ustrd>{reference_text}</Ustrd></RmtInf></TxDtls>'
        for amount in position_amounts
    )
    return (
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.06"><BkToCstmrDbtCdtNtfctn>'
        "<GrpHdr><MsgId>BARE</MsgId></GrpHdr><Ntfctn><Ntry><Amt Ccy='CHF'>1</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
        f"<Sts>BOOK</Sts><BookgDt><Dt>2024-04-15</Dt></BookgDt><NtryDtls>{details}</NtryDtls></Ntry>"
        "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"
    ).encode()


def test_a_credit_without_any_bank_reference_gets_the_same_stable_one_in_every_file():
    first = camt.parse(_bare(["10.00", "10.00"]))
    again = camt.parse(_bare(["10.00", "10.00"]))
    references = [credit.bank_reference for credit in first.credits]
    assert references == [credit.bank_reference for credit in again.credits]
    # Two equal credits in one entry are two credits.
    assert len(set(references)) == 2
    assert all(reference.startswith("camt:") for reference in references)


def test_a_reference_the_donor_typed_into_the_message_is_used_when_it_is_valid():
    (credit,) = camt.parse(_bare(["10.00"], reference_text="rf18 5390 0754 7034")).credits
    assert credit.payment_reference == "RF18539007547034"
    (credit,) = camt.parse(_bare(["10.00"], reference_text="Spende für euch")).credits
    assert credit.payment_reference == ""


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"%PDF-1.4 not a bank file", "not XML"),
        (b"<Document><unclosed></Document>", "not XML"),
        ((FILES / "billion_laughs.xml").read_bytes(), "DTD"),
        (b'<!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>', "DTD"),
        (b"<Document><Nothing/></Document>", "not an ISO 20022 camt file"),
        ((FILES / "camt053_statement.xml").read_bytes(), "camt.053"),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><Other/></Document>',
            "no notification",
        ),
        (_bare(["ten"]), "not a number"),
        (_bare(["-5.00"]), "books can hold"),
        (_bare(["1.005"]), "books can hold"),
        (_bare(["NaN"]), "books can hold"),
    ],
)
def test_anything_else_is_refused_with_a_message(data, says):
    with pytest.raises(camt.CamtError) as refused:
        camt.parse(data)
    assert says in refused.value.message


def test_a_file_too_large_is_refused_unread(monkeypatch):
    monkeypatch.setattr(camt, "MAX_BYTES", 1000)
    with pytest.raises(camt.CamtError, match="larger than"):
        camt.parse(V08.read_bytes())


# Importing -------------------------------------------------------------------------------------------


def test_each_credit_is_matched_or_listed(transfers, django_capture_on_commit_callbacks, caplog):
    treasurer = CommenterFactory(username="kasse")
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("INFO", "kiosk.donations"):
        imported = import_file(by=treasurer)
    assert (imported.credits_new, imported.credits_known) == (8, 0)
    assert imported.message_id == "KIOSK-TEST-20240415-1"
    assert imported.imported_by == treasurer
    reviews = dict(BankCredit.objects.values_list("bank_reference", "review"))
    assert reviews == {
        "TX-0001": Review.MATCHED,
        "TX-0002": Review.UNDERPAID,
        "TX-0003": Review.UNMATCHED,
        "TX-0004": Review.MATCHED,
        "TX-0005": Review.MATCHED,
        "TX-0006": Review.OTHER,
        "TX-0007": Review.OTHER,
        "ENTRY-0415-3:1": Review.UNMATCHED,
    }
    pledged = fresh(transfers["pledged"])
    assert (pledged.status, pledged.amount) == (Status.PAID, Decimal("25.00"))
    # Paid when the bank booked it: the start of that day in Zurich.
    assert pledged.paid_at == datetime(2024, 4, 15, tzinfo=ZURICH)
    assert pledged.marked_paid_by is None
    assert pledged.bank_credits.get().debtor == "Anna Muster"
    # More than pledged: what arrived.
    assert (fresh(transfers["more"]).status, fresh(transfers["more"]).amount) == (
        Status.PAID,
        Decimal("40.00"),
    )
    assert (fresh(transfers["open"]).status, fresh(transfers["open"]).amount) == (
        Status.PAID,
        Decimal("12.50"),
    )
    for name in ("underpaid", "above_ceiling", "euros", "untouched"):
        assert fresh(transfers[name]).status == Status.PENDING, name
        assert fresh(transfers[name]).paid_at is None
    assert fresh(transfers["underpaid"]).amount == Decimal("20.00")
    # The credits of known transfers point at them, even when not paid.
    assert BankCredit.objects.get(bank_reference="TX-0002").donation == transfers["underpaid"]
    assert BankCredit.objects.get(bank_reference="TX-0007").donation == transfers["euros"]
    # A receipt for each donation paid.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        transfers[name].email for name in ("pledged", "more", "open")
    )
    assert "kasse" in caplog.text
    assert "8 new credits" in caplog.text


def test_the_same_file_again_changes_nothing(transfers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_file()
    before = list(Donation.objects.order_by("pk").values())
    credits = list(BankCredit.objects.order_by("pk").values())
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = import_file(now=NOW + timedelta(hours=1))
    assert (again.credits_new, again.credits_known) == (0, 8)
    assert list(Donation.objects.order_by("pk").values()) == before
    assert list(BankCredit.objects.order_by("pk").values()) == credits
    assert len(mail.outbox) == sent


def test_an_import_at_the_same_time_is_kept_apart_by_the_bank_reference(transfers, monkeypatch):
    import_file()
    paid_at = fresh(transfers["pledged"]).paid_at
    # As if another import stored the credits between this one's look and its insert.
    monkeypatch.setattr(services, "_bank_credit_known", lambda reference: False)
    again = import_file(now=NOW + timedelta(hours=1))
    assert (again.credits_new, again.credits_known) == (0, 8)
    assert BankCredit.objects.count() == 8
    assert fresh(transfers["pledged"]).paid_at == paid_at


def test_a_second_transfer_for_a_paid_donation_is_listed(transfers):
    import_file()
    second = import_file(V04)
    assert (second.credits_new, second.credits_known) == (1, 0)
    credit = BankCredit.objects.get(bank_reference="V04-TX-1")
    assert (credit.review, credit.donation) == (Review.OTHER, transfers["pledged"])
    assert fresh(transfers["pledged"]).amount == Decimal("25.00")


def test_a_version_04_credit_pays_its_transfer(transfers):
    import_file(V04, now=NOW + timedelta(days=1))
    assert fresh(transfers["pledged"]).status == Status.PAID
    assert fresh(transfers["pledged"]).paid_at == datetime(2024, 4, 16, tzinfo=ZURICH)


def test_a_card_payment_with_the_same_reference_text_is_not_matched(db):
    # References are a bank transfer's only: a card donation never has one to match.
    DonationFactory(status=Status.PENDING, reference=bank.reference_for(900001))
    import_file(V04)
    assert BankCredit.objects.get().review == Review.UNMATCHED


def test_a_bad_file_writes_nothing(db):
    with pytest.raises(camt.CamtError):
        services.camt_import(data=b"<nonsense/>", filename="x.xml", by=None, now=NOW)
    assert not BankImport.objects.exists()


def test_a_listed_credit_is_marked_looked_at_once(db, caplog):
    staff = CommenterFactory(username="kasse")
    credit = BankCreditFactory(review=Review.UNDERPAID)
    with caplog.at_level("INFO", "kiosk.donations"):
        resolved = services.bank_credit_resolve(credit=credit, by=staff, now=NOW)
    assert resolved.review == Review.RESOLVED
    assert (resolved.review_was, resolved.looked_at, resolved.looked_at_by) == (Review.UNDERPAID, NOW, staff)
    assert "kasse" in caplog.text
    assert "underpaid" in caplog.text
    matched = BankCreditFactory(review=Review.MATCHED)
    assert services.bank_credit_resolve(credit=matched, by=staff, now=NOW).review == Review.MATCHED


# The admin's pages ----------------------------------------------------------------------------------


def _staff(username: str, *codenames: str):
    user = CommenterFactory(username=username, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["donations", "wagtailadmin"],
            codename__in=["access_admin", *codenames],
        )
    )
    return user


@pytest.fixture
def treasurer(db):
    """Someone who may change donations (mark them received, import the bank's files): no superuser."""
    return _staff("kasse", "view_donation", "change_donation")


@pytest.fixture
def editor(db):
    """In the admin, and may even see the donations, but not change them."""
    return _staff("redaktion", "view_donation")


def _upload(client, data: bytes, name: str = "camt054.xml"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, content_type="application/xml")})


@pytest.mark.parametrize(
    ("url", "method"),
    [
        (IMPORT, "get"),
        (IMPORT, "post"),
        (RECEIVED, "get"),
        (RECEIVED, "post"),
        ("bank_credit_resolve", "post"),
    ],
)
def test_only_who_may_change_donations_gets_the_bank_pages(client, reader, editor, url, method):
    credit = BankCreditFactory()
    if url == "bank_credit_resolve":
        url = reverse("donations_admin:bank_credit_resolve", args=[credit.pk])
    send = getattr(client, method)
    anonymous = send(url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    # A reader logged in is refused outright (the admin's login would send them straight back).
    client.force_login(reader)
    assert send(url).status_code == 403
    # Inside its admin Wagtail answers a refusal with a redirect to its start page and a message.
    client.force_login(editor)
    response = send(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert fresh_credit(credit).review == Review.UNMATCHED
    assert not BankImport.objects.exclude(pk=credit.imported_id).exists()


def fresh_credit(credit: BankCredit) -> BankCredit:
    credit.refresh_from_db()
    return credit


def test_the_menu_shows_the_bank_pages_to_the_treasurer_only(client, treasurer, editor):
    client.force_login(treasurer)
    assert IMPORT in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert IMPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_treasurer_uploads_a_file_and_sees_what_it_brought(client, treasurer, transfers):
    client.force_login(treasurer)
    response = _upload(client, V08.read_bytes(), V08.name)
    assert response.status_code == 302
    imported = BankImport.objects.get()
    assert response["Location"] == f"{IMPORT}?import={imported.pk}"
    assert imported.imported_by == treasurer
    page = client.get(response["Location"])
    html = page.content.decode()
    assert 'data-credits-new="8" data-credits-known="0"' in html
    assert V08.name in html
    # Listed for a look: no match (2), less than pledged, above the ceiling, euros.
    for reference in ("TX-0002", "TX-0003", "TX-0006", "TX-0007", "ENTRY-0415-3:1"):
        assert f'data-credit="{BankCredit.objects.get(bank_reference=reference).pk}"' in html
    assert f'data-credit="{BankCredit.objects.get(bank_reference="TX-0001").pk}"' not in html
    assert fresh(transfers["pledged"]).status == Status.PAID

    again = client.get(_upload(client, V08.read_bytes(), V08.name)["Location"])
    assert 'data-credits-new="0" data-credits-known="8"' in again.content.decode()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"this is not xml", "not XML"),
        ((FILES / "billion_laughs.xml").read_bytes(), "DTD"),
        ((FILES / "camt053_statement.xml").read_bytes(), "camt.053"),
    ],
)
def test_a_bad_upload_is_a_400_with_the_reason(client, treasurer, data, says):
    client.force_login(treasurer)
    response = _upload(client, data)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not BankImport.objects.exists()


def test_an_empty_or_missing_file_is_a_400(client, treasurer):
    client.force_login(treasurer)
    assert _upload(client, b"").status_code == 400
    assert client.post(IMPORT, {}).status_code == 400


def test_a_file_too_large_is_refused_by_the_form(client, treasurer, monkeypatch):
    monkeypatch.setattr(camt, "MAX_BYTES", 1000)
    client.force_login(treasurer)
    response = _upload(client, V08.read_bytes())
    assert response.status_code == 400
    assert "larger than" in response.content.decode()


def test_the_treasurer_marks_a_listed_credit_looked_at(client, treasurer):
    credit = BankCreditFactory(review=Review.OTHER)
    client.force_login(treasurer)
    url = reverse("donations_admin:bank_credit_resolve", args=[credit.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert fresh_credit(credit).review == Review.RESOLVED
    page = client.get(IMPORT).content.decode()
    assert f'data-credit="{credit.pk}"' not in page
    # Still there, under what was looked at lately: why it was listed, and by whom.
    assert "Looked at lately" in page
    assert "needs a look" in page.split("Looked at lately")[1]
    assert str(treasurer) in page.split("Looked at lately")[1]
    assert (
        client.post(reverse("donations_admin:bank_credit_resolve", args=[credit.pk + 1000])).status_code
        == 404
    )


def test_the_import_page_takes_the_same_queries_for_one_credit_as_for_many(
    client, treasurer, django_assert_num_queries
):
    client.force_login(treasurer)
    BankCreditFactory(donation=BankTransferFactory())
    client.get(IMPORT)  # the session and the admin's own first-time reads
    with django_assert_num_queries(QUERIES_IMPORT_PAGE):
        assert client.get(IMPORT).status_code == 200
    for _ in range(5):
        BankCreditFactory(donation=BankTransferFactory())
        BankCreditFactory(review=Review.RESOLVED, looked_at=NOW, looked_at_by=treasurer)
    with django_assert_num_queries(QUERIES_IMPORT_PAGE):
        assert client.get(IMPORT).status_code == 200


# The user, their permissions (2) and admin profile; the admin's locales and menu permissions (4); the
# credits to look at (count, page) with their donations and files, the last imports with who imported,
# the credits looked at lately with who did.
QUERIES_IMPORT_PAGE = 12


def test_the_awaited_transfers_take_the_same_queries_for_one_as_for_many(
    client, treasurer, django_assert_num_queries
):
    client.force_login(treasurer)
    BankTransferFactory()
    client.get(RECEIVED)
    with django_assert_num_queries(QUERIES_RECEIVED_PAGE):
        assert client.get(RECEIVED).status_code == 200
    BankTransferFactory.create_batch(5, amount=None)
    with django_assert_num_queries(QUERIES_RECEIVED_PAGE):
        assert client.get(RECEIVED).status_code == 200


# The user, their permissions and profile (4), the admin's own (4), the transfers awaited (count, page).
QUERIES_RECEIVED_PAGE = 10


def test_the_treasurer_marks_a_transfer_received_by_its_reference(
    client, treasurer, django_capture_on_commit_callbacks
):
    donation = BankTransferFactory(amount=Decimal("15.00"), created_at=timezone.now() - timedelta(days=2))
    client.force_login(treasurer)
    page = client.get(RECEIVED)
    assert page.status_code == 200
    assert donation.reference in page.content.decode()
    filled = client.get(RECEIVED, {"reference": donation.reference, "amount": "15.00"})
    assert f'value="{donation.reference}"' in filled.content.decode()
    assert fresh(donation).status == Status.PENDING  # a GET fills the form in, nothing more
    yesterday = timezone.localdate() - timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            RECEIVED,
            {
                "reference": bank.reference_formatted(donation.reference).lower(),
                "amount": "15.00",
                "received_on": yesterday.isoformat(),
            },
        )
    assert response.status_code == 302
    donation = fresh(donation)
    assert (donation.status, donation.amount, donation.marked_paid_by) == (
        Status.PAID,
        Decimal("15.00"),
        treasurer,
    )
    assert donation.paid_at == datetime.combine(yesterday, datetime.min.time(), tzinfo=ZURICH)
    assert len(mail.outbox) == 1
    assert donation.reference not in client.get(RECEIVED).content.decode().split("<h2>")[-1]

    twice = client.post(
        RECEIVED, {"reference": donation.reference, "amount": "15.00", "received_on": yesterday.isoformat()}
    )
    assert twice.status_code == 400
    assert "already" in twice.content.decode()


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"reference": "RF18539007547034", "amount": "15.00"}, "No bank transfer has this reference."),
        ({"amount": "0.50"}, "1.00"),
        ({"amount": "5000.01"}, "5000.00"),
        ({"amount": "zehn"}, "number"),
        ({"received_on": "2999-01-01"}, "future"),
    ],
)
def test_a_mistake_in_the_form_is_a_400_and_marks_nothing(client, treasurer, fields, says):
    donation = BankTransferFactory(amount=Decimal("15.00"))
    client.force_login(treasurer)
    data = {
        "reference": donation.reference,
        "amount": "15.00",
        "received_on": timezone.localdate().isoformat(),
    }
    response = client.post(RECEIVED, {**data, **fields})
    assert response.status_code == 400
    assert says in response.content.decode()
    assert fresh(donation).status == Status.PENDING
