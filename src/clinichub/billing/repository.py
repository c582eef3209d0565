"""Queries on the CPT catalogue, charges (CPT records), invoices and revenue."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CTE,
    BigInteger,
    ColumnElement,
    Date,
    any_,
    bindparam,
    delete,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from clinichub.billing import errors
from clinichub.billing.rules import PlanTerms, invoice_breakdown, line_amount_cents
from clinichub.billing.schemas import CptCodeCreate, CptCodeUpdate, InvoiceSort
from clinichub.db.base import table_of
from clinichub.db.repository import like_pattern, page_of_entities
from clinichub.models import Appointment, CptCode, CptRecord, InsurancePlan, Invoice
from clinichub.patients.repository import of_patients_on_file, on_file
from clinichub.schemas import PageParams
from clinichub.vocabulary import CptRecordStatus, InvoiceStatus

# The statements of invoicing and charging, a visit's hot path, built once with bound parameters.
_appointment_id = bindparam("appointment_id", type_=BigInteger)
# An archived patient's appointments and charges are not found: no new charge or invoice.
_GET_APPOINTMENT = select(Appointment).where(
    Appointment.appointment_id == _appointment_id, on_file(Appointment.patient_id)
)
# FOR NO KEY UPDATE
_LOCK_APPOINTMENT = _GET_APPOINTMENT.with_for_update(key_share=True, of=Appointment)
_CHARGES = (
    select(CptRecord)
    .where(CptRecord.appointment_id == _appointment_id)
    .order_by(CptRecord.cpt_record_id)
)
_INVOICE_OF = select(Invoice.invoice_id).where(Invoice.appointment_id == _appointment_id)
_ACTIVE_PLAN = select(InsurancePlan).where(
    InsurancePlan.patient_id == bindparam("patient_id"), InsurancePlan.is_active
)
# One array parameter, whatever the number of charges: a Core statement on the table, no ORM.
_charges = table_of(CptRecord)
_MARK_INVOICED = (
    update(_charges)
    .where(_charges.c.cpt_record_id == any_(bindparam("ids", type_=ARRAY(BigInteger))))
    .values(status=CptRecordStatus.invoiced)
)


# --- CPT catalogue ----------------------------------------------------------------------------


async def get_cpt_code(db: AsyncSession, code: str) -> CptCode | None:
    return await db.get(CptCode, code)


async def require_active_cpt_code(db: AsyncSession, code: str) -> CptCode:
    """The catalogue entry of a code that may be charged (or planned); a 400 otherwise."""
    cpt_code = await get_cpt_code(db, code)
    if cpt_code is None or not cpt_code.is_active:
        raise errors.INVALID_CPT_CODE.error(
            code=code,
            details=[{"field": "cpt_code", "message": "not an active code of the CPT catalogue"}],
        )
    return cpt_code


async def require_billable_code(db: AsyncSession, code: str) -> CptCode:
    """The code a visit is completed with: planned at booking, or the clinic default. One
    deactivated since (or a default missing from the catalogue) is a 409 naming it: the visit
    needs another code before it can be billed."""
    cpt_code = await get_cpt_code(db, code)
    if cpt_code is None or not cpt_code.is_active:
        raise errors.CPT_CODE_INACTIVE.error(code=code, cpt_code=code)
    return cpt_code


async def list_cpt_codes(
    db: AsyncSession,
    page: PageParams,
    *,
    active: bool,
    category: str | None = None,
    search: str | None = None,
) -> tuple[Sequence[CptCode], int]:
    conditions: list[ColumnElement[bool]] = [CptCode.is_active == active]
    if category is not None:
        conditions.append(func.lower(CptCode.category) == category.lower())
    for term in (search or "").split():
        pattern = like_pattern(term)
        conditions.append(or_(CptCode.code.ilike(pattern), CptCode.description.ilike(pattern)))
    query = select(CptCode).order_by(CptCode.category, CptCode.code)
    return await page_of_entities(db, query, page, count_from=CptCode, conditions=conditions)


async def create_cpt_code(db: AsyncSession, data: CptCodeCreate) -> CptCode:
    """Add a code to the catalogue; a code already there (active or not) is a 409."""
    if await get_cpt_code(db, data.code):
        raise errors.CPT_CODE_EXISTS.error()
    cpt_code = CptCode(**data.model_dump())
    db.add(cpt_code)
    try:
        await db.flush()
    except IntegrityError as exc:
        raise errors.CPT_CODE_EXISTS.error() from exc
    await db.refresh(cpt_code)
    return cpt_code


async def update_cpt_code(db: AsyncSession, cpt_code: CptCode, data: CptCodeUpdate) -> CptCode:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(cpt_code, field, value)
    await db.flush()
    await db.refresh(cpt_code)
    return cpt_code


# --- Charges ----------------------------------------------------------------------------------


async def lock_appointment(db: AsyncSession, appointment_id: int) -> Appointment | None:
    """The appointment, row-locked until the transaction ends. Every change to an appointment's
    charges or invoice takes this lock first, so an invoice cannot miss a charge added at the same
    moment, and two invoice creates for one appointment run one after the other."""
    return await db.scalar(_LOCK_APPOINTMENT, {"appointment_id": appointment_id})


async def get_appointment(db: AsyncSession, appointment_id: int) -> Appointment | None:
    return await db.scalar(_GET_APPOINTMENT, {"appointment_id": appointment_id})


async def add_charge(
    db: AsyncSession,
    appointment: Appointment,
    cpt_code: CptCode,
    *,
    quantity: int,
    service_date: date,
    modifier: str | None = None,
) -> CptRecord:
    """Bill one procedure of a visit at the catalogue's current price (`cpt_code`, an active
    entry the caller read), copied into the charge."""
    record = CptRecord(
        appointment_id=appointment.appointment_id,
        patient_id=appointment.patient_id,
        cpt_code=cpt_code.code,
        description=cpt_code.description,
        quantity=quantity,
        unit_price_cents=cpt_code.price_cents,
        amount_cents=line_amount_cents(quantity, cpt_code.price_cents),
        modifier=modifier,
        service_date=service_date,
    )
    db.add(record)
    await db.flush()  # the server's values (id, status, created_at) come back in its RETURNING
    return record


def note_primary_charge(appointment: Appointment, cpt_record_id: int) -> None:
    """The charge that completing a visit creates is its first (charges need a completed
    visit), hence its primary one: `cpt_id`, without reading it back."""
    set_committed_value(appointment, "cpt_id", cpt_record_id)


async def list_charges(db: AsyncSession, appointment_id: int) -> Sequence[CptRecord]:
    records = await db.scalars(_CHARGES, {"appointment_id": appointment_id})
    return records.all()


async def list_cpt_records(
    db: AsyncSession,
    page: PageParams,
    *,
    patient_id: int | None = None,
    appointment_id: int | None = None,
) -> tuple[Sequence[CptRecord], int]:
    conditions = of_patients_on_file(CptRecord.patient_id, patient_id)
    if appointment_id is not None:
        conditions.append(CptRecord.appointment_id == appointment_id)
    query = select(CptRecord).order_by(CptRecord.cpt_record_id.desc())
    return await page_of_entities(db, query, page, count_from=CptRecord, conditions=conditions)


async def get_cpt_record(db: AsyncSession, cpt_record_id: int) -> CptRecord | None:
    return await db.scalar(
        select(CptRecord).where(
            CptRecord.cpt_record_id == cpt_record_id, on_file(CptRecord.patient_id)
        )
    )


async def delete_charge(db: AsyncSession, cpt_record_id: int) -> bool:
    """False when the charge is gone already (a concurrent delete won)."""
    deleted = await db.scalar(
        delete(CptRecord)
        .where(CptRecord.cpt_record_id == cpt_record_id)
        .returning(CptRecord.cpt_record_id)
    )
    return deleted is not None


# --- Invoices ---------------------------------------------------------------------------------


def invoiced(appointment_id: ColumnElement[int]) -> ColumnElement[bool]:
    """True where `appointment_id` names an appointment that has its invoice: the condition by
    which other domains' queries tell billed visits from the billing queue, so that only billing
    reads the invoices table (a correlated EXISTS on the unique, indexed appointment_id)."""
    return exists().where(Invoice.appointment_id == appointment_id)


async def invoice_exists(db: AsyncSession, appointment_id: int) -> bool:
    return await db.scalar(_INVOICE_OF, {"appointment_id": appointment_id}) is not None


async def active_plan(db: AsyncSession, patient_id: int) -> InsurancePlan | None:
    return await db.scalar(_ACTIVE_PLAN, {"patient_id": patient_id})


async def any_invoice(db: AsyncSession) -> bool:
    return await db.scalar(select(Invoice.invoice_id).limit(1)) is not None


async def create_invoice(
    db: AsyncSession, appointment: Appointment, charges: Sequence[CptRecord]
) -> Invoice:
    """Invoice the charges (every charge of the visit, in id order), split by the patient's
    active plan (copied into the invoice), and mark them invoiced. The unique appointment_id
    decides a race the appointment lock did not (409, never 500)."""
    plan = await active_plan(db, appointment.patient_id)
    amounts = invoice_breakdown(
        [charge.amount_cents for charge in charges],
        PlanTerms(plan.plan_type, plan.copay_cents) if plan else None,
    )
    invoice = Invoice(
        appointment_id=appointment.appointment_id,
        patient_id=appointment.patient_id,
        cpt_id=charges[0].cpt_record_id,
        total_cents=amounts.total_cents,
        patient_due_cents=amounts.patient_due_cents,
        insurance_due_cents=amounts.insurance_due_cents,
    )
    if plan is not None:
        invoice.plan_id = plan.plan_id
        invoice.plan_carrier_name = plan.carrier_name
        invoice.plan_member_id = plan.member_id
        invoice.plan_type = plan.plan_type
        invoice.plan_copay_cents = plan.copay_cents
    db.add(invoice)
    try:
        await db.flush()
    except IntegrityError as exc:
        raise errors.INVOICE_EXISTS.error() from exc
    await db.execute(_MARK_INVOICED, {"ids": [charge.cpt_record_id for charge in charges]})
    for charge in charges:  # as the database now has them
        set_committed_value(charge, "status", CptRecordStatus.invoiced)
    # Its lines are these charges (every charge of the visit, in id order): no need to read them
    # back. The server's values (id, status, issued_at) came back in the INSERT's RETURNING.
    set_committed_value(invoice, "lines", list(charges))
    return invoice


async def get_invoice(db: AsyncSession, invoice_id: int, *, lock: bool = False) -> Invoice | None:
    """Also an archived patient's: money owed stays collectable (invoices are not filtered)."""
    query = (
        select(Invoice)
        .where(Invoice.invoice_id == invoice_id)
        .options(selectinload(Invoice.lines))
        .execution_options(populate_existing=True)
    )
    if lock:
        query = query.with_for_update(of=Invoice)
    return await db.scalar(query)


