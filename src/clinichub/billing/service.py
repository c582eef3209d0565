"""Billing's use cases: the CPT catalogue, the charges of completed visits (the charge that
completing a visit makes included), invoices with their insurance split, the revenue of a day.

Each takes plain values or request schemas with the session, the audit trail and the clinic's
time zone; calls the rules and the repository; and returns what the route answers.
"""

from dataclasses import asdict
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit, PendingEvent
from clinichub.billing import errors, repository, rules, schemas
from clinichub.billing.repository import InvoiceFilters
from clinichub.clinic_time import local_day, service_date
from clinichub.db.repository import found
from clinichub.models import Appointment, CptCode, CptRecord
from clinichub.preconditions import check_if_match
from clinichub.schemas import PageParams, Pagination, SortOrder, check_range, parse_bound
from clinichub.vocabulary import AppointmentStatus, AuditAction, AuditResource, VisitType

# --- CPT catalogue ----------------------------------------------------------------------------


async def list_cpt_codes(
    db: AsyncSession,
    paging: PageParams,
    *,
    active: bool,
    category: str | None,
    search: str | None,
) -> schemas.CptCodeList:
    codes, total = await repository.list_cpt_codes(
        db, paging, active=active, category=category, search=search
    )
    return schemas.CptCodeList(
        cpt_codes=[schemas.CptCodeRead.model_validate(c) for c in codes],
        pagination=Pagination.of(paging, total),
    )


async def create_cpt_code(
    db: AsyncSession, audit: Audit, body: schemas.CptCodeCreate
) -> schemas.CptCodeCreated:
    audit.record(AuditAction.create, AuditResource.cpt_code, body.code)
    cpt_code = await repository.create_cpt_code(db, body)
    return schemas.CptCodeCreated(
        message="CPT code created successfully",
        cpt_code=schemas.CptCodeRead.model_validate(cpt_code),
    )


async def update_cpt_code(
    db: AsyncSession, audit: Audit, code: str, body: schemas.CptCodeUpdate
) -> schemas.CptCodeUpdated:
    """Each field changed is an audit event of its own (`cpt_code.price_cents`)."""
    event = audit.record(AuditAction.update, AuditResource.cpt_code, code)
    cpt_code = found(await repository.get_cpt_code(db, code), errors.CPT_CODE_NOT_FOUND)
    changes = body.model_dump(exclude_unset=True)
    audit.record_changes(
        event, [f for f, value in changes.items() if getattr(cpt_code, f) != value]
    )
    cpt_code = await repository.update_cpt_code(db, cpt_code, body)
    return schemas.CptCodeUpdated(
        message="CPT code updated successfully",
        cpt_code=schemas.CptCodeRead.model_validate(cpt_code),
    )


# --- Charges ----------------------------------------------------------------------------------


async def charge_completed_visit(
    db: AsyncSession, appointment: Appointment, code: CptCode, timezone: tzinfo
) -> CptRecord:
    """The charge that completing a visit makes: one unit of `code` at the catalogue price, on
    the clinic-local day of the visit, with modifier 95 for telehealth; being the visit's first
    charge, it is its primary one (`cpt_id`). Completing a visit (the route and the demo data)
    goes through here."""
    charge = await repository.add_charge(
        db,
        appointment,
        code,
        quantity=1,
        service_date=service_date(appointment.scheduled_start, timezone),
        modifier=rules.visit_modifier(appointment.visit_type == VisitType.telehealth),
    )
    repository.note_primary_charge(appointment, charge.cpt_record_id)
    return charge


async def _editable_appointment(
    db: AsyncSession, appointment_id: int, event: PendingEvent
) -> Appointment:
    """The appointment, locked, whose charges may change: completed and not invoiced yet."""
    appointment = found(
        await repository.lock_appointment(db, appointment_id),
        errors.APPOINTMENT_NOT_FOUND,
    )
    event.patient_id = appointment.patient_id
    rules.check_charges_editable(
        appointment_completed=appointment.status == AppointmentStatus.completed,
        invoiced=await repository.invoice_exists(db, appointment_id),
    )
    return appointment


