"""Billing: the CPT catalogue, charges of completed visits, invoices, the daily revenue report."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from clinichub.billing import repository, rules
from clinichub.billing.repository import InvoiceFilters
from clinichub.billing.schemas import (
    ChargeCreate,
    ChargeCreated,
    ChargeDeleted,
    ChargeList,
    ChargeRead,
    CptCodeCreate,
    CptCodeCreated,
    CptCodeList,
    CptCodeRead,
    CptCodeUpdate,
    CptCodeUpdated,
    CptCodeValue,
    CptRecordList,
    DailyRevenue,
    InvoiceCreate,
    InvoiceCreated,
    InvoiceList,
    InvoiceRead,
    InvoiceSort,
    InvoiceUpdate,
    InvoiceUpdated,
)
from clinichub.errors import NotFound
from clinichub.models import Appointment, Invoice
from clinichub.preconditions import ETAG_HEADER, check_if_match, etag
from clinichub.scheduling.rules import local_day, service_date
from clinichub.scheduling.schemas import parse_bound
from clinichub.schemas import (
    DateOrDateTime,
    IsoDate,
    Pagination,
    SortOrder,
    check_range,
    error_responses,
)
from clinichub.vocabulary import AppointmentStatus, AuditAction, InvoiceStatus, Role
from clinichub.web.dependencies import (
    AdminUser,
    Audited,
    CurrentUser,
    DbSession,
    IfMatch,
    Paging,
    PathId,
    Principal,
    QueryId,
    require_roles,
)
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(route_class=IdempotentRoute)

CPT_RECORD_NOT_FOUND = "CPT record not found"


# Who may see money: the front desk and clinicians, not nurses.
BillingStaff = Annotated[
    Principal, Depends(require_roles(Role.admin, Role.doctor, Role.receptionist))
]
# Who may say what was done in a visit.
Biller = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor))]
# Who may take payments.
Cashier = Annotated[Principal, Depends(require_roles(Role.admin, Role.receptionist))]


# --- CPT catalogue ----------------------------------------------------------------------------


@router.get(
    "/api/cpt_codes",
    tags=["cpt_codes"],
    operation_id="cpt_codes_list",
    summary="List CPT codes",
    response_model=CptCodeList,
    responses=error_responses(400, 401),
)
async def list_cpt_codes(
    _: CurrentUser,
    db: DbSession,
    paging: Paging,
    active: Annotated[
        bool, Query(description="`true`: the codes in use; `false`: the retired ones")
    ] = True,
    category: Annotated[
        str | None, Query(max_length=50, description="Exact category, any case")
    ] = None,
    search: Annotated[
        str | None, Query(max_length=200, description="Words matched against code and description")
    ] = None,
) -> CptCodeList:
    """All staff. Sorted by category, then code. Prices are integer cents."""
    codes, total = await repository.list_cpt_codes(
        db, paging, active=active, category=category, search=search
    )
    return CptCodeList(
        cpt_codes=[CptCodeRead.model_validate(c) for c in codes],
        pagination=Pagination.of(paging, total),
    )


@router.post(
    "/api/cpt_codes",
    tags=["cpt_codes"],
    operation_id="cpt_codes_create",
    summary="Add a CPT code",
    status_code=201,
    response_model=CptCodeCreated,
    responses=error_responses(400, 401, 403, 409),
)
async def create_cpt_code(
    body: CptCodeCreate, _: AdminUser, audit: Audited, db: DbSession
) -> CptCodeCreated:
    """Admins only. A code is five digits, or four digits and a letter; an existing code is a 409
    (re-price or reactivate it with `PUT` instead)."""
    audit.record(AuditAction.create, "cpt_code", body.code)
    cpt_code = await repository.create_cpt_code(db, body)
    return CptCodeCreated(
        message="CPT code created successfully", cpt_code=CptCodeRead.model_validate(cpt_code)
    )


@router.put(
    "/api/cpt_codes/{code}",
    tags=["cpt_codes"],
    operation_id="cpt_codes_update",
    summary="Re-price, rename or deactivate a CPT code",
    response_model=CptCodeUpdated,
    responses=error_responses(400, 401, 403, 404),
)
async def update_cpt_code(
    code: Annotated[CptCodeValue, Path()],
    body: CptCodeUpdate,
    _: AdminUser,
    audit: Audited,
    db: DbSession,
) -> CptCodeUpdated:
    """Admins only. A new price applies to charges made from now on: charges and invoices already
    made keep theirs. A deactivated code can no longer be charged. Each field changed is an audit
    event of its own (`cpt_code.price_cents`, `cpt_code.is_active`)."""
    event = audit.record(AuditAction.update, "cpt_code", code)
    cpt_code = await repository.get_cpt_code(db, code)
    if cpt_code is None:
        raise NotFound("CPT code not found", code="cpt_code_not_found")
    changes = body.model_dump(exclude_unset=True)
    audit.record_changes(
        event, [f for f, value in changes.items() if getattr(cpt_code, f) != value]
    )
    cpt_code = await repository.update_cpt_code(db, cpt_code, body)
    return CptCodeUpdated(
        message="CPT code updated successfully", cpt_code=CptCodeRead.model_validate(cpt_code)
    )


# --- Charges ----------------------------------------------------------------------------------


def _appointment_or_404(appointment: Appointment | None) -> Appointment:
    if appointment is None:
        raise NotFound("Appointment not found", code="appointment_not_found")
    return appointment


@router.post(
    "/api/appointments/{appointment_id}/charges",
    tags=["charges"],
    operation_id="charges_create",
    summary="Add a charge to a completed appointment",
    status_code=201,
    response_model=ChargeCreated,
    responses=error_responses(400, 401, 403, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_charge(
    appointment_id: PathId,
    body: ChargeCreate,
    request: Request,
    _: Biller,
    audit: Audited,
    db: DbSession,
    _key: Idempotent,
) -> ChargeCreated:
    """Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409."""
    event = audit.record(AuditAction.create, "charge")
    appointment = _appointment_or_404(await repository.lock_appointment(db, appointment_id))
    event.patient_id = appointment.patient_id
    rules.check_charges_editable(
        appointment_completed=appointment.status == AppointmentStatus.completed,
        invoiced=await repository.invoice_exists(db, appointment_id),
    )
    record = await repository.add_charge(
        db,
        appointment,
        body.cpt_code,
        quantity=body.quantity,
        service_date=service_date(appointment.scheduled_start, request.app.state.settings.timezone),
    )
    event.resource_id = str(record.cpt_record_id)
    return ChargeCreated(
        message="Charge created successfully", charge=ChargeRead.model_validate(record)
    )


@router.get(
    "/api/appointments/{appointment_id}/charges",
    tags=["charges"],
    operation_id="charges_list_for_appointment",
    summary="List an appointment's charges",
    response_model=ChargeList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_appointment_charges(
    appointment_id: PathId, _: BillingStaff, audit: Audited, db: DbSession
) -> ChargeList:
    """Admins, doctors and receptionists. Oldest first: the first is the visit's primary charge."""
    event = audit.record(AuditAction.read, "charge", f"appointment:{appointment_id}")
    appointment = _appointment_or_404(await repository.get_appointment(db, appointment_id))
    event.patient_id = appointment.patient_id
    records = await repository.list_charges(db, appointment_id)
    return ChargeList(charges=[ChargeRead.model_validate(r) for r in records])