@dataclass(frozen=True)
class InvoiceFilters:
    status: InvoiceStatus | None = None
    patient_id: int | None = None
    appointment_id: int | None = None
    issued_from: datetime | None = None
    issued_to: datetime | None = None


async def list_invoices(
    db: AsyncSession,
    page: PageParams,
    filters: InvoiceFilters,
    *,
    sort_by: InvoiceSort = InvoiceSort.issued_at,
    descending: bool = True,
) -> tuple[Sequence[Invoice], int]:
    """A page of invoices, each with its lines: two queries for the page, whatever its size."""
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Invoice.status == filters.status)
    if filters.patient_id is not None:
        conditions.append(Invoice.patient_id == filters.patient_id)
    if filters.appointment_id is not None:
        conditions.append(Invoice.appointment_id == filters.appointment_id)
    if filters.issued_from is not None:
        conditions.append(Invoice.issued_at >= filters.issued_from)
    if filters.issued_to is not None:
        conditions.append(Invoice.issued_at < filters.issued_to)
    key = {
        "issued_at": Invoice.issued_at,
        "total_cents": Invoice.total_cents,
        "invoice_id": Invoice.invoice_id,
    }[sort_by]
    # Ties are broken by invoice_id, in the same direction, so pages never overlap.
    order = [key.desc(), Invoice.invoice_id.desc()] if descending else [key, Invoice.invoice_id]
    query = select(Invoice).options(selectinload(Invoice.lines)).order_by(*order)
    return await page_of_entities(db, query, page, count_from=Invoice, conditions=conditions)


