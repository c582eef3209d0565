"""Appointments with a status lifecycle, providers' working hours and their free slots."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from clinichub.preconditions import ETAG_HEADER
from clinichub.scheduling import service
from clinichub.scheduling.schemas import (
    AppointmentCancelled,
    AppointmentCreate,
    AppointmentCreated,
    AppointmentList,
    AppointmentQuery,
    AppointmentRead,
    AppointmentSort,
    AppointmentUpdate,
    AppointmentUpdated,
    Availability,
    DailyCounts,
    ProviderList,
    StatusFilter,
    WorkingHoursRead,
    WorkingHoursUpdate,
    WorkingHoursUpdated,
)
from clinichub.schemas import DateOrDateTime, IsoDate, SortOrder, Text, error_responses
from clinichub.vocabulary import VisitType
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    Canceller,
    CurrentUser,
    DbSession,
    IfMatch,
    Paging,
    PathId,
    QueryId,
)
from clinichub.web.etag import tagged
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(prefix="/api/appointments", tags=["appointments"], route_class=IdempotentRoute)
providers_router = APIRouter(prefix="/api/providers", tags=["providers"])


# --- Appointments -----------------------------------------------------------------------------


@router.post(
    "",
    operation_id="appointments_create",
    summary="Book an appointment",
    status_code=201,
    response_model=AppointmentCreated,
    responses=error_responses(400, 401, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_appointment(
    body: AppointmentCreate, audit: Audited, db: DbSession, settings: AppSettings, _key: Idempotent
) -> AppointmentCreated:
    """All staff. A new appointment is `scheduled` (default) or `confirmed`, ends after it
    starts and lasts at most 12 hours. Times without an offset are UTC. Both times lie from
    2000-01-01 to five years from now (400 naming the field otherwise): a past visit may be
    booked, to enter history.

    409 when the provider has working hours and the slot is outside them
    (`outside_working_hours`), when the provider already has an appointment overlapping it
    (`appointment_conflict`) or the patient does (`patient_conflict`); the body names the
    occupying appointment in `conflict_appointment_id`. Intervals are half-open, so
    back-to-back appointments are fine; cancelled and no-show appointments never block.
    """
    return await service.book(db, audit, settings, body)


@router.get(
    "",
    operation_id="appointments_list",
    summary="List appointments",
    response_model=AppointmentList,
    responses=error_responses(400, 401),
)
async def list_appointments(
    audit: Audited,
    db: DbSession,
    paging: Paging,
    settings: AppSettings,
    patient_id: QueryId = None,
    provider_user_id: QueryId = None,
    status: Annotated[
        StatusFilter | None,
        Query(
            description="One or several statuses, comma-separated: `scheduled,confirmed`",
            examples=["scheduled,confirmed"],
        ),
    ] = None,
    visit_type: VisitType | None = None,
    date_from: Annotated[
        DateOrDateTime | None,
        Query(
            description="ISO date or datetime; a bare date is the start of that day (clinic "
            "time zone)",
            examples=["2026-04-13"],
        ),
    ] = None,
    date_to: Annotated[
        DateOrDateTime | None,
        Query(
            description="ISO date or datetime; a bare date is the end of that day (clinic "
            "time zone)",
            examples=["2026-04-19"],
        ),
    ] = None,
    invoiced: Annotated[
        bool | None,
        Query(
            description="`false`: only visits without an invoice (the billing queue, with "
            "`status=completed`); `true`: only those with one; absent: both",
            examples=[False],
        ),
    ] = None,
    sort_by: AppointmentSort = AppointmentSort.scheduled_start,
    order: SortOrder = SortOrder.asc,
) -> AppointmentList:
    """All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    The completed visits still to invoice: `?status=completed&invoiced=false`.
    Ties in the sort key are ordered by appointment_id."""
    return await service.list_appointments(
        db,
        audit,
        paging,
        settings,
        AppointmentQuery(
            patient_id=patient_id,
            provider_user_id=provider_user_id,
            status=status,
            visit_type=visit_type,
            date_from=date_from,
            date_to=date_to,
            invoiced=invoiced,
        ),
        sort_by=sort_by,
        order=order,
    )


# Declared before /{appointment_id}, which would otherwise take `daily-counts` for an id.
@router.get(
    "/daily-counts",
    operation_id="appointments_daily_counts",
    summary="Appointments per day, by status",
    response_model=DailyCounts,
    responses=error_responses(400, 401),
)
async def daily_counts(
    _: CurrentUser,
    db: DbSession,
    settings: AppSettings,
    date_from: Annotated[IsoDate, Query(description="First day (clinic time zone)")],
    date_to: Annotated[
        IsoDate,
        Query(description="Last day, inclusive (clinic time zone); at most 62 days in all"),
    ],
    provider_user_id: QueryId = None,
) -> DailyCounts:
    """All staff. For each day of the clinic's calendar from `date_from` to `date_to`, every
    day present (zeros too), how many appointments start on it, in total and in each status
    (every status present), for a calendar's month view:
    `?date_from=2026-04-01&date_to=2026-04-30&provider_user_id=2`. An appointment counts on the
    clinic-local day it starts. Archived patients' appointments are left out, as in the list.

    400 `invalid_range` naming `date_to` when it is before `date_from` or the range spans more
    than 62 days."""
    return await service.daily_counts(
        db, settings, date_from=date_from, date_to=date_to, provider_user_id=provider_user_id
    )


@router.get(
    "/{appointment_id}",
    operation_id="appointments_get",
    summary="Get an appointment",
    response_model=AppointmentRead,
    responses=error_responses(400, 401, 404) | ETAG_HEADER,
)
async def get_appointment(
    appointment_id: PathId, audit: Audited, db: DbSession, response: Response
) -> AppointmentRead:
    """All staff. The `ETag` header is the appointment's version, for `If-Match` on `PUT`."""
    return tagged(response, await service.get(db, audit, appointment_id))


