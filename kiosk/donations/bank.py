"""Bank transfers: the payment reference each donation's QR-bill carries, and the QR-bill itself.

The reference is made from the donation's number (its primary key), so no two donations share one and
the bank's credit finds its donation again (``services.camt_import``):

- for a QR-IBAN (institution id 30000–31999) a QR reference (QRR): 27 digits, the last the modulo 10
  recursive check digit; the number right-aligned, zero-padded after ``KIOSK_DONATION_REFERENCE_PREFIX``;
- for any other IBAN a creditor reference (SCOR, ISO 11649): ``RF``, two check digits, then the prefix
  and the number.

Both are stable: a donation's reference never changes once stored, and a newsroom that changes its
prefix keeps the old references matching (they are stored, not recomputed). Newsrooms sharing one
account give themselves distinct prefixes of the same length, so neither can make the other's references.
"""

from __future__ import annotations

import io
import re

import qrbill
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext as _
from stdnum import iban as iban_numbers
from stdnum import iso11649
from stdnum.ch import esr
from stdnum.iso7064 import mod_97_10

from .models import Donation

# The Swiss Payment Standards allow QR-bills for accounts in Switzerland and Liechtenstein only.
QR_BILL_COUNTRIES = ("CH", "LI")
QR_IID = range(30000, 32000)
QRR_LENGTH = 27
# ISO 11649: "RF", two check digits, at most 21 characters after them.
SCOR_PAYLOAD_MAX = 21
# Languages the QR-bill's own headings come in (Swiss Payment Standards, annex D).
BILL_LANGUAGES = ("de", "fr", "it", "en")


def is_qr_iban(iban: str) -> bool:
    """A QR-IBAN: institution id 30000–31999 (it takes QR references, and only those)."""
    compact = iban_numbers.compact(iban)
    return compact[:2] in QR_BILL_COUNTRIES and compact[4:9].isdigit() and int(compact[4:9]) in QR_IID


def _prefix() -> str:
    return getattr(settings, "KIOSK_DONATION_REFERENCE_PREFIX", "") or ""


def reference_for(number: int) -> str:
    """The donation's payment reference: a QR reference (27 digits) for a QR-IBAN, else a creditor
    reference (RF…). Made from the donation's number, so no two donations share one."""
    if number < 1:
        raise ValueError("a reference is made from a donation's number (1 or more)")
    prefix = _prefix()
    if is_qr_iban(settings.KIOSK_DONATION_IBAN):
        width = QRR_LENGTH - 1 - len(prefix)
        if len(str(number)) > width:
            raise ValueError(f"donation number {number} does not fit a QR reference after prefix {prefix!r}")
        body = prefix + str(number).rjust(width, "0")
        return body + esr.calc_check_digit(body)
    payload = prefix + str(number)
    if len(payload) > SCOR_PAYLOAD_MAX:
        raise ValueError(
            f"donation number {number} does not fit a creditor reference after prefix {prefix!r}"
        )
    return "RF" + mod_97_10.calc_check_digits(payload + "RF") + payload


def reference_normalized(text: str) -> str:
    """A reference as typed, printed or reported by the bank, compared without spaces and case."""
    return re.sub(r"\s+", "", text or "").upper()


def reference_is_valid(text: str) -> bool:
    """A QR reference or a creditor reference whose check digits hold."""
    reference = reference_normalized(text)
    if reference.startswith("RF"):
        return iso11649.is_valid(reference)
    return len(reference) == QRR_LENGTH and esr.is_valid(reference)


def reference_formatted(reference: str) -> str:
    """In the groups the QR-bill prints: ``00 00000 00000 00000 00000 00012`` or ``RF18 5390 0754 7034``."""
    reference = reference_normalized(reference)
    if not reference:
        return ""
    if reference.startswith("RF"):
        return iso11649.format(reference)
    return esr.format(reference)


