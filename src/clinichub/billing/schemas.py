from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
)

from clinichub.billing.rules import (
    CURRENCY,
    MAX_PRICE_CENTS,
    MAX_QUANTITY,
    normalize_cpt_code,
    parse_invoice_status,
)
from clinichub.models import Invoice
from clinichub.schemas import (
    WHOLE,
    Omittable,
    Pagination,
    RequestModel,
    ResponseModel,
    Text,
    UtcDateTime,
    Version,
    not_null,
)
from clinichub.vocabulary import CptRecordStatus, InvoiceStatus, PlanType

CptCodeValue = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=5),
    AfterValidator(normalize_cpt_code),
    Field(
        examples=["99213"],
        description="Five digits, or four digits and a letter",
        json_schema_extra={"pattern": "^[0-9]{4}[0-9A-Za-z]$"},
    ),
]
Description = Annotated[
    Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Category = Annotated[
    Text,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=50),
    Field(examples=["Office Visit"]),
]
# Strict: money is an integer number of cents, never a float or a string.
PriceCents = Annotated[int, Field(strict=True, ge=0, le=MAX_PRICE_CENTS, examples=[15000]), WHOLE]
Currency = Annotated[str, Field(examples=[CURRENCY])]


# --- CPT catalogue ----------------------------------------------------------------------------


class CptCodeCreate(RequestModel):
    code: CptCodeValue
    description: Description
    category: Category
    price_cents: PriceCents
    is_active: StrictBool = True


class CptCodeUpdate(RequestModel):
    """Only the fields sent are changed. A new price applies to charges made from now on."""

    description: Omittable[Description] = None
    category: Omittable[Category] = None
    price_cents: Omittable[PriceCents] = None
    is_active: Omittable[StrictBool] = None

    _not_null = not_null("description", "category", "price_cents", "is_active")


class CptCodeRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    description: str
    category: str
    price_cents: int
    currency: Currency = CURRENCY
    is_active: bool
    created_at: UtcDateTime
    updated_at: UtcDateTime


class CptCodeCreated(ResponseModel):
    message: str = Field(examples=["CPT code created successfully"])
    cpt_code: CptCodeRead


class CptCodeUpdated(ResponseModel):
    message: str = Field(examples=["CPT code updated successfully"])
    cpt_code: CptCodeRead


class CptCodeList(ResponseModel):
    cpt_codes: list[CptCodeRead]
    pagination: Pagination


# --- Charges ----------------------------------------------------------------------------------


class ChargeCreate(RequestModel):
    cpt_code: CptCodeValue
    quantity: Annotated[int, Field(strict=True, ge=1, le=MAX_QUANTITY), WHOLE] = 1


class ChargeRead(ResponseModel):
    """A CPT record: one billable procedure of a visit, priced when it was made."""

    model_config = ConfigDict(from_attributes=True)

    cpt_record_id: int
    appointment_id: int
    patient_id: int
    cpt_code: str
    description: str
    quantity: int
    unit_price_cents: int = Field(description="The catalogue price when the charge was made")
    amount_cents: int = Field(description="quantity x unit_price_cents")
    currency: Currency = CURRENCY
    modifier: str | None = Field(description="CPT modifier, e.g. 95 for a telehealth visit")
    service_date: date = Field(description="The day of the visit, in the clinic's time zone")
    status: CptRecordStatus
    created_at: UtcDateTime


class ChargeCreated(ResponseModel):
    message: str = Field(examples=["Charge created successfully"])
    charge: ChargeRead


class ChargeDeleted(ResponseModel):
    message: str = Field(examples=["Charge deleted successfully"])
    cpt_record_id: int


class ChargeList(ResponseModel):
    charges: list[ChargeRead]


class CptRecordList(ResponseModel):
    cpt_records: list[ChargeRead]
    pagination: Pagination


# --- Invoices ---------------------------------------------------------------------------------


class InvoiceCreate(RequestModel):
    appointment_id: Annotated[int, Field(ge=1, le=2**63 - 1)]


class InvoiceUpdate(RequestModel):
    # Checked before pydantic's own enum check, so that any other value gets the documented
    # 400 "Invalid status" (code invalid_status).
    status: Annotated[InvoiceStatus, BeforeValidator(parse_invoice_status)]


class InvoiceLine(ResponseModel):
    cpt_record_id: int
    code: str
    description: str
    quantity: int
    unit_price_cents: int
    amount_cents: int
    modifier: str | None


