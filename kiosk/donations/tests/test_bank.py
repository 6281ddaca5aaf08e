"""Bank transfers by QR-bill: the references (QR reference and creditor reference, checked by hand), the
QR code a banking app reads (drawn from the bill's SVG and decoded), the reader's slip page and its
downloads, marking a transfer received, and the check of the account settings."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import zxingcpp
from defusedxml.ElementTree import fromstring
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from PIL import Image, ImageDraw

from kiosk.comments.tests.factories import CommenterFactory
from kiosk.donations import bank, services
from kiosk.donations.models import Status
from kiosk.donations.tests.factories import BankTransferFactory, DonationFactory

QR_IBAN = "CH44 3199 9123 0008 8901 2"
# PostFinance's example account: a plain IBAN (institution 00762), so creditor references.
PLAIN_IBAN = "CH93 0076 2011 6238 5295 7"
SVG = "{http://www.w3.org/2000/svg}"
NOW = datetime(2024, 4, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def qr_iban(settings):
    settings.KIOSK_DONATION_IBAN = QR_IBAN
    settings.KIOSK_DONATION_REFERENCE_PREFIX = ""
    return settings


@pytest.fixture
def plain_iban(settings):
    settings.KIOSK_DONATION_IBAN = PLAIN_IBAN
    settings.KIOSK_DONATION_REFERENCE_PREFIX = ""
    return settings


# References ------------------------------------------------------------------------------------------


def mod10_recursive(digits: str) -> str:
    """The check digit of a QR reference, as the Swiss Payment Standards print the table."""
    table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
    carry = 0
    for digit in digits:
        carry = table[(carry + int(digit)) % 10]
    return str((10 - carry) % 10)


def iso11649_valid(reference: str) -> bool:
    """RF and check digits moved to the end, letters as numbers (R=27, F=15): modulo 97 leaves 1."""
    moved = reference[4:] + reference[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def test_a_qr_iban_gets_a_27_digit_qr_reference_with_its_check_digit(qr_iban):
    reference = bank.reference_for(1234)
    assert len(reference) == 27
    assert reference.isdigit()
    assert reference[:26] == "00000000000000000000001234"
    assert reference[26] == mod10_recursive(reference[:26])
    # The example of the Swiss Payment Standards (IG QR-bill, annex): its check digit is 7.
    assert mod10_recursive("21000000000313947143000901") == "7"
    assert bank.reference_is_valid("21 00000 00003 13947 14300 09017")


def test_another_iban_gets_a_creditor_reference_with_its_check_digits(plain_iban):
    # ISO 11649's own example: RF18 5390 0754 7034.
    assert bank.reference_for(539007547034) == "RF18539007547034"
    reference = bank.reference_for(1234)
    assert reference.startswith("RF")
    assert reference[4:] == "1234"
    assert iso11649_valid(reference)
    assert bank.reference_is_valid(reference.lower())


def test_references_differ_for_every_donation_and_carry_the_prefix(qr_iban):
    references = {bank.reference_for(number) for number in range(1, 2001)}
    assert len(references) == 2000
    qr_iban.KIOSK_DONATION_REFERENCE_PREFIX = "42"
    reference = bank.reference_for(7)
    assert reference.startswith("42")
    assert len(reference) == 27
    assert reference[26] == mod10_recursive(reference[:26])
    qr_iban.KIOSK_DONATION_IBAN = PLAIN_IBAN
    assert bank.reference_for(7)[4:] == "427"
    assert iso11649_valid(bank.reference_for(7))


def test_a_number_that_does_not_fit_is_refused(plain_iban):
    with pytest.raises(ValueError, match="does not fit"):
        bank.reference_for(10**22)
    with pytest.raises(ValueError, match="1 or more"):
        bank.reference_for(0)


def test_references_are_compared_without_spaces_and_case():
    assert bank.reference_normalized(" rf18 5390\t0754 7034 ") == "RF18539007547034"
    assert bank.reference_formatted("210000000003139471430009017") == "21 00000 00003 13947 14300 09017"
    assert bank.reference_formatted("RF18539007547034") == "RF18 5390 0754 7034"
    assert not bank.reference_is_valid("210000000003139471430009018")


# The QR code a banking app reads -------------------------------------------------------------------


def qr_code_text(svg: str) -> str:
    """Draw the QR code of the bill's SVG module by module (qrbill writes one ``M x,y H.. V.. H.. z`` square
    for each dark module), put the Swiss cross over its middle as the bill does, and decode it."""
    root = fromstring(svg.encode())
    paths = [path.get("d", "") for path in root.iter(f"{SVG}path")]
    code = next(d for d in paths if d.startswith("M") and re.match(r"M\d+,\d+H", d))
    modules = [(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", code)]
    size = max(max(x, y) for x, y in modules) + 1
    scale, quiet = 8, 4
    side = (size + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for x, y in modules:
        left, top = (x + quiet) * scale, (y + quiet) * scale
        draw.rectangle([left, top, left + scale - 1, top + scale - 1], fill=0)
    # The cross: 7 mm of the code's 46 mm, a black square with a white cross, in the middle.
    cross = size * scale * 7 / 46
    middle = side / 2
    draw.rectangle([middle - cross / 2, middle - cross / 2, middle + cross / 2, middle + cross / 2], fill=0)
    arm, width = cross * 0.55, cross * 0.17
    draw.rectangle([middle - width, middle - arm / 2, middle + width, middle + arm / 2], fill=255)
    draw.rectangle([middle - arm / 2, middle - width, middle + arm / 2, middle + width], fill=255)
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, "the QR code could not be read"
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
    return found[0].text


def fields(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def assert_swiss_payment_code(data: list[str], *, iban: str, amount: str, ref_type: str, reference: str):
    """The QR code's lines as the Swiss Payment Standards 2.x (version 0200) lay them out."""
    assert data[:4] == ["SPC", "0200", "1", iban.replace(" ", "")]
    # Creditor: structured address (S), name, street, house number, postcode, town, country.
    assert data[4:11] == ["S", "Kiosk Medien AG", "Seestrasse", "12", "8000", "Zürich", "CH"]
    assert data[11:18] == [""] * 7  # ultimate creditor: reserved
    assert data[18:20] == [amount, "CHF"]
    assert data[20:27] == [""] * 7  # no debtor: the reader writes their own
    assert data[27:29] == [ref_type, reference]
    assert data[29]  # the unstructured message names the donation (the tests say which)
    assert data[30] == "EPD"
    assert len(data) == 31