def iban_formatted(iban: str | None = None) -> str:
    """The publisher's IBAN in groups of four, as printed."""
    return iban_numbers.format(iban or settings.KIOSK_DONATION_IBAN)


def account_problems() -> list[tuple[str, str]]:
    """What is wrong with the account settings a QR-bill is made from, as (check id, message); empty
    when nothing is."""
    problems = []
    account = settings.KIOSK_DONATION_IBAN or ""
    if not iban_numbers.is_valid(account):
        problems.append(
            (
                "kiosk.donations.E001",
                f"KIOSK_DONATION_IBAN {account!r} is not a valid IBAN (length, check digits).",
            )
        )
    elif iban_numbers.compact(account)[:2] not in QR_BILL_COUNTRIES:
        problems.append(
            (
                "kiosk.donations.E002",
                f"KIOSK_DONATION_IBAN {account!r} is not a Swiss or Liechtenstein IBAN: "
                "QR-bills are for accounts in CH or LI only.",
            )
        )
    prefix = _prefix()
    if not (prefix.isascii() and prefix.isdigit() and len(prefix) <= 8) and prefix:
        problems.append(
            (
                "kiosk.donations.E003",
                f"KIOSK_DONATION_REFERENCE_PREFIX {prefix!r} may hold up to 8 digits only.",
            )
        )
    try:
        qrbill.bill.Address.create(**settings.KIOSK_DONATION_CREDITOR)
    except (TypeError, ValueError) as error:
        problems.append(
            ("kiosk.donations.E004", f"KIOSK_DONATION_CREDITOR is not a valid structured address: {error}")
        )
    return problems


@checks.register()
def check_bank_account(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A misconfigured account fails at start, not on the reader's page."""
    return [
        checks.Error(message, hint="See the KIOSK_DONATION_ settings.", id=check_id)
        for check_id, message in account_problems()
    ]


def bill_language(language: str | None) -> str:
    """The QR-bill's language for the reader's (``de-ch`` → ``de``); German when it has none of its own."""
    code = (language or settings.LANGUAGE_CODE or "de").lower()[:2]
    return code if code in BILL_LANGUAGES else "de"


def qr_bill(donation: Donation, *, language: str | None) -> qrbill.QRBill:
    """The QR-bill for a transfer to the publisher's account: the amount pledged (or open) and the
    donation's reference, headings in the reader's language."""
    if problems := account_problems():
        raise ImproperlyConfigured(" ".join(message for _id, message in problems))
    if not donation.reference:
        raise ValueError(f"donation {donation.pk} has no payment reference")
    language = bill_language(language)
    with translation.override(language):
        information = _("Donation no. %(number)s") % {"number": donation.pk}
    return qrbill.QRBill(
        account=settings.KIOSK_DONATION_IBAN,
        creditor=dict(settings.KIOSK_DONATION_CREDITOR),
        amount=None if donation.amount is None else f"{donation.amount:.2f}",
        currency=donation.currency,
        reference_number=donation.reference,
        additional_information=information,
        language=language,
    )


def qr_bill_svg(donation: Donation, *, language: str | None, full_page: bool = False) -> str:
    """The payment part with its receipt (A4 wide, 105 mm high), or a whole A4 page, as SVG."""
    out = io.StringIO()
    qr_bill(donation, language=language).as_svg(out, full_page=full_page)
    return out.getvalue()


def qr_bill_pdf(donation: Donation, *, language: str | None, full_page: bool = True) -> bytes:
    """The QR-bill as PDF, on an A4 page to print (or the payment part alone).

    Drawn by svglib and reportlab with the standard PDF fonts (or a local one fontconfig names); nothing
    is fetched.
    """
    # Imported here: only downloads need them, and svglib is slow to import.
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    svg = qr_bill_svg(donation, language=language, full_page=full_page)
    drawing = svg2rlg(io.BytesIO(svg.encode()))
    if drawing is None:
        raise RuntimeError("svglib could not read the QR-bill")
    return renderPDF.drawToString(drawing)
