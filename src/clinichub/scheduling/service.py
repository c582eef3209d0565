"""Scheduling's use cases: booking, reading, listing, updating (the status lifecycle, the CPT
code, rescheduling) and cancelling appointments; providers, their working hours and free slots.

Each takes plain values or request schemas with the session, the audit trail and the settings;
calls the rules and the repositories; and returns what the route answers. Completing a visit
makes its charge through billing (scheduling -> billing, never the other way).
"""

import secrets
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit
from clinichub.billing import service as billing
from clinichub.billing.repository import require_active_cpt_code, require_billable_code
from clinichub.clinic_time import Interval, local_day
from clinichub.config import Settings
from clinichub.db.repository import found
from clinichub.models import Appointment, User
from clinichub.patients.repository import patient_exists
from clinichub.preconditions import check_if_match
from clinichub.scheduling import errors, repository, rules, schemas
from clinichub.schemas import PageParams, Pagination, SortOrder, check_range, parse_bound
from clinichub.users.repository import get_user
from clinichub.vocabulary import AppointmentStatus, AuditAction, AuditResource, Role, VisitType

# The fields of an appointment's window, held to rules.check_booking_bounds.
_TIMES = ("scheduled_start", "scheduled_end")


async def _appointment(db: AsyncSession, appointment_id: int, *, lock: bool = False) -> Appointment:
    return found(
        await repository.get_appointment(db, appointment_id, for_update=lock),
        errors.APPOINTMENT_NOT_FOUND,
    )


def _telehealth_link(visit_type: VisitType, current: str | None, settings: Settings) -> str | None:
    # 128 random bits: a room nobody can guess (OWASP ASVS 2.9: at least 64 bits of entropy).
    return rules.telehealth_link(
        visit_type,
        current,
        base_url=settings.telehealth_base_url,
        room=secrets.token_urlsafe(16),
    )


async def _provider(db: AsyncSession, user_id: int) -> User:
    """An active doctor or nurse: 404 when unknown or inactive, 400 for another role."""
    user = await get_user(db, user_id)
    if user is None or not user.is_active:
        raise errors.PROVIDER_NOT_FOUND.error()
    if user.role not in repository.PROVIDER_ROLES:
        raise errors.NOT_A_PROVIDER.error(user_id=user_id)
    return user


# --- Appointments -----------------------------------------------------------------------------


async def book(
    db: AsyncSession, audit: Audit, settings: Settings, body: schemas.AppointmentCreate
) -> schemas.AppointmentCreated:
    event = audit.record(AuditAction.create, AuditResource.appointment, patient_id=body.patient_id)
    window = Interval(body.scheduled_start, body.scheduled_end)
    status = AppointmentStatus(body.status)
    rules.check_initial_status(status)
    rules.check_booking_bounds(
        {"scheduled_start": window.start, "scheduled_end": window.end}, datetime.now(UTC)
    )
    rules.check_window(window)
    if not await patient_exists(db, body.patient_id, share_lock=True):
        raise errors.PATIENT_NOT_FOUND.error()
    await _provider(db, body.provider_user_id)
    if body.cpt_code is not None:
        await require_active_cpt_code(db, body.cpt_code)
    week = await repository.week_of(db, body.provider_user_id)
    rules.check_working_hours(window, week, settings.timezone)
    await repository.ensure_free(
        db, provider_user_id=body.provider_user_id, patient_id=body.patient_id, window=window
    )
    telehealth_url = _telehealth_link(body.visit_type, None, settings)
    appointment = await repository.book(
        db, {**body.model_dump(), "status": status, "telehealth_url": telehealth_url}
    )
    event.resource_id = str(appointment.appointment_id)
    return schemas.AppointmentCreated(
        message="Appointment created successfully",
        appointment=schemas.AppointmentRead.model_validate(appointment),
    )


async def get(db: AsyncSession, audit: Audit, appointment_id: int) -> schemas.AppointmentRead:
    """Its `version` is the ETag the route answers with."""
    event = audit.record(AuditAction.read, AuditResource.appointment, appointment_id)
    appointment = await _appointment(db, appointment_id)
    event.patient_id = appointment.patient_id
    return schemas.AppointmentRead.model_validate(appointment)


async def list_appointments(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    settings: Settings,
    query: schemas.AppointmentQuery,
    *,
    sort_by: schemas.AppointmentSort,
    order: SortOrder,
) -> schemas.AppointmentList:
    audit.record_list(AuditResource.appointment_list, **asdict(query))
    filters = schemas.AppointmentFilters(
        patient_id=query.patient_id,
        provider_user_id=query.provider_user_id,
        statuses=schemas.parse_statuses(query.status),
        visit_type=query.visit_type,
        start=parse_bound(query.date_from, "date_from", settings.timezone, end=False),
        end=parse_bound(query.date_to, "date_to", settings.timezone, end=True),
        invoiced=query.invoiced,
    )
    check_range(filters.start, filters.end, names=("date_from", "date_to"))
    appointments, total = await repository.list_appointments(
        db, paging, filters, sort_by=sort_by, order=order
    )
    audit.record_many(
        AuditAction.read,
        AuditResource.appointment,
        [(a.appointment_id, a.patient_id) for a in appointments],
    )
    return schemas.AppointmentList(
        appointments=[schemas.AppointmentRead.model_validate(a) for a in appointments],
        pagination=Pagination.of(paging, total),
    )