async def add_charge(
    db: AsyncSession,
    audit: Audit,
    appointment_id: int,
    body: schemas.ChargeCreate,
    timezone: tzinfo,
) -> schemas.ChargeCreated:
    event = audit.record(AuditAction.create, AuditResource.charge)
    appointment = await _editable_appointment(db, appointment_id, event)
    record = await repository.add_charge(
        db,
        appointment,
        await repository.require_active_cpt_code(db, body.cpt_code),
        quantity=body.quantity,
        service_date=service_date(appointment.scheduled_start, timezone),
    )
    event.resource_id = str(record.cpt_record_id)
    return schemas.ChargeCreated(
        message="Charge created successfully", charge=schemas.ChargeRead.model_validate(record)
    )


async def list_appointment_charges(
    db: AsyncSession, audit: Audit, appointment_id: int
) -> schemas.ChargeList:
    event = audit.record(AuditAction.read, AuditResource.charge, f"appointment:{appointment_id}")
    appointment = found(
        await repository.get_appointment(db, appointment_id), errors.APPOINTMENT_NOT_FOUND
    )
    event.patient_id = appointment.patient_id
    records = await repository.list_charges(db, appointment_id)
    return schemas.ChargeList(charges=[schemas.ChargeRead.model_validate(r) for r in records])


async def list_charges(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    *,
    patient_id: int | None,
    appointment_id: int | None,
) -> schemas.CptRecordList:
    audit.record_list(
        AuditResource.charge_list, patient_id=patient_id, appointment_id=appointment_id
    )
    records, total = await repository.list_cpt_records(
        db, paging, patient_id=patient_id, appointment_id=appointment_id
    )
    audit.record_many(
        AuditAction.read, AuditResource.charge, [(r.cpt_record_id, r.patient_id) for r in records]
    )
    return schemas.CptRecordList(
        cpt_records=[schemas.ChargeRead.model_validate(r) for r in records],
        pagination=Pagination.of(paging, total),
    )


async def delete_charge(
    db: AsyncSession, audit: Audit, cpt_record_id: int
) -> schemas.ChargeDeleted:
    event = audit.record(AuditAction.delete, AuditResource.charge, cpt_record_id)
    record = found(await repository.get_cpt_record(db, cpt_record_id), errors.CPT_RECORD_NOT_FOUND)
    event.patient_id = record.patient_id
    await _editable_appointment(db, record.appointment_id, event)
    if not await repository.delete_charge(db, cpt_record_id):
        raise errors.CPT_RECORD_NOT_FOUND.error()
    return schemas.ChargeDeleted(message="Charge deleted successfully", cpt_record_id=cpt_record_id)


# --- Invoices ---------------------------------------------------------------------------------


async def create_invoice(
    db: AsyncSession, audit: Audit, body: schemas.InvoiceCreate
) -> schemas.InvoiceCreated:
    """Errors in the documented order: unknown appointment, not completed, no charge, already
    invoiced."""
    event = audit.record(AuditAction.create, AuditResource.invoice)
    appointment = await repository.lock_appointment(db, body.appointment_id)
    event.patient_id = appointment.patient_id if appointment else None
    charges = await repository.list_charges(db, body.appointment_id) if appointment else []
    rules.check_can_invoice(
        appointment_exists=appointment is not None,
        appointment_completed=appointment is not None
        and appointment.status == AppointmentStatus.completed,
        has_charge=bool(charges),
        invoice_exists=await repository.invoice_exists(db, body.appointment_id),
    )
    assert appointment is not None
    invoice = await repository.create_invoice(db, appointment, charges)
    event.resource_id = str(invoice.invoice_id)
    return schemas.InvoiceCreated(
        message="Invoice created successfully", invoice=schemas.InvoiceRead.of(invoice)
    )


