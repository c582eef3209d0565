"""Appointments with a status lifecycle, providers' working hours and their free slots."""

import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from clinichub.billing.repository import (
    add_charge,
    require_active_cpt_code,
    require_billable_code,
)
from clinichub.billing.rules import visit_modifier
from clinichub.config import Settings
from clinichub.errors import BadRequest, Forbidden, NotFound
from clinichub.models import Appointment, User
from clinichub.patients.repository import patient_exists
from clinichub.preconditions import ETAG_HEADER, check_if_match, etag
from clinichub.scheduling import repository, rules
from clinichub.scheduling.schemas import (
    AppointmentCancelled,
    AppointmentCreate,
    AppointmentCreated,
    AppointmentFilters,
    AppointmentList,
    AppointmentRead,
    AppointmentSort,
    AppointmentUpdate,
    AppointmentUpdated,
    Availability,
    ProviderList,
    ProviderRead,
    Slot,
    WorkingHoursRange,
    WorkingHoursRead,
    WorkingHoursUpdate,
    WorkingHoursUpdated,
    parse_bound,
    parse_statuses,
)
from clinichub.schemas import (
    DateOrDateTime,
    IsoDate,
    Pagination,
    SortOrder,
    Text,
    check_range,
    error_responses,
)
from clinichub.users.repository import get_user
from clinichub.vocabulary import AppointmentStatus, AuditAction, Role, VisitType
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
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

router = APIRouter(prefix="/api/appointments", tags=["appointments"], route_class=IdempotentRoute)
providers_router = APIRouter(prefix="/api/providers", tags=["providers"])

# Who may cancel, by DELETE or by setting the status (or record a no-show): nurses may not.
CANCELLERS = tuple(Role(role) for role in sorted(rules.CANCELLER_ROLES))
Canceller = Annotated[Principal, Depends(require_roles(*CANCELLERS))]
# The fields of an appointment's window, held to rules.check_booking_bounds.
_TIMES = ("scheduled_start", "scheduled_end")


async def _get_or_404(db: DbSession, appointment_id: int, *, lock: bool = False) -> Appointment:
    appointment = await repository.get_appointment(db, appointment_id, for_update=lock)
    if appointment is None:
        raise NotFound("Appointment not found")
    return appointment


def _telehealth_link(visit_type: VisitType, current: str | None, settings: Settings) -> str | None:
    # 128 random bits: a room nobody can guess (OWASP ASVS 2.9: at least 64 bits of entropy).
    return rules.telehealth_link(
        visit_type,
        current,
        base_url=settings.telehealth_base_url,
        room=secrets.token_urlsafe(16),
    )


