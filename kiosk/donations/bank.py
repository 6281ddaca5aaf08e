"""Bank transfers: the payment reference each donation's QR-bill carries."""

from __future__ import annotations

from django.conf import settings
from stdnum import iban as iban_numbers
from stdnum.ch import esr
from stdnum.iso7064 import mod_97_10


def is_qr_iban(iban: str) -> bool:
    """A QR-IBAN: institution id 30000–31999 (it takes QR references, and only those)."""
    compact = iban_numbers.compact(iban)
    return compact[:2] in ("CH", "LI") and 30000 <= int(compact[4:9]) <= 31999


def reference_for(number: int) -> str:
    """The donation's payment reference: a QR reference (27 digits) for a QR-IBAN, else a creditor
    reference (RF…). Made from the donation's number, so no two donations share one."""
    if is_qr_iban(settings.KIOSK_DONATION_IBAN):
        body = str(number).rjust(26, "0")
        return body + esr.calc_check_digit(body)
    payload = str(number)
    return "RF" + mod_97_10.calc_check_digits(payload + "RF") + payload
