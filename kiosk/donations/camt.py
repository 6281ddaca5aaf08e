"""The bank's camt.054 file (ISO 20022 "Bank to Customer Debit Credit Notification") read into plain data.

Any camt.054.001.NN version is read (Swiss banks deliver .001.04 and .001.08; the elements used here
are the same in all of them, the debtor's name one level deeper from .001.08 on). Only what a donation
needs is taken, per credit:

- the bank's reference, which makes each credit count once however often a file is imported:
  the transaction's ``Refs/AcctSvcrRef``; without one the entry's ``AcctSvcrRef`` (else its ``NtryRef``)
  with the transaction's position in the entry (``<ref>:<n>``); without either a digest of the credit's
  facts and position (``camt:<sha256>``), the same for the same credit in a later file;
- the payment reference (``RmtInf/Strd/CdtrRefInf/Ref``, or an unstructured remittance text that is a
  valid QR or creditor reference and nothing else), compact and upper-case;
- amount and currency, booking date, the debtor's name.

Credits only: debits are skipped, and so are reversals (``RvslInd`` true: a credit taken back arrives
as a debit, a returned payment of ours as a credit; neither is a donation) and entries not yet booked
(status other than ``BOOK``, as the bank may still change them). Skipped entries are counted.

Anything that is not such a file (too large, not XML, an entity or DTD, another message) raises
``CamtError`` with a message a person can act on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from . import bank

# Larger than any day's notification of a newsroom's account; a bigger upload is refused unread.
MAX_BYTES = 10 * 1024 * 1024
NAMESPACE = re.compile(r"^\{urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3}\.\d{3}\.\d{2})\}Document$")
CAMT_054 = re.compile(r"^camt\.054\.001\.\d{2}$")
# The model's column widths.
MAX_BANK_REFERENCE = 100
MAX_PAYMENT_REFERENCE = 35
MAX_DEBTOR = 200
# Amounts the books can hold (12 digits, 2 after the point).
MAX_AMOUNT = Decimal("9999999999.99")


class CamtError(ValueError):
    """The file cannot be read as a camt.054 notification; ``message`` says why, for a person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Credit:
    bank_reference: str
    payment_reference: str
    amount: Decimal
    currency: str
    booked_on: date | None
    debtor: str


@dataclass(frozen=True)
class Notification:
    """One file: its message id, the credits in it, and how many entries were skipped (debits, reversals,
    not booked)."""

    message_id: str
    version: str
    credits: list[Credit] = field(default_factory=list)
    skipped: int = 0