async def set_payment(
    db: AsyncSession, invoice: Invoice, status: InvoiceStatus, paid_at: datetime | None
) -> Invoice:
    invoice.status = status
    invoice.paid_at = paid_at
    await db.flush()
    loaded = await get_invoice(db, invoice.invoice_id)
    assert loaded is not None
    return loaded


# --- Reports ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Revenue:
    invoices_paid: int
    billed_cents: int
    patient_collected_cents: int
    insurance_receivable_cents: int


async def revenue_paid_between(db: AsyncSession, start: datetime, end: datetime) -> Revenue:
    """What the invoices paid in [start, end) are worth, in one query."""

    def total(column: InstrumentedAttribute[int]) -> ColumnElement[int]:
        # SUM of bigint is numeric in PostgreSQL; cast back so that cents stay integers.
        return func.coalesce(func.sum(column), 0).cast(BigInteger)

    row = (
        await db.execute(
            select(
                func.count(),
                total(Invoice.total_cents),
                total(Invoice.patient_due_cents),
                total(Invoice.insurance_due_cents),
            ).where(Invoice.paid_at >= start, Invoice.paid_at < end)
        )
    ).one()
    return Revenue(*row)


@dataclass(frozen=True)
class DayRevenue:
    day: date
    billed_cents: int
    collected_cents: int
    receivable_cents: int