@router.put(
    "/{appointment_id}",
    operation_id="appointments_update",
    summary="Update, reschedule or change the status of an appointment",
    response_model=AppointmentUpdated,
    responses=error_responses(400, 401, 403, 404, 409, 412),
)
async def update_appointment(
    appointment_id: PathId,
    body: AppointmentUpdate,
    caller: CurrentUser,
    audit: Audited,
    db: DbSession,
    settings: AppSettings,
    if_match: IfMatch = None,
) -> AppointmentUpdated:
    """All staff. Partial: only the fields sent change.

    Status changes follow the lifecycle: scheduled -> confirmed | checked_in | in_progress |
    completed | cancelled | no_show; confirmed -> checked_in | in_progress | completed |
    cancelled | no_show; checked_in -> in_progress | completed | cancelled | no_show;
    in_progress -> completed | cancelled. Completed, cancelled and no_show are final. Anything
    else is a 409; re-sending the current status changes nothing. Cancelling and `no_show`
    take the roles that `DELETE` requires (403 for nurses).

    Only clinicians turn a visit into a charge: completing it, and setting or changing its
    `cpt_code` once it is checked in or later, take an admin or a doctor (403 for nurses and
    receptionists; a code planned before check-in is open to all staff). A visit is completed
    on or after the day of its scheduled start in the clinic's time zone, and marked
    `no_show` only after its start: 409 `visit_not_started` before.

    Completing the appointment creates its charge in the same transaction (a CPT record with
    the appointment's `cpt_code`, else the clinic default, at the catalogue price; modifier 95
    for telehealth), and `cpt_id` names it; a planned or default code deactivated since is a
    409 `cpt_code_inactive` naming it (`cpt_code`): set another code. A completed
    appointment's `cpt_code` is fixed. Moving a completed, cancelled or no-show appointment is
    a 409, as is moving it outside the provider's working hours or onto an occupied slot (see
    create); times lie from 2000-01-01 to five years from now (400).

    With `If-Match`, an appointment changed since that version (by another receptionist, say)
    is a 412 and nothing changes; every update increments `version`.
    """
    return await service.update(db, audit, settings, caller.role, appointment_id, body, if_match)