async def _provider(db: DbSession, user_id: int) -> User:
    """An active doctor or nurse: 404 when unknown or inactive, 400 for another role."""
    user = await get_user(db, user_id)
    if user is None or not user.is_active:
        raise NotFound("Provider not found or inactive")
    if user.role not in repository.PROVIDER_ROLES:
        raise BadRequest(f"User {user_id} is not a provider", code="not_a_provider")
    return user


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
    event = audit.record(AuditAction.create, "appointment", patient_id=body.patient_id)
    window = rules.Interval(body.scheduled_start, body.scheduled_end)
    rules.check_initial_status(body.status)
    rules.check_booking_bounds(
        {"scheduled_start": window.start, "scheduled_end": window.end}, datetime.now(UTC)
    )
    rules.check_window(window)
    if not await patient_exists(db, body.patient_id, share_lock=True):
        raise NotFound("Patient not found")
    await _provider(db, body.provider_user_id)
    if body.cpt_code is not None:
        await require_active_cpt_code(db, body.cpt_code)
    week = await repository.week_of(db, body.provider_user_id)
    rules.check_working_hours(window, week, settings.timezone)
    await repository.ensure_free(
        db, provider_user_id=body.provider_user_id, patient_id=body.patient_id, window=window
    )
    appointment = Appointment(**body.model_dump())
    appointment.telehealth_url = _telehealth_link(appointment.visit_type, None, settings)
    await repository.save_booking(db, appointment)
    event.resource_id = str(appointment.appointment_id)
    return AppointmentCreated(
        message="Appointment created successfully",
        appointment=AppointmentRead.model_validate(appointment),
    )


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
        str | None,
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
    sort_by: AppointmentSort = AppointmentSort.scheduled_start,
    order: SortOrder = SortOrder.asc,
) -> AppointmentList:
    """All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    Ties in the sort key are ordered by appointment_id."""
    audit.record_list(
        "appointment",
        patient_id=patient_id,
        provider_user_id=provider_user_id,
        status=status,
        visit_type=visit_type,
        date_from=date_from,
        date_to=date_to,
    )
    filters = AppointmentFilters(
        patient_id=patient_id,
        provider_user_id=provider_user_id,
        statuses=parse_statuses(status),
        visit_type=visit_type,
        start=parse_bound(date_from, "date_from", settings.timezone, end=False),
        end=parse_bound(date_to, "date_to", settings.timezone, end=True),
    )
    check_range(filters.start, filters.end, names=("date_from", "date_to"))
    appointments, total = await repository.list_appointments(
        db, paging, filters, sort_by=sort_by, order=order
    )
    audit.record_many(
        AuditAction.read, "appointment", [(a.appointment_id, a.patient_id) for a in appointments]
    )
    return AppointmentList(
        appointments=[AppointmentRead.model_validate(a) for a in appointments],
        pagination=Pagination.of(paging, total),
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
    event = audit.record(AuditAction.read, "appointment", appointment_id)
    appointment = await _get_or_404(db, appointment_id)
    event.patient_id = appointment.patient_id
    response.headers["ETag"] = etag(appointment.version)
    return AppointmentRead.model_validate(appointment)


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
    event = audit.record(AuditAction.update, "appointment", appointment_id)
    now = datetime.now(UTC)
    changes = body.model_dump(exclude_unset=True)
    rules.check_booking_bounds({f: changes[f] for f in _TIMES if f in changes}, now)
    appointment = await _get_or_404(db, appointment_id, lock=True)
    event.patient_id = appointment.patient_id
    check_if_match(if_match, appointment.version)
    window = rules.Interval(appointment.scheduled_start, appointment.scheduled_end)
    new_window = rules.Interval(
        changes.get("scheduled_start", window.start), changes.get("scheduled_end", window.end)
    )
    plan = rules.plan_update(
        status=appointment.status,
        window=window,
        cpt_code=appointment.cpt_code,
        new_status=changes.get("status", appointment.status),
        new_window=new_window,
        new_cpt_code=changes.get("cpt_code", appointment.cpt_code),
    )
    if not rules.may_apply(plan, caller.role):
        audit.deny()
        raise Forbidden("Forbidden: insufficient permissions")
    if changes.get("cpt_code") not in (None, appointment.cpt_code):
        await require_active_cpt_code(db, changes["cpt_code"])
    rules.check_visit_started(plan, new_window.start, now, settings.timezone)
    billed_code = changes.get("cpt_code", appointment.cpt_code) or settings.default_cpt_code
    if plan.completes:
        await require_billable_code(db, billed_code)
    if plan.moved and plan.blocks:
        week = await repository.week_of(db, appointment.provider_user_id)
        rules.check_working_hours(new_window, week, settings.timezone)
        await repository.ensure_free(
            db,
            provider_user_id=appointment.provider_user_id,
            patient_id=appointment.patient_id,
            window=new_window,
            exclude_id=appointment.appointment_id,
        )
    changes["telehealth_url"] = _telehealth_link(
        changes.get("visit_type", appointment.visit_type), appointment.telehealth_url, settings
    )
    await repository.save_booking(db, appointment, changes)
    if plan.completes:
        charge = await add_charge(
            db,
            appointment,
            billed_code,
            quantity=1,
            service_date=rules.service_date(appointment.scheduled_start, settings.timezone),
            modifier=visit_modifier(appointment.visit_type == VisitType.telehealth),
        )
        repository.note_primary_charge(appointment, charge.cpt_record_id)
    return AppointmentUpdated(
        message="Appointment updated successfully",
        appointment=AppointmentRead.model_validate(appointment),
    )


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
    event = audit.record(AuditAction.delete, "appointment", appointment_id)
    appointment = await _get_or_404(db, appointment_id, lock=True)
    event.patient_id = appointment.patient_id
    rules.check_cancel(appointment.status)
    appointment.status = AppointmentStatus.cancelled
    appointment.cancellation_reason = reason
    await db.flush()
    return AppointmentCancelled(
        message="Appointment cancelled successfully", appointment_id=appointment_id
    )


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
    providers, total = await repository.list_providers(db, paging)
    weeks = await repository.working_hours(db, (p.user_id for p in providers))
    return ProviderList(
        providers=[
            ProviderRead(
                provider_user_id=p.user_id,
                first_name=p.first_name,
                last_name=p.last_name,
                role=p.role,
                working_hours=[WorkingHoursRange.model_validate(r) for r in weeks[p.user_id]],
            )
            for p in providers
        ],
        pagination=Pagination.of(paging, total),
    )


def _week_read(provider_user_id: int, week: list[rules.WorkingRange]) -> WorkingHoursRead:
    return WorkingHoursRead(
        provider_user_id=provider_user_id,
        hours=[WorkingHoursRange.model_validate(r) for r in week],
    )


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
    await _provider(db, provider_user_id)
    return _week_read(provider_user_id, await repository.week_of(db, provider_user_id))


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
    audit.record(AuditAction.update, "working_hours", provider_user_id)
    await _provider(db, provider_user_id)
    week = rules.check_week(
        [rules.WorkingRange(r.weekday, r.start_time, r.end_time) for r in body.hours]
    )
    await repository.lock_user(db, provider_user_id)
    await repository.replace_working_hours(db, provider_user_id, week)
    return WorkingHoursUpdated(
        message="Working hours updated successfully",
        working_hours=_week_read(provider_user_id, week),
    )


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
    await _provider(db, provider_user_id)
    rules.check_availability_range(date_from, date_to)
    tz = settings.timezone
    span = rules.Interval(rules.local_day(date_from, tz).start, rules.local_day(date_to, tz).end)
    slots = rules.available_slots(
        date_from=date_from,
        date_to=date_to,
        duration=timedelta(minutes=duration_minutes),
        step=timedelta(minutes=slot_minutes or duration_minutes),
        week=await repository.week_of(db, provider_user_id),
        tz=tz,
        busy=await repository.busy_intervals(db, provider_user_id, span),
        now=datetime.now(UTC),
    )
    return Availability(
        provider_user_id=provider_user_id,
        duration_minutes=duration_minutes,
        slots=[Slot.of(slot) for slot in slots],
    )