def test_the_qr_code_carries_the_account_the_amount_and_the_qr_reference(qr_iban, db):
    donation = BankTransferFactory(amount=Decimal("25.00"))
    data = fields(qr_code_text(bank.qr_bill_svg(donation, language="de-ch")))
    assert_swiss_payment_code(
        data, iban=QR_IBAN, amount="25.00", ref_type="QRR", reference=bank.reference_for(donation.pk)
    )
    assert data[29].endswith(f" {donation.pk}")


def test_an_open_amount_and_a_creditor_reference_for_a_plain_iban(plain_iban, db):
    donation = BankTransferFactory(amount=None)
    data = fields(qr_code_text(bank.qr_bill_svg(donation, language="fr")))
    assert_swiss_payment_code(data, iban=PLAIN_IBAN, amount="", ref_type="SCOR", reference=donation.reference)
    assert donation.reference.startswith("RF")


def test_the_bill_speaks_the_readers_language(qr_iban, db):
    donation = BankTransferFactory()
    assert "Zahlteil" in bank.qr_bill_svg(donation, language="de-ch")
    assert "Section paiement" in bank.qr_bill_svg(donation, language="fr")
    assert "Payment part" in bank.qr_bill_svg(donation, language="en")
    # A language the bill has no headings in: German, the newsroom's.
    assert bank.bill_language("rm") == "de"
    assert bank.qr_bill(donation, language=None).language == "de"


def test_the_pdf_is_an_a4_page_drawn_here(qr_iban, db):
    pdf = bank.qr_bill_pdf(BankTransferFactory(), language="de-ch")
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[ 0 0 595\.27\d* 841\.88\d* \]", pdf)


# The account settings ----------------------------------------------------------------------------


def test_the_check_says_what_is_wrong_with_the_account(settings):
    settings.KIOSK_DONATION_IBAN = QR_IBAN
    assert bank.check_bank_account() == []
    settings.KIOSK_DONATION_IBAN = "CH44 3199 9123 0008 8901 3"
    assert [error.id for error in bank.check_bank_account()] == ["kiosk.donations.E001"]
    settings.KIOSK_DONATION_IBAN = "DE89 3704 0044 0532 0130 00"
    (error,) = bank.check_bank_account()
    assert error.id == "kiosk.donations.E002"
    assert "Swiss or Liechtenstein" in error.msg
    settings.KIOSK_DONATION_IBAN = QR_IBAN
    settings.KIOSK_DONATION_REFERENCE_PREFIX = "AB"
    assert [error.id for error in bank.check_bank_account()] == ["kiosk.donations.E003"]
    settings.KIOSK_DONATION_REFERENCE_PREFIX = ""
    settings.KIOSK_DONATION_CREDITOR = {**settings.KIOSK_DONATION_CREDITOR, "name": ""}
    assert [error.id for error in bank.check_bank_account()] == ["kiosk.donations.E004"]


def test_a_bad_account_fails_loudly_when_a_bill_is_made(settings, db):
    donation = BankTransferFactory()
    settings.KIOSK_DONATION_IBAN = "DE89 3704 0044 0532 0130 00"
    with pytest.raises(ImproperlyConfigured, match="KIOSK_DONATION_IBAN"):
        bank.qr_bill(donation, language="de")


# The reader's slip --------------------------------------------------------------------------------