async def daily_counts(
    db: AsyncSession,
    settings: Settings,
    *,
    date_from: date,
    date_to: date,
    provider_user_id: int | None = None,
) -> schemas.DailyCounts:
    """How many appointments start on each clinic day of the range, by status. Counts name no
    patient, so no audit event is recorded (the list records its reads)."""
    days = rules.count_days(date_from, date_to)
    windows = [local_day(day, settings.timezone) for day in days]
    counts = await repository.count_by_day(db, windows, provider_user_id)
    return schemas.DailyCounts(
        date_from=date_from,
        date_to=date_to,
        days=[
            schemas.DailyCount(
                date=day,
                total=sum(tally.values()),
                by_status=schemas.StatusCounts.model_validate(tally),
            )
            for day, tally in zip(days, rules.tally_days(days, counts), strict=True)
        ],
    )


async def update(
    db: AsyncSession,
    audit: Audit,
    settings: Settings,
    caller_role: Role,
    appointment_id: int,
    body: schemas.AppointmentUpdate,
    if_match: str | None,
) -> schemas.AppointmentUpdated:
    event = audit.record(AuditAction.update, AuditResource.appointment, appointment_id)
    now = datetime.now(UTC)
    changes = body.model_dump(exclude_unset=True)
    rules.check_booking_bounds({f: changes[f] for f in _TIMES if f in changes}, now)
    appointment = await _appointment(db, appointment_id, lock=True)
    event.patient_id = appointment.patient_id
    check_if_match(if_match, appointment.version)
    window = Interval(appointment.scheduled_start, appointment.scheduled_end)
    new_window = Interval(
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
    if not rules.may_apply(plan, caller_role):
        audit.deny()
        raise errors.FORBIDDEN.error()
    if changes.get("cpt_code") not in (None, appointment.cpt_code):
        await require_active_cpt_code(db, changes["cpt_code"])
    rules.check_visit_started(plan, new_window.start, now, settings.timezone)
    billed_code = changes.get("cpt_code", appointment.cpt_code) or settings.default_cpt_code
    billed = await require_billable_code(db, billed_code) if plan.completes else None
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
    await repository.save_booking(db, appointment, changes, moves=plan.moved and plan.blocks)
    if billed is not None:  # completing: the visit's first charge, its cpt_id
        await billing.charge_completed_visit(db, appointment, billed, settings.timezone)
    else:
        await repository.reread_charge(db, appointment)
    return schemas.AppointmentUpdated(
        message="Appointment updated successfully",
        appointment=schemas.AppointmentRead.model_validate(appointment),
    )


async def cancel(
    db: AsyncSession, audit: Audit, appointment_id: int, reason: str | None
) -> schemas.AppointmentCancelled:
    event = audit.record(AuditAction.delete, AuditResource.appointment, appointment_id)
    appointment = await _appointment(db, appointment_id, lock=True)
    event.patient_id = appointment.patient_id
    rules.check_cancel(appointment.status)
    await repository.cancel(db, appointment, reason)
    return schemas.AppointmentCancelled(
        message="Appointment cancelled successfully", appointment_id=appointment_id
    )


# --- Providers --------------------------------------------------------------------------------


async def list_providers(db: AsyncSession, paging: PageParams) -> schemas.ProviderList:
    providers, total = await repository.list_providers(db, paging)
    weeks = await repository.working_hours(db, (p.user_id for p in providers))
    return schemas.ProviderList(
        providers=[
            schemas.ProviderRead(
                provider_user_id=p.user_id,
                first_name=p.first_name,
                last_name=p.last_name,
                role=p.role,
                working_hours=[
                    schemas.WorkingHoursRange.model_validate(r) for r in weeks[p.user_id]
                ],
            )
            for p in providers
        ],
        pagination=Pagination.of(paging, total),
    )


def _week_read(provider_user_id: int, week: list[rules.WorkingRange]) -> schemas.WorkingHoursRead:
    return schemas.WorkingHoursRead(
        provider_user_id=provider_user_id,
        hours=[schemas.WorkingHoursRange.model_validate(r) for r in week],
    )


async def working_hours(db: AsyncSession, provider_user_id: int) -> schemas.WorkingHoursRead:
    await _provider(db, provider_user_id)
    return _week_read(provider_user_id, await repository.week_of(db, provider_user_id))


async def replace_working_hours(
    db: AsyncSession, audit: Audit, provider_user_id: int, body: schemas.WorkingHoursUpdate
) -> schemas.WorkingHoursUpdated:
    audit.record(AuditAction.update, AuditResource.working_hours, provider_user_id)
    await _provider(db, provider_user_id)
    week = rules.check_week(
        [rules.WorkingRange(r.weekday, r.start_time, r.end_time) for r in body.hours]
    )
    await repository.lock_user(db, provider_user_id)
    await repository.replace_working_hours(db, provider_user_id, week)
    return schemas.WorkingHoursUpdated(
        message="Working hours updated successfully",
        working_hours=_week_read(provider_user_id, week),
    )


async def availability(
    db: AsyncSession,
    settings: Settings,
    provider_user_id: int,
    *,
    date_from: date,
    date_to: date,
    duration_minutes: int,
    slot_minutes: int | None,
) -> schemas.Availability:
    await _provider(db, provider_user_id)
    rules.check_availability_range(date_from, date_to)
    tz = settings.timezone
    span = Interval(local_day(date_from, tz).start, local_day(date_to, tz).end)
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
    return schemas.Availability(
        provider_user_id=provider_user_id,
        duration_minutes=duration_minutes,
        slots=[schemas.Slot.of(slot) for slot in slots],
    )