@router.delete(
    "/{appointment_id}",
    operation_id="appointments_cancel",
    summary="Cancel an appointment",
    response_model=AppointmentCancelled,
    responses=error_responses(400, 401, 403, 404, 409),
)
async def cancel_appointment(
    appointment_id: PathId,
    _: Canceller,
    audit: Audited,
    db: DbSession,
    reason: Annotated[
        Text | None, Query(max_length=500, description="Stored as cancellation_reason")
    ] = None,
) -> AppointmentCancelled:
    """Admins, doctors and receptionists. A soft delete: the appointment stays, with status
    `cancelled`, and its slot is free again. Cancelling a cancelled, completed or no-show
    appointment is a 409."""
    return await service.cancel(db, audit, appointment_id, reason)


# --- Providers --------------------------------------------------------------------------------


@providers_router.get(
    "",
    operation_id="providers_list",
    summary="List providers with their working hours",
    response_model=ProviderList,
    responses=error_responses(400, 401),
)
async def list_providers(_: CurrentUser, db: DbSession, paging: Paging) -> ProviderList:
    """All staff. Active doctors and nurses, by last name, with their weekly working hours (for
    provider pickers)."""
    return await service.list_providers(db, paging)


@providers_router.get(
    "/{provider_user_id}/working-hours",
    operation_id="providers_get_working_hours",
    summary="Get a provider's working hours",
    response_model=WorkingHoursRead,
    responses=error_responses(400, 401, 404),
)
async def get_working_hours(
    provider_user_id: PathId, _: CurrentUser, db: DbSession
) -> WorkingHoursRead:
    """All staff. Clinic-local wall times per weekday (0 = Monday); an empty list means the
    provider accepts bookings at any time."""
    return await service.working_hours(db, provider_user_id)


@providers_router.put(
    "/{provider_user_id}/working-hours",
    operation_id="providers_set_working_hours",
    summary="Replace a provider's working hours",
    response_model=WorkingHoursUpdated,
    responses=error_responses(400, 401, 403, 404),
)
async def set_working_hours(
    provider_user_id: PathId,
    body: WorkingHoursUpdate,
    _: AdminUser,
    audit: Audited,
    db: DbSession,
) -> WorkingHoursUpdated:
    """Admins only. Replaces the whole week. Several ranges per day are allowed (a lunch
    break); ranges of one day must not overlap (touching is fine). Times are clinic-local wall
    times, so bookings follow daylight-saving changes. Existing appointments are kept. Recorded
    in the audit trail (`working_hours`, the provider's id)."""
    return await service.replace_working_hours(db, audit, provider_user_id, body)


@providers_router.get(
    "/{provider_user_id}/availability",
    operation_id="providers_availability",
    summary="Free slots of a provider",
    response_model=Availability,
    responses=error_responses(400, 401, 404),
)
async def availability(
    provider_user_id: PathId,
    _: CurrentUser,
    db: DbSession,
    settings: AppSettings,
    date_from: Annotated[IsoDate, Query(description="First day (clinic time zone)")],
    date_to: Annotated[IsoDate, Query(description="Last day, inclusive; at most 31 days")],
    duration_minutes: Annotated[int, Query(ge=5, le=720)] = 30,
    slot_minutes: Annotated[
        int | None, Query(ge=5, le=720, description="Grid of slot starts; default: duration")
    ] = None,
) -> Availability:
    """All staff. Slots (UTC) of `duration_minutes` inside the provider's working hours in the
    clinic time zone (correct across daylight-saving changes), not overlapping any appointment
    that holds its slot, and not in the past. Starts lie on a grid of `slot_minutes` from the
    start of each working period. A provider without working hours is free all day."""
    return await service.availability(
        db,
        settings,
        provider_user_id,
        date_from=date_from,
        date_to=date_to,
        duration_minutes=duration_minutes,
        slot_minutes=slot_minutes,
    )
