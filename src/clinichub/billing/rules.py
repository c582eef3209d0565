"""Billing rules: charge amounts, the insurance split of an invoice, when an invoice may be made,
and payment status changes. Pure: plain values in (including `now`), values or domain errors out.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from clinichub.billing import errors
from clinichub.vocabulary import InvoiceStatus

CURRENCY = "USD"

# AMA CPT code shapes: Category I is five digits (99213); Category II and III are four digits and
# a letter (0001F, 0042T).
CPT_CODE_PATTERN = re.compile(r"[0-9]{4}[0-9A-Z]")

# CPT modifier 95: a synchronous telemedicine service over real-time audio and video.
TELEHEALTH_MODIFIER = "95"

MAX_QUANTITY = 99
# $100,000.00 per unit: far above any price in a clinic catalogue, and small enough that
# quantity x price and the sum of an invoice stay exact in 64-bit integers.
MAX_PRICE_CENTS = 10_000_000


# The plan type under which the patient pays everything, as if uninsured.
SELF_PAY = "self_pay"


def normalize_cpt_code(value: str) -> str:
    """The stored form of a code (upper-case), or ValueError when it is not a CPT code's shape."""
    code = value.strip().upper()
    if not CPT_CODE_PATTERN.fullmatch(code):
        raise ValueError("a CPT code is five digits, or four digits and a letter")
    return code


def line_amount_cents(quantity: int, unit_price_cents: int) -> int:
    """What one charge line costs: quantity x the unit price copied from the catalogue."""
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ValueError(f"quantity must be between 1 and {MAX_QUANTITY}")
    if not 0 <= unit_price_cents <= MAX_PRICE_CENTS:
        raise ValueError(f"unit price must be between 0 and {MAX_PRICE_CENTS} cents")
    return quantity * unit_price_cents


def visit_modifier(is_telehealth: bool) -> str | None:
    """The modifier of a visit's primary charge."""
    return TELEHEALTH_MODIFIER if is_telehealth else None


@dataclass(frozen=True)
class PlanTerms:
    """What of a patient's active insurance plan decides the split."""

    plan_type: str
    copay_cents: int | None


@dataclass(frozen=True)
class InvoiceBreakdown:
    total_cents: int
    patient_due_cents: int
    insurance_due_cents: int


def invoice_breakdown(line_amounts: Sequence[int], plan: PlanTerms | None) -> InvoiceBreakdown:
    """Split the sum of the lines between the patient and the insurer.

    With a plan that is not self-pay the patient owes the copay, never more than the total, and the
    insurer the rest; with no plan or a self-pay one the patient owes everything.
    """
    if any(amount < 0 for amount in line_amounts):
        raise ValueError("a line amount cannot be negative")
    total = sum(line_amounts)
    if plan is None or plan.plan_type == SELF_PAY or plan.copay_cents is None:
        patient_due = total
    else:
        patient_due = min(max(plan.copay_cents, 0), total)
    return InvoiceBreakdown(
        total_cents=total,
        patient_due_cents=patient_due,
        insurance_due_cents=total - patient_due,
    )


def check_can_invoice(
    *,
    appointment_exists: bool,
    appointment_completed: bool,
    has_charge: bool,
    invoice_exists: bool,
) -> None:
    """Whether an appointment may be invoiced; the errors come in the order the API documents."""
    if not appointment_exists:
        raise errors.APPOINTMENT_NOT_FOUND.error()
    if not appointment_completed:
        raise errors.APPOINTMENT_NOT_COMPLETED.error()
    if not has_charge:
        raise errors.NO_CPT_RECORD.error()
    if invoice_exists:
        raise errors.INVOICE_EXISTS.error()


def check_charges_editable(*, appointment_completed: bool, invoiced: bool) -> None:
    """Charges are added to a completed visit and changed only until it is invoiced, because an
    invoice's lines and amounts are final."""
    if not appointment_completed:
        raise errors.CHARGES_NOT_EDITABLE.error()
    if invoiced:
        raise errors.ALREADY_INVOICED.error()


def parse_invoice_status(value: str) -> InvoiceStatus:
    try:
        return InvoiceStatus(value)
    except ValueError:
        raise errors.INVALID_STATUS.error(
            details=[{"field": "status", "message": "must be 'paid' or 'unpaid'"}],
        ) from None


@dataclass(frozen=True)
class PaymentState:
    status: InvoiceStatus
    paid_at: datetime | None


def change_payment_status(
    current: PaymentState, new_status: InvoiceStatus, now: datetime
) -> PaymentState:
    """Paying stamps paid_at the first time only (paying again keeps the original moment, so a
    repeated request cannot move revenue to another day); unpaying clears it."""
    if new_status == InvoiceStatus.unpaid:
        return PaymentState(InvoiceStatus.unpaid, None)
    if current.status == InvoiceStatus.paid and current.paid_at is not None:
        return current
    return PaymentState(InvoiceStatus.paid, now.astimezone(UTC))


# A report covers at most a leap year of days, so that no request walks years of invoices.
MAX_REPORT_DAYS = 366


def check_report_range(first: date, last: date) -> int:
    """The number of days from `first` to `last`, both included; a reversed range, or one of
    more than MAX_REPORT_DAYS days, is a 400 `invalid_range` naming `to`."""
    if last < first:
        raise errors.REPORT_RANGE_REVERSED.error(
            details=[{"field": "to", "message": "must not be before from"}]
        )
    days = (last - first).days + 1
    if days > MAX_REPORT_DAYS:
        raise errors.REPORT_RANGE_TOO_LONG.error(
            max_days=MAX_REPORT_DAYS,
            details=[{"field": "to", "message": f"at most {MAX_REPORT_DAYS} days from from"}],
        )
    return days