@router.get(
    "/api/cpt_records",
    tags=["charges"],
    operation_id="charges_list",
    summary="List charges (CPT records)",
    response_model=CptRecordList,
    responses=error_responses(400, 401, 403),
)
async def list_cpt_records(
    _: BillingStaff,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    patient_id: QueryId = None,
    appointment_id: QueryId = None,
) -> CptRecordList:
    """Admins, doctors and receptionists. Newest first."""
    audit.record_list("charge", patient_id=patient_id, appointment_id=appointment_id)
    records, total = await repository.list_cpt_records(
        db, paging, patient_id=patient_id, appointment_id=appointment_id
    )
    audit.record_many(
        AuditAction.read, "charge", [(r.cpt_record_id, r.patient_id) for r in records]
    )
    return CptRecordList(
        cpt_records=[ChargeRead.model_validate(r) for r in records],
        pagination=Pagination.of(paging, total),
    )


@router.delete(
    "/api/cpt_records/{cpt_record_id}",
    tags=["charges"],
    operation_id="charges_delete",
    summary="Delete a charge",
    response_model=ChargeDeleted,
    responses=error_responses(400, 401, 403, 404, 409),
)
async def delete_cpt_record(
    cpt_record_id: PathId, _: Biller, audit: Audited, db: DbSession
) -> ChargeDeleted:
    """Admins and doctors, before the appointment is invoiced (409 after: an invoice's lines are
    final). To change a visit's code, delete its charge and add the right one."""
    event = audit.record(AuditAction.delete, "charge", cpt_record_id)
    record = await repository.get_cpt_record(db, cpt_record_id)
    if record is None:
        raise NotFound(CPT_RECORD_NOT_FOUND, code="cpt_record_not_found")
    event.patient_id = record.patient_id
    appointment = _appointment_or_404(await repository.lock_appointment(db, record.appointment_id))
    rules.check_charges_editable(
        appointment_completed=appointment.status == AppointmentStatus.completed,
        invoiced=await repository.invoice_exists(db, appointment.appointment_id),
    )
    if not await repository.delete_charge(db, cpt_record_id):
        raise NotFound(CPT_RECORD_NOT_FOUND, code="cpt_record_not_found")
    return ChargeDeleted(message="Charge deleted successfully", cpt_record_id=cpt_record_id)


