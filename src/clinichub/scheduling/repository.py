"""Queries on appointments, working hours and providers."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Date, DateTime, bindparam, delete, func, insert, null, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.billing.repository import invoiced
from clinichub.clinic_time import Interval
from clinichub.db.base import AnyRow, columns_for, table_of
from clinichub.db.constraints import violated_constraint
from clinichub.db.repository import page_of_entities, page_of_rows
from clinichub.models import Appointment, CptRecord, ProviderWorkingHours, User
from clinichub.models.scheduling import PATIENT_OVERLAP
from clinichub.patients.repository import of_patients_on_file, on_file
from clinichub.scheduling import errors
from clinichub.scheduling.rules import BLOCKING_STATUSES, WorkingRange
from clinichub.scheduling.schemas import AppointmentFilters, AppointmentRead, AppointmentSort
from clinichub.schemas import PageParams, SortOrder
from clinichub.vocabulary import AppointmentStatus, ProviderRole, Role

PROVIDER_ROLES = tuple(Role(role) for role in ProviderRole)
BLOCKING = sorted(BLOCKING_STATUSES)
# PostgreSQL's SQLSTATE for an exclusion constraint violation.
EXCLUSION_VIOLATION = "23P01"


# --- Appointments -----------------------------------------------------------------------------


# Booking's and listing's statements are Core, on the table's columns (see table_of).
_appointments, _charges = table_of(Appointment), table_of(CptRecord)
_provider_hit = _appointments.c.provider_user_id == bindparam("provider_user_id")
# The first appointment occupying the window for the provider, else for the patient.
_OCCUPYING = (
    select(_appointments.c.appointment_id, _provider_hit)
    .where(
        _appointments.c.status.in_(BLOCKING),
        _appointments.c.scheduled_start < bindparam("end"),
        _appointments.c.scheduled_end > bindparam("start"),
        _provider_hit | (_appointments.c.patient_id == bindparam("patient_id")),
        _appointments.c.appointment_id.is_distinct_from(bindparam("exclude_id")),
    )
    .order_by(_provider_hit.desc(), _appointments.c.scheduled_start)
    .limit(1)
)
# An archived patient's appointments are not found (404), like the patient.
_GET_APPOINTMENT = select(Appointment).where(
    Appointment.appointment_id == bindparam("appointment_id"), on_file(Appointment.patient_id)
)
_LOCK_APPOINTMENT = _GET_APPOINTMENT.with_for_update(of=Appointment)


async def get_appointment(
    db: AsyncSession, appointment_id: int, *, for_update: bool = False
) -> Appointment | None:
    """One appointment; locked for update so that two changes to it cannot interleave (two
    completions would create two charges)."""
    query = _LOCK_APPOINTMENT if for_update else _GET_APPOINTMENT
    return await db.scalar(query, {"appointment_id": appointment_id})


def _calendar_key(kind: str, entity_id: int) -> int:
    """A 64-bit advisory lock key for one provider's or one patient's calendar (a collision
    only makes two unrelated bookings wait for each other)."""
    digest = hashlib.blake2b(f"clinichub.{kind}.{entity_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# Target entries are evaluated in order: the first key is locked first.
_LOCK_CALENDARS = select(
    func.pg_advisory_xact_lock(bindparam("first", type_=BigInteger)),
    func.pg_advisory_xact_lock(bindparam("second", type_=BigInteger)),
)


async def lock_calendars(db: AsyncSession, *, provider_user_id: int, patient_id: int) -> None:
    """Bookings that share a provider or a patient run one after the other, until commit.

    Without this, two bookings that each overlap the other, one on the provider and one on the
    patient, can wait for each other inside PostgreSQL's two exclusion constraints: a deadlock.
    Both locks are taken in one global order (by key), so taking them cannot deadlock either.
    """
    first, second = sorted(
        (_calendar_key("provider", provider_user_id), _calendar_key("patient", patient_id))
    )
    await db.execute(_LOCK_CALENDARS, {"first": first, "second": second})


async def ensure_free(
    db: AsyncSession,
    *,
    provider_user_id: int,
    patient_id: int,
    window: Interval,
    exclude_id: int | None = None,
) -> None:
    """409 with the id of an occupying appointment when the provider, or else the patient, is
    already booked in the window (half-open: back-to-back is free). Takes both calendars' locks
    first, so the check sees every booking that could conflict, committed."""
    await lock_calendars(db, provider_user_id=provider_user_id, patient_id=patient_id)
    parameters = {
        "provider_user_id": provider_user_id,
        "patient_id": patient_id,
        "start": window.start,
        "end": window.end,
        "exclude_id": exclude_id,
    }
    row = (await db.execute(_OCCUPYING, parameters)).first()
    if row is not None:
        appointment_id, is_provider = row
        conflict = errors.APPOINTMENT_CONFLICT if is_provider else errors.PATIENT_CONFLICT
        raise conflict.error(conflict_appointment_id=appointment_id)


async def save_booking(
    db: AsyncSession, appointment: Appointment, changes: Mapping[str, Any], *, moves: bool
) -> None:
    """Apply `changes` to an appointment. When they move it to a window it still occupies
    (`moves`), it is done inside a savepoint: the exclusion constraints decide races that the
    check before it could not see, and their violation becomes the same 409 as that check,
    naming the winner, which is looked up after the savepoint's rollback. Other changes cannot
    collide with another booking and need no savepoint."""
    if not moves:
        for field, value in changes.items():
            setattr(appointment, field, value)
        await db.flush()  # the server's values come back in its RETURNING
        return
    window = Interval(
        changes.get("scheduled_start", appointment.scheduled_start),
        changes.get("scheduled_end", appointment.scheduled_end),
    )
    try:
        async with db.begin_nested():
            for field, value in changes.items():
                setattr(appointment, field, value)
            await db.flush()
    except IntegrityError as exc:
        if getattr(exc.orig, "sqlstate", None) != EXCLUSION_VIOLATION:
            raise
        # The concurrent winner has committed by now (PostgreSQL waits for it), so it is found.
        await ensure_free(
            db,
            provider_user_id=appointment.provider_user_id,
            patient_id=appointment.patient_id,
            window=window,
            exclude_id=appointment.appointment_id,
        )
        # It was cancelled in the meantime: still a conflict, with no appointment to name.
        constraint = violated_constraint(exc)
        lost = (
            errors.PATIENT_CONFLICT
            if constraint == PATIENT_OVERLAP
            else errors.APPOINTMENT_CONFLICT
        )
        raise lost.error(conflict_appointment_id=None) from exc


async def reread_charge(db: AsyncSession, appointment: Appointment) -> None:
    """Read at lock time, an appointment's cpt_id may predate a completion committed while the
    request waited for the lock (its subquery saw the older snapshot): read it again."""
    await db.refresh(appointment, ["cpt_id"])


# A new visit has no charge yet. With no conflict target, DO NOTHING makes every constraint an
# arbiter, the two exclusion constraints included.
_BOOK = (
    pg_insert(_appointments)
    .on_conflict_do_nothing()
    .returning(*columns_for(Appointment, AppointmentRead, cpt_id=null()))
)


async def book(db: AsyncSession, values: Mapping[str, Any]) -> AnyRow:
    """A new appointment of these column values, in one statement: no unit of work and no
    savepoint. The exclusion constraints decide races that the check before it (ensure_free)
    could not see: an insert that would overlap a booking made meanwhile waits for that
    transaction, then inserts nothing, and the same check, run again, names the winner."""
    row = (await db.execute(_BOOK, dict(values))).one_or_none()
    if row is not None:
        return row
    await ensure_free(
        db,
        provider_user_id=values["provider_user_id"],
        patient_id=values["patient_id"],
        window=Interval(values["scheduled_start"], values["scheduled_end"]),
    )
    # The winner was cancelled in the meantime: still a conflict, with no appointment to name.
    raise errors.APPOINTMENT_CONFLICT.error(conflict_appointment_id=None)


async def add_appointments(db: AsyncSession, appointments: Iterable[Appointment]) -> None:
    """Appointments known to be free of conflicts (the demo week), without the checks."""
    db.add_all(appointments)
    await db.flush()


async def cancel(db: AsyncSession, appointment: Appointment, reason: str | None) -> None:
    appointment.status = AppointmentStatus.cancelled
    appointment.cancellation_reason = reason
    await db.flush()


_APPOINTMENT_COLUMNS = columns_for(
    Appointment,
    AppointmentRead,
    cpt_id=select(func.min(_charges.c.cpt_record_id))
    .where(_charges.c.appointment_id == _appointments.c.appointment_id)
    .scalar_subquery(),  # as Appointment.cpt_id
)


async def list_appointments(
    db: AsyncSession,
    page: PageParams,
    filters: AppointmentFilters,
    *,
    sort_by: AppointmentSort,
    order: SortOrder,
) -> tuple[Sequence[AnyRow], int]:
    """One page of rows of AppointmentRead's columns, and the total; archived patients'
    appointments are left out."""
    columns = _appointments.c
    conditions = of_patients_on_file(columns.patient_id, filters.patient_id)
    if filters.provider_user_id is not None:
        conditions.append(columns.provider_user_id == filters.provider_user_id)
    if filters.statuses:
        conditions.append(columns.status.in_(filters.statuses))
    if filters.visit_type is not None:
        conditions.append(columns.visit_type == filters.visit_type)
    if filters.start is not None:
        conditions.append(columns.scheduled_end > filters.start)
    if filters.end is not None:
        conditions.append(columns.scheduled_start < filters.end)
    if filters.invoiced is not None:
        has_invoice = invoiced(columns.appointment_id)
        conditions.append(has_invoice if filters.invoiced else ~has_invoice)
    key, tie = columns[sort_by], columns.appointment_id
    ordering = (key.desc(), tie.desc()) if order == SortOrder.desc else (key.asc(), tie.asc())
    query = select(*_APPOINTMENT_COLUMNS).order_by(*ordering)
    return await page_of_rows(db, query, page, count_from=_appointments, conditions=conditions)


# The clinic day an appointment starts on, as its 1-based index in the days' starts (UTC moments
# of consecutive clinic-local midnights): the days are cut in Python, by the same local_day as
# the list's date_from and date_to, so PostgreSQL's own time zone data never has a say.
_DAY_STARTS = bindparam("day_starts", type_=ARRAY(DateTime(timezone=True)))
_DAY = func.width_bucket(_appointments.c.scheduled_start, _DAY_STARTS)


async def count_by_day(
    db: AsyncSession, days: Sequence[Interval], provider_user_id: int | None = None
) -> list[tuple[int, AppointmentStatus, int]]:
    """(index of the day in `days`, status, count) of the appointments that start in each of
    `days` (consecutive clinic days in UTC), in one query grouped by day and status; archived
    patients' appointments are left out, as in the list. Days and statuses without
    appointments have no row."""
    columns = _appointments.c
    conditions = [
        columns.scheduled_start >= days[0].start,
        columns.scheduled_start < days[-1].end,
        on_file(columns.patient_id),
    ]
    if provider_user_id is not None:
        conditions.append(columns.provider_user_id == provider_user_id)
    query = (
        select(_DAY, columns.status, func.count()).where(*conditions).group_by(_DAY, columns.status)
    )
    rows = await db.execute(query, {"day_starts": [day.start for day in days]})
    return [(bucket - 1, AppointmentStatus(status), count) for bucket, status, count in rows]


async def has_appointments(db: AsyncSession, provider_user_ids: Sequence[int]) -> bool:
    found = await db.scalar(
        select(Appointment.appointment_id)
        .where(Appointment.provider_user_id.in_(provider_user_ids))
        .limit(1)
    )
    return found is not None


async def days_with_appointments(
    db: AsyncSession, provider_user_ids: Sequence[int], span: Interval, timezone: str
) -> set[date]:
    """The clinic-local days (`timezone`, an IANA name) of the span on which any of the
    providers has an appointment, whatever its status."""
    local_day = func.timezone(timezone, Appointment.scheduled_start).cast(Date)
    rows = await db.scalars(
        select(local_day)
        .where(
            Appointment.provider_user_id.in_(provider_user_ids),
            Appointment.scheduled_start >= span.start,
            Appointment.scheduled_start < span.end,
        )
        .distinct()
    )
    return set(rows)


async def busy_intervals(db: AsyncSession, provider_user_id: int, span: Interval) -> list[Interval]:
    """The provider's blocking appointments that overlap the span."""
    rows = await db.execute(
        select(Appointment.scheduled_start, Appointment.scheduled_end).where(
            Appointment.provider_user_id == provider_user_id,
            Appointment.status.in_(BLOCKING),
            Appointment.scheduled_start < span.end,
            Appointment.scheduled_end > span.start,
        )
    )
    return [Interval(start, end) for start, end in rows]