class InvoicePlan(ResponseModel):
    """The patient's insurance plan as it was when the invoice was made."""

    plan_id: int
    carrier_name: str
    member_id: str
    plan_type: PlanType
    copay_cents: int | None


class InvoiceRead(ResponseModel):
    invoice_id: int
    appointment_id: int
    patient_id: int
    cpt_id: int = Field(description="The primary charge, made when the appointment was completed")
    status: InvoiceStatus
    lines: list[InvoiceLine]
    total_cents: int = Field(description="The sum of the lines")
    patient_due_cents: int = Field(description="The copay (at most the total), or all of it")
    insurance_due_cents: int = Field(description="total_cents - patient_due_cents")
    currency: Currency
    plan: InvoicePlan | None
    issued_at: UtcDateTime
    paid_at: UtcDateTime | None
    version: Version

    @classmethod
    def of(cls, invoice: Invoice) -> "InvoiceRead":
        plan = None
        if invoice.plan_id is not None:
            # The database keeps the copy whole (ck_invoices_plan_copy_complete).
            plan = InvoicePlan.model_validate(
                {
                    "plan_id": invoice.plan_id,
                    "carrier_name": invoice.plan_carrier_name,
                    "member_id": invoice.plan_member_id,
                    "plan_type": invoice.plan_type,
                    "copay_cents": invoice.plan_copay_cents,
                }
            )
        return cls(
            invoice_id=invoice.invoice_id,
            appointment_id=invoice.appointment_id,
            patient_id=invoice.patient_id,
            cpt_id=invoice.cpt_id,
            status=invoice.status,
            lines=[
                InvoiceLine(
                    cpt_record_id=line.cpt_record_id,
                    code=line.cpt_code,
                    description=line.description,
                    quantity=line.quantity,
                    unit_price_cents=line.unit_price_cents,
                    amount_cents=line.amount_cents,
                    modifier=line.modifier,
                )
                for line in invoice.lines
            ],
            total_cents=invoice.total_cents,
            patient_due_cents=invoice.patient_due_cents,
            insurance_due_cents=invoice.insurance_due_cents,
            currency=invoice.currency,
            plan=plan,
            issued_at=invoice.issued_at,
            paid_at=invoice.paid_at,
            version=invoice.version,
        )


class InvoiceCreated(ResponseModel):
    message: str = Field(examples=["Invoice created successfully"])
    invoice: InvoiceRead


class InvoiceUpdated(ResponseModel):
    message: str = Field(examples=["Invoice updated"])
    invoice: InvoiceRead


class InvoiceList(ResponseModel):
    invoices: list[InvoiceRead]
    pagination: Pagination


@dataclass(frozen=True)
class InvoiceQuery:
    """The filters of the list, as sent (the audit trail records them so)."""

    patient_id: int | None = None
    status: InvoiceStatus | None = None
    appointment_id: int | None = None
    issued_from: str | None = None
    issued_to: str | None = None


class InvoiceSort(StrEnum):
    issued_at = "issued_at"
    total_cents = "total_cents"
    invoice_id = "invoice_id"


# --- Reports ----------------------------------------------------------------------------------


class DailyRevenue(ResponseModel):
    """Invoices paid on one day of the clinic's calendar, and what they are worth."""

    date: date
    currency: Currency
    invoices_paid: int
    billed_cents: int = Field(description="Sum of the paid invoices' totals")
    patient_collected_cents: int = Field(description="Sum of what the patients paid")
    insurance_receivable_cents: int = Field(description="Sum of what the insurers owe")


class RevenueDay(ResponseModel):
    """One day of the clinic's calendar."""

    date: date
    billed_cents: int = Field(description="Totals of the invoices issued that day")
    collected_cents: int = Field(description="Totals of the invoices marked paid that day")
    receivable_cents: int = Field(
        description="Accounts receivable at the end of the day: the totals of the invoices "
        "issued by then and not paid by then"
    )


class RevenueTotals(ResponseModel):
    billed_cents: int = Field(description="Billed over the range")
    collected_cents: int = Field(description="Collected over the range")
    receivable_cents: int = Field(description="Receivable at the end of the range's last day")


class RevenueReport(ResponseModel):
    """Billed, collected and receivable per day of the clinic's calendar, every day of the range
    included."""

    model_config = ConfigDict(populate_by_name=True)

    date_from: date = Field(alias="from", description="The first day, as asked")
    to: date = Field(description="The last day, as asked")
    currency: Currency
    days: list[RevenueDay] = Field(description="One entry per day, from `from` to `to`")
    totals: RevenueTotals