# --- Invoices ---------------------------------------------------------------------------------


async def _invoice_or_404(db: DbSession, invoice_id: int, *, lock: bool = False) -> Invoice:
    invoice = await repository.get_invoice(db, invoice_id, lock=lock)
    if invoice is None:
        raise NotFound("Invoice not found", code="invoice_not_found")
    return invoice


@router.post(
    "/api/invoices",
    tags=["invoices"],
    operation_id="invoices_create",
    summary="Invoice a completed appointment",
    status_code=201,
    response_model=InvoiceCreated,
    responses=error_responses(400, 401, 403, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_invoice(
    body: InvoiceCreate, _: BillingStaff, audit: Audited, db: DbSession, _key: Idempotent
) -> InvoiceCreated:
    """Admins, doctors and receptionists. The invoice lists every charge of the visit; its total
    is their sum. With an active insurance plan that is not self-pay the patient owes the copay
    (at most the total) and the insurer the rest; otherwise the patient owes the total. Amounts
    and the plan are copied now: later price or coverage changes never alter the invoice.

    Errors, in this order: unknown appointment 404; not completed 400; no charge 400; already
    invoiced 409 (one invoice per appointment, also under concurrent requests)."""
    event = audit.record(AuditAction.create, "invoice")
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
    return InvoiceCreated(message="Invoice created successfully", invoice=InvoiceRead.of(invoice))


@router.get(
    "/api/invoices",
    tags=["invoices"],
    operation_id="invoices_list",
    summary="List invoices",
    response_model=InvoiceList,
    responses=error_responses(400, 401, 403),
)
async def list_invoices(
    request: Request,
    _: BillingStaff,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    status: InvoiceStatus | None = None,
    patient_id: QueryId = None,
    appointment_id: QueryId = None,
    issued_from: Annotated[
        DateOrDateTime | None,
        Query(description="ISO datetime, or a date: from the start of that day (clinic time)"),
    ] = None,
    issued_to: Annotated[
        DateOrDateTime | None,
        Query(description="ISO datetime (excluded), or a date: to the end of that day"),
    ] = None,
    sort_by: InvoiceSort = InvoiceSort.issued_at,
    order: SortOrder = SortOrder.desc,
) -> InvoiceList:
    """Admins, doctors and receptionists. Newest first by default; equal keys follow
    `invoice_id` in the same order. A range from `issued_from` to `issued_to` spans at most 366
    days (400 `invalid_range`)."""
    audit.record_list(
        "invoice",
        patient_id=patient_id,
        status=status,
        appointment_id=appointment_id,
        issued_from=issued_from,
        issued_to=issued_to,
    )
    tz = request.app.state.settings.timezone
    filters = InvoiceFilters(
        status=status,
        patient_id=patient_id,
        appointment_id=appointment_id,
        issued_from=parse_bound(issued_from, "issued_from", tz, end=False),
        issued_to=parse_bound(issued_to, "issued_to", tz, end=True),
    )
    check_range(filters.issued_from, filters.issued_to, names=("issued_from", "issued_to"))
    invoices, total = await repository.list_invoices(
        db, paging, filters, sort_by=sort_by, descending=order == SortOrder.desc
    )
    audit.record_many(AuditAction.read, "invoice", [(i.invoice_id, i.patient_id) for i in invoices])
    return InvoiceList(
        invoices=[InvoiceRead.of(i) for i in invoices], pagination=Pagination.of(paging, total)
    )


@router.get(
    "/api/invoices/{invoice_id}",
    tags=["invoices"],
    operation_id="invoices_get",
    summary="Get an invoice",
    response_model=InvoiceRead,
    responses=error_responses(400, 401, 403, 404) | ETAG_HEADER,
)
async def get_invoice(
    invoice_id: PathId, _: BillingStaff, audit: Audited, db: DbSession, response: Response
) -> InvoiceRead:
    """Admins, doctors and receptionists. The `ETag` header is the invoice's version, for
    `If-Match` on `PUT`."""
    event = audit.record(AuditAction.read, "invoice", invoice_id)
    invoice = await _invoice_or_404(db, invoice_id)
    event.patient_id = invoice.patient_id
    response.headers["ETag"] = etag(invoice.version)
    return InvoiceRead.of(invoice)


@router.put(
    "/api/invoices/{invoice_id}",
    tags=["invoices"],
    operation_id="invoices_update",
    summary="Mark an invoice paid or unpaid",
    response_model=InvoiceUpdated,
    responses=error_responses(400, 401, 403, 404, 412),
)
async def update_invoice(
    invoice_id: PathId,
    body: InvoiceUpdate,
    _: Cashier,
    audit: Audited,
    db: DbSession,
    if_match: IfMatch = None,
) -> InvoiceUpdated:
    """Admins and receptionists. `paid` sets `paid_at` to now the first time (paying again keeps
    the original time); `unpaid` clears it. Any other status is a 400 `Invalid status`. With
    `If-Match`, an invoice changed since that version is a 412; every update increments
    `version`. A change of status is an audit event `invoice.status` (and `invoice.paid_at`)."""
    event = audit.record(AuditAction.update, "invoice", invoice_id)
    invoice = await _invoice_or_404(db, invoice_id, lock=True)
    event.patient_id = invoice.patient_id
    check_if_match(if_match, invoice.version)
    state = rules.change_payment_status(
        rules.PaymentState(invoice.status, invoice.paid_at), body.status, datetime.now(UTC)
    )
    audit.record_changes(
        event, [f for f in ("status", "paid_at") if getattr(state, f) != getattr(invoice, f)]
    )
    invoice = await repository.set_payment(db, invoice, state.status, state.paid_at)
    return InvoiceUpdated(message="Invoice updated", invoice=InvoiceRead.of(invoice))


# --- Reports ----------------------------------------------------------------------------------


@router.get(
    "/api/reports/daily-revenue",
    tags=["reports"],
    operation_id="reports_daily_revenue",
    summary="Revenue of one day",
    response_model=DailyRevenue,
    responses=error_responses(400, 401, 403),
)
async def daily_revenue(
    request: Request,
    _: AdminUser,
    db: DbSession,
    day: Annotated[
        IsoDate, Query(alias="date", description="YYYY-MM-DD, in the clinic's time zone")
    ],
) -> DailyRevenue:
    """Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers."""
    window = local_day(day, request.app.state.settings.timezone)
    revenue = await repository.revenue_paid_between(db, window.start, window.end)
    return DailyRevenue(
        date=day,
        currency=rules.CURRENCY,
        invoices_paid=revenue.invoices_paid,
        billed_cents=revenue.billed_cents,
        patient_collected_cents=revenue.patient_collected_cents,
        insurance_receivable_cents=revenue.insurance_receivable_cents,
    )