# --- Providers and working hours --------------------------------------------------------------


async def lock_user(db: AsyncSession, user_id: int) -> User | None:
    """The user row, locked: two replacements of one provider's week cannot interleave."""
    return await db.scalar(select(User).where(User.user_id == user_id).with_for_update())


async def working_hours(
    db: AsyncSession, provider_user_ids: Iterable[int]
) -> dict[int, list[WorkingRange]]:
    """Each provider's week, sorted; providers without working hours map to an empty list."""
    ids = list(provider_user_ids)
    rows = await db.execute(
        select(
            ProviderWorkingHours.provider_user_id,
            ProviderWorkingHours.weekday,
            ProviderWorkingHours.start_time,
            ProviderWorkingHours.end_time,
        )
        .where(ProviderWorkingHours.provider_user_id.in_(ids))
        .order_by(ProviderWorkingHours.weekday, ProviderWorkingHours.start_time)
    )
    weeks: dict[int, list[WorkingRange]] = defaultdict(list)
    for provider_user_id, weekday, start_time, end_time in rows:
        weeks[provider_user_id].append(WorkingRange(weekday, start_time, end_time))
    return {provider_user_id: weeks[provider_user_id] for provider_user_id in ids}


async def week_of(db: AsyncSession, provider_user_id: int) -> list[WorkingRange]:
    return (await working_hours(db, [provider_user_id]))[provider_user_id]


async def replace_working_hours(
    db: AsyncSession, provider_user_id: int, week: Sequence[WorkingRange]
) -> None:
    await db.execute(
        delete(ProviderWorkingHours).where(
            ProviderWorkingHours.provider_user_id == provider_user_id
        )
    )
    if week:
        await db.execute(
            insert(ProviderWorkingHours),
            [
                {
                    "provider_user_id": provider_user_id,
                    "weekday": r.weekday,
                    "start_time": r.start_time,
                    "end_time": r.end_time,
                }
                for r in week
            ],
        )


async def list_providers(db: AsyncSession, page: PageParams) -> tuple[Sequence[User], int]:
    conditions = [User.role.in_(PROVIDER_ROLES), User.is_active.expression]
    query = select(User).order_by(User.last_name, User.first_name, User.user_id)
    return await page_of_entities(db, query, page, count_from=User, conditions=conditions)
