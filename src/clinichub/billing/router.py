"""Billing: the CPT catalogue, charges of completed visits, invoices, the revenue reports."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from clinichub.billing import service
from clinichub.billing.schemas import (
    ChargeCreate,
    ChargeCreated,
    ChargeDeleted,
    ChargeList,
    CptCodeCreate,
    CptCodeCreated,
    CptCodeList,
    CptCodeUpdate,
    CptCodeUpdated,
    CptCodeValue,
    CptRecordList,
    DailyRevenue,
    InvoiceCreate,
    InvoiceCreated,
    InvoiceList,
    InvoiceQuery,
    InvoiceRead,
    InvoiceSort,
    InvoiceUpdate,
    InvoiceUpdated,
    RevenueReport,
)
from clinichub.preconditions import ETAG_HEADER
from clinichub.schemas import DateOrDateTime, IsoDate, SortOrder, error_responses
from clinichub.vocabulary import InvoiceStatus
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    BillingStaff,
    Clinician,
    CurrentUser,
    DbSession,
    FrontDesk,
    IfMatch,
    Paging,
    PathId,
    QueryId,
)
from clinichub.web.etag import tagged
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(route_class=IdempotentRoute)


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
    return await service.list_cpt_codes(db, paging, active=active, category=category, search=search)


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
    return await service.create_cpt_code(db, audit, body)


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
    return await service.update_cpt_code(db, audit, code, body)


# --- Charges ----------------------------------------------------------------------------------


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
    settings: AppSettings,
    _: Clinician,
    audit: Audited,
    db: DbSession,
    _key: Idempotent,
) -> ChargeCreated:
    """Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409."""
    return await service.add_charge(db, audit, appointment_id, body, settings.timezone)


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
    return await service.list_appointment_charges(db, audit, appointment_id)


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
    return await service.list_charges(
        db, audit, paging, patient_id=patient_id, appointment_id=appointment_id
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
    cpt_record_id: PathId, _: Clinician, audit: Audited, db: DbSession
) -> ChargeDeleted:
    """Admins and doctors, before the appointment is invoiced (409 after: an invoice's lines are
    final). To change a visit's code, delete its charge and add the right one."""
    return await service.delete_charge(db, audit, cpt_record_id)


# --- Invoices ---------------------------------------------------------------------------------


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
    return await service.create_invoice(db, audit, body)


@router.get(
    "/api/invoices",
    tags=["invoices"],
    operation_id="invoices_list",
    summary="List invoices",
    response_model=InvoiceList,
    responses=error_responses(400, 401, 403),
)
async def list_invoices(
    settings: AppSettings,
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
    return await service.list_invoices(
        db,
        audit,
        paging,
        settings.timezone,
        InvoiceQuery(
            patient_id=patient_id,
            status=status,
            appointment_id=appointment_id,
            issued_from=issued_from,
            issued_to=issued_to,
        ),
        sort_by=sort_by,
        order=order,
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
    return tagged(response, await service.get_invoice(db, audit, invoice_id))


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
    _: FrontDesk,
    audit: Audited,
    db: DbSession,
    if_match: IfMatch = None,
) -> InvoiceUpdated:
    """Admins and receptionists. `paid` sets `paid_at` to now the first time (paying again keeps
    the original time); `unpaid` clears it. Any other status is a 400 `Invalid status`. With
    `If-Match`, an invoice changed since that version is a 412; every update increments
    `version`. A change of status is an audit event `invoice.status` (and `invoice.paid_at`)."""
    return await service.update_invoice(db, audit, invoice_id, body, if_match)


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
    settings: AppSettings,
    _: AdminUser,
    db: DbSession,
    day: Annotated[
        IsoDate, Query(alias="date", description="YYYY-MM-DD, in the clinic's time zone")
    ],
) -> DailyRevenue:
    """Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers."""
    return await service.daily_revenue(db, day, settings.timezone)


@router.get(
    "/api/reports/revenue",
    tags=["reports"],
    operation_id="reports_revenue",
    summary="Revenue per day over a range",
    response_model=RevenueReport,
    responses=error_responses(400, 401, 403),
)
async def revenue(
    settings: AppSettings,
    _: AdminUser,
    db: DbSession,
    date_from: Annotated[
        IsoDate, Query(alias="from", description="The first day, in the clinic's time zone")
    ],
    date_to: Annotated[
        IsoDate,
        Query(alias="to", description="The last day, included; at most 366 days from `from`"),
    ],
) -> RevenueReport:
    """Admins only, as the daily report. For every day of the clinic's calendar from `from` to
    `to` (both included, at most 366 days; a reversed or longer range is a 400 `invalid_range`),
    days without activity included with zeros:

    - `billed_cents`: the totals of the invoices issued that day;
    - `collected_cents`: the totals of the invoices marked paid that day (an invoice marked paid
      is settled: the API records no partial payments);
    - `receivable_cents`: accounts receivable at the end of that day, what a biller's aging
      report starts from: the totals of every invoice issued by then and not paid by then, from
      the invoices' current state (an invoice marked unpaid again counts as never paid).

    `totals` has the range's billed and collected, and the receivable at the end of `to`. Days
    follow the clinic's time zone (`CLINICHUB_CLINIC_TIMEZONE`), 23 or 25 hours long on a
    daylight-saving change; amounts are integer cents in `currency`."""
    return await service.revenue(db, date_from, date_to, settings.timezone)