def parse(data: bytes) -> Notification:
    """The credits in a camt.054 file; ``CamtError`` for anything else."""
    if not data or not data.strip():
        raise CamtError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise CamtError(
            _("The file is larger than %(size)d MB: that is not a day's camt.054 notification.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise CamtError(
            _("The file declares a DTD or entities; bank files have none, so it is not read.")
        ) from None
    except (ParseError, ValueError, LookupError) as error:
        raise CamtError(_("The file is not XML (%(error)s).") % {"error": error}) from None
    found = NAMESPACE.match(root.tag)
    if not found:
        raise CamtError(_("This is not an ISO 20022 camt file: a camt.054 notification is expected."))
    version = found.group(1)
    if not CAMT_054.match(version):
        raise CamtError(
            _("This is a %(version)s file; a camt.054 notification (debit and credit advice) is expected.")
            % {"version": version}
        )
    ns = {"c": root.tag[1:].split("}")[0]}
    message = root.find("c:BkToCstmrDbtCdtNtfctn", ns)
    if message is None:
        raise CamtError(_("The file has no notification (BkToCstmrDbtCdtNtfctn)."))
    message_id = _text(message, "c:GrpHdr/c:MsgId", ns)
    credits: list[Credit] = []
    skipped = 0
    for entry in message.iterfind("c:Ntfctn/c:Ntry", ns):
        if not _is_booked_credit(entry, ns):
            skipped += 1
            continue
        credits.extend(_entry_credits(entry, ns))
    return Notification(message_id=message_id[:100], version=version, credits=credits, skipped=skipped)


def _text(element: Element, path: str, ns: dict[str, str]) -> str:
    found = element.find(path, ns)
    return (found.text or "").strip() if found is not None else ""


def _is_booked_credit(entry: Element, ns: dict[str, str]) -> bool:
    if _text(entry, "c:CdtDbtInd", ns) != "CRDT":
        return False
    if _text(entry, "c:RvslInd", ns).lower() in ("true", "1"):
        return False
    # Up to .001.04 the status is the code itself, from .001.08 on inside <Cd>.
    status = _text(entry, "c:Sts/c:Cd", ns) or _text(entry, "c:Sts", ns)
    return status in ("", "BOOK")


def _amount(element: Element | None) -> tuple[Decimal, str]:
    if element is None:
        raise CamtError(_("A credit has no amount."))
    try:
        amount = Decimal((element.text or "").strip())
    except InvalidOperation:
        raise CamtError(
            _("A credit's amount «%(amount)s» is not a number.") % {"amount": element.text}
        ) from None
    currency = (element.get("Ccy") or "").strip().upper()
    if (
        not amount.is_finite()
        or amount <= 0
        or amount > MAX_AMOUNT
        or amount != amount.quantize(Decimal("0.01"))
    ):
        raise CamtError(
            _("A credit's amount «%(amount)s» is not one the books can hold.") % {"amount": amount}
        )
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise CamtError(
            _("A credit's currency «%(currency)s» is not a currency code.") % {"currency": currency}
        )
    return amount.quantize(Decimal("0.01")), currency


def _booked_on(entry: Element, ns: dict[str, str]) -> date | None:
    for path in ("c:BookgDt/c:Dt", "c:BookgDt/c:DtTm", "c:ValDt/c:Dt", "c:ValDt/c:DtTm"):
        if text := _text(entry, path, ns):
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                raise CamtError(_("A booking date «%(date)s» is not a date.") % {"date": text}) from None
    return None


def _payment_reference(details: Element, ns: dict[str, str]) -> str:
    for found in details.iterfind("c:RmtInf/c:Strd/c:CdtrRefInf/c:Ref", ns):
        if reference := bank.reference_normalized(found.text or ""):
            return reference[:MAX_PAYMENT_REFERENCE]
    # A reference the donor typed into the message field of a plain transfer.
    for found in details.iterfind("c:RmtInf/c:Ustrd", ns):
        if bank.reference_is_valid(found.text or ""):
            return bank.reference_normalized(found.text or "")
    return ""


def _debtor(details: Element, ns: dict[str, str]) -> str:
    # .001.08: RltdPties/Dbtr/Pty/Nm; before: RltdPties/Dbtr/Nm.
    name = _text(details, "c:RltdPties/c:Dbtr/c:Pty/c:Nm", ns)
    name = name or _text(details, "c:RltdPties/c:Dbtr/c:Nm", ns)
    return " ".join(name.split())[:MAX_DEBTOR]


def _entry_credits(entry: Element, ns: dict[str, str]) -> list[Credit]:
    booked_on = _booked_on(entry, ns)
    entry_reference = _text(entry, "c:AcctSvcrRef", ns) or _text(entry, "c:NtryRef", ns)
    transactions = entry.findall("c:NtryDtls/c:TxDtls", ns)
    if not transactions:
        # An entry without details is one credit.
        amount, currency = _amount(entry.find("c:Amt", ns))
        reference = _payment_reference(entry, ns)
        bank_reference = entry_reference or _digest(booked_on, currency, amount, reference, "", "", 1)
        return [Credit(bank_reference[:MAX_BANK_REFERENCE], reference, amount, currency, booked_on, "")]
    credits = []
    for position, details in enumerate(transactions, start=1):
        # A batch may hold the odd debit or reversal (from .001.04 on each transaction says so itself).
        if _text(details, "c:CdtDbtInd", ns) not in ("", "CRDT"):
            continue
        amount_element = details.find("c:Amt", ns)
        if amount_element is None:
            amount_element = details.find("c:AmtDtls/c:TxAmt/c:Amt", ns)
        if amount_element is None and len(transactions) == 1:
            amount_element = entry.find("c:Amt", ns)
        amount, currency = _amount(amount_element)
        reference = _payment_reference(details, ns)
        debtor = _debtor(details, ns)
        bank_reference = _text(details, "c:Refs/c:AcctSvcrRef", ns)
        if not bank_reference and entry_reference:
            bank_reference = f"{entry_reference}:{position}"
        if not bank_reference:
            end_to_end = _text(details, "c:Refs/c:EndToEndId", ns)
            bank_reference = _digest(booked_on, currency, amount, reference, debtor, end_to_end, position)
        credits.append(
            Credit(bank_reference[:MAX_BANK_REFERENCE], reference, amount, currency, booked_on, debtor)
        )
    return credits


def _digest(*facts) -> str:
    """A stable id for a credit the bank gave none: the same facts in a later file give the same one."""
    return "camt:" + hashlib.sha256("|".join(str(fact) for fact in facts).encode()).hexdigest()[:40]