async def revenue_by_day(
    db: AsyncSession, *, first: date, days: int, start: datetime, end: datetime, timezone: str
) -> list[DayRevenue]:
    """Per clinic-local day from `first` (`days` of them, each present), in one query: the
    totals of the invoices issued that day (billed) and marked paid that day (collected), and
    the receivable at the day's end, the totals of the invoices issued by then and not paid by
    then. [start, end) is the range in UTC; `timezone` the clinic's IANA name, which gives each
    moment its local date. The receivable is the balance open at `start`, plus each day's
    billed, less each day's collected (an invoice is paid after it is issued)."""

    def local_date(moment: InstrumentedAttribute[Any]) -> ColumnElement[date]:
        # timezone(zone, timestamptz) is the wall time there; its date is the clinic's day.
        return func.timezone(timezone, moment).cast(Date)

    def per_day(moment: InstrumentedAttribute[Any], name: str) -> CTE:
        return (
            select(local_date(moment).label("day"), func.sum(Invoice.total_cents).label("cents"))
            .where(moment >= start, moment < end)
            .group_by(literal_column("1"))
            .cte(name)
        )

    offsets = func.generate_series(0, days - 1).table_valued("n").render_derived(name="offsets")
    calendar = select((literal(first, Date) + offsets.c.n).label("day")).cte("calendar")
    billed = per_day(Invoice.issued_at, "billed")
    collected = per_day(Invoice.paid_at, "collected")
    opening = (
        select(func.coalesce(func.sum(Invoice.total_cents), 0))
        .where(Invoice.issued_at < start, or_(Invoice.paid_at.is_(None), Invoice.paid_at >= start))
        .scalar_subquery()
    )
    billed_cents = func.coalesce(billed.c.cents, 0)
    collected_cents = func.coalesce(collected.c.cents, 0)
    receivable = opening + func.sum(billed_cents - collected_cents).over(order_by=calendar.c.day)
    query = (
        select(
            calendar.c.day,
            billed_cents.cast(BigInteger),
            collected_cents.cast(BigInteger),
            receivable.cast(BigInteger),
        )
        .select_from(
            calendar.outerjoin(billed, billed.c.day == calendar.c.day).outerjoin(
                collected, collected.c.day == calendar.c.day
            )
        )
        .order_by(calendar.c.day)
    )
    return [DayRevenue(*row) for row in await db.execute(query)]