def test_the_slip_shows_amount_account_creditor_and_reference(client, home, qr_iban):
    donation = BankTransferFactory(amount=Decimal("15.00"))
    response = client.get(reverse("donations:bank_slip", args=[donation.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert bank.reference_formatted(donation.reference) in html
    assert "CH44 3199 9123 0008 8901 2" in html
    assert "Kiosk Medien AG" in html
    assert "Seestrasse 12" in html
    assert "8000 Zürich" in html
    assert "15.00" in html
    svg_url = reverse("donations:bank_slip_svg", args=[donation.public_id])
    assert f'<img src="{svg_url}"' in html
    assert reverse("donations:bank_slip_pdf", args=[donation.public_id]) in html
    # Nothing inline the Content-Security-Policy would refuse, and the page is the reader's own.
    assert "<svg" not in html
    assert " style=" not in html
    assert "onclick" not in html
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_an_open_amount_says_so(client, home, qr_iban):
    donation = BankTransferFactory(amount=None)
    html = client.get(reverse("donations:bank_slip", args=[donation.public_id])).content.decode()
    assert 'data-amount="open"' in html


def test_the_downloads_are_an_svg_image_and_a_pdf(client, home, qr_iban):
    donation = BankTransferFactory()
    svg = client.get(reverse("donations:bank_slip_svg", args=[donation.public_id]))
    assert svg.status_code == 200
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert svg["Content-Disposition"].startswith('attachment; filename="')
    assert svg["Content-Disposition"].endswith(f'-{donation.reference}.svg"')
    assert b"<svg" in svg.content
    pdf = client.get(reverse("donations:bank_slip_pdf", args=[donation.public_id]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].endswith(f'-{donation.reference}.pdf"')


@pytest.mark.parametrize("name", ["bank_slip", "bank_slip_svg", "bank_slip_pdf"])
def test_only_a_bank_transfer_has_a_slip(client, home, qr_iban, name):
    card = DonationFactory()
    assert client.get(reverse(f"donations:{name}", args=[card.public_id])).status_code == 404
    assert client.get(reverse(f"donations:{name}", args=[uuid.uuid4()])).status_code == 404
    transfer = BankTransferFactory()
    # A GET only: it writes nothing, and a POST is refused.
    assert client.post(reverse(f"donations:{name}", args=[transfer.public_id])).status_code == 405


def test_a_paid_transfer_thanks_instead_of_asking_again(client, home, qr_iban):
    donation = BankTransferFactory(amount=Decimal("15.00"), status=Status.PAID)
    html = client.get(reverse("donations:bank_slip", args=[donation.public_id])).content.decode()
    assert 'data-donation-status="paid"' in html
    assert "qr-rechnung.svg" not in html


# Marked received by hand ---------------------------------------------------------------------------


def test_a_transfer_marked_received_is_paid_once_and_its_receipt_sent(
    qr_iban, db, django_capture_on_commit_callbacks, caplog
):
    staff = CommenterFactory(username="buchhaltung", is_staff=True)
    donation = BankTransferFactory(amount=Decimal("20.00"), created_at=NOW - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("INFO", "kiosk.donations"):
        paid = services.bank_transfer_received(donation=donation, amount=Decimal("20.00"), at=NOW, by=staff)
    assert paid.status == Status.PAID
    assert paid.paid_at == NOW
    assert paid.marked_paid_by == staff
    assert len(mail.outbox) == 1
    assert "buchhaltung" in caplog.text
    assert donation.reference in caplog.text

    with django_capture_on_commit_callbacks(execute=True):
        again = services.bank_transfer_received(
            donation=donation, amount=Decimal("99.00"), at=NOW + timedelta(days=1), by=None
        )
    assert (again.amount, again.paid_at, again.marked_paid_by) == (Decimal("20.00"), NOW, staff)
    assert len(mail.outbox) == 1


def test_an_open_amount_becomes_what_arrived(qr_iban, db):
    donation = BankTransferFactory(amount=None, email="")
    paid = services.bank_transfer_received(donation=donation, amount=Decimal("33.30"), at=NOW)
    paid.refresh_from_db()
    assert (paid.amount, paid.status, paid.marked_paid_by) == (Decimal("33.30"), Status.PAID, None)


def test_only_a_bank_transfer_within_the_limits_is_marked_received(qr_iban, db):
    with pytest.raises(services.BankError):
        services.bank_transfer_received(
            donation=DonationFactory(status=Status.PENDING), amount=Decimal(5), at=NOW
        )
    transfer = BankTransferFactory()
    with pytest.raises(services.BankError):
        services.bank_transfer_received(donation=transfer, amount=Decimal("5000.01"), at=NOW)
    with pytest.raises(ValueError, match="aware"):
        services.bank_transfer_received(donation=transfer, amount=Decimal(5), at=NOW.replace(tzinfo=None))
    transfer.refresh_from_db()
    assert transfer.status == Status.PENDING