async def list_invoices(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    timezone: tzinfo,
    query: schemas.InvoiceQuery,
    *,
    sort_by: schemas.InvoiceSort,
    order: SortOrder,
) -> schemas.InvoiceList:
    audit.record_list(AuditResource.invoice_list, **asdict(query))
    filters = InvoiceFilters(
        status=query.status,
        patient_id=query.patient_id,
        appointment_id=query.appointment_id,
        issued_from=parse_bound(query.issued_from, "issued_from", timezone, end=False),
        issued_to=parse_bound(query.issued_to, "issued_to", timezone, end=True),
    )
    check_range(filters.issued_from, filters.issued_to, names=("issued_from", "issued_to"))
    invoices, total = await repository.list_invoices(
        db, paging, filters, sort_by=sort_by, descending=order == SortOrder.desc
    )
    audit.record_many(
        AuditAction.read, AuditResource.invoice, [(i.invoice_id, i.patient_id) for i in invoices]
    )
    return schemas.InvoiceList(
        invoices=[schemas.InvoiceRead.of(i) for i in invoices],
        pagination=Pagination.of(paging, total),
    )


async def get_invoice(db: AsyncSession, audit: Audit, invoice_id: int) -> schemas.InvoiceRead:
    """Its `version` is the ETag the route answers with."""
    event = audit.record(AuditAction.read, AuditResource.invoice, invoice_id)
    invoice = found(await repository.get_invoice(db, invoice_id), errors.INVOICE_NOT_FOUND)
    event.patient_id = invoice.patient_id
    return schemas.InvoiceRead.of(invoice)


async def update_invoice(
    db: AsyncSession,
    audit: Audit,
    invoice_id: int,
    body: schemas.InvoiceUpdate,
    if_match: str | None,
) -> schemas.InvoiceUpdated:
    """A change of status is an audit event `invoice.status` (and `invoice.paid_at`)."""
    event = audit.record(AuditAction.update, AuditResource.invoice, invoice_id)
    invoice = found(
        await repository.get_invoice(db, invoice_id, lock=True), errors.INVOICE_NOT_FOUND
    )
    event.patient_id = invoice.patient_id
    check_if_match(if_match, invoice.version)
    state = rules.change_payment_status(
        rules.PaymentState(invoice.status, invoice.paid_at), body.status, datetime.now(UTC)
    )
    audit.record_changes(
        event, [f for f in ("status", "paid_at") if getattr(state, f) != getattr(invoice, f)]
    )
    invoice = await repository.set_payment(db, invoice, state.status, state.paid_at)
    return schemas.InvoiceUpdated(
        message="Invoice updated", invoice=schemas.InvoiceRead.of(invoice)
    )


# --- Reports ----------------------------------------------------------------------------------


async def daily_revenue(db: AsyncSession, day: date, timezone: tzinfo) -> schemas.DailyRevenue:
    window = local_day(day, timezone)
    revenue = await repository.revenue_paid_between(db, window.start, window.end)
    return schemas.DailyRevenue(
        date=day,
        currency=rules.CURRENCY,
        invoices_paid=revenue.invoices_paid,
        billed_cents=revenue.billed_cents,
        patient_collected_cents=revenue.patient_collected_cents,
        insurance_receivable_cents=revenue.insurance_receivable_cents,
    )


async def revenue(
    db: AsyncSession, first: date, last: date, timezone: ZoneInfo
) -> schemas.RevenueReport:
    """Billed, collected and receivable for each clinic day from `first` to `last`."""
    days = rules.check_report_range(first, last)
    rows = await repository.revenue_by_day(
        db,
        first=first,
        days=days,
        start=local_day(first, timezone).start,
        end=local_day(last, timezone).end,
        timezone=timezone.key,
    )
    report_days = [
        schemas.RevenueDay(
            date=row.day,
            billed_cents=row.billed_cents,
            collected_cents=row.collected_cents,
            receivable_cents=row.receivable_cents,
        )
        for row in rows
    ]
    return schemas.RevenueReport(
        date_from=first,
        to=last,
        currency=rules.CURRENCY,
        days=report_days,
        totals=schemas.RevenueTotals(
            billed_cents=sum(day.billed_cents for day in report_days),
            collected_cents=sum(day.collected_cents for day in report_days),
            receivable_cents=report_days[-1].receivable_cents,
        ),
    )
