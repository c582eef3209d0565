"""Queries on patients and their insurance plans. Archived patients (deleted_at set) are never
returned: to the API they no longer exist, while the rows that point to them stay intact."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnElement,
    Select,
    any_,
    asc,
    bindparam,
    desc,
    exists,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, Executable
from sqlalchemy.sql.util import ClauseAdapter

from clinichub.db.base import AnyRow, columns_for, table_of
from clinichub.db.constraints import violated_constraint
from clinichub.db.repository import like_pattern, total_if_last
from clinichub.errors import EMAIL_EXISTS
from clinichub.models import Appointment, InsurancePlan, Patient
from clinichub.models.patients import UNACCENT
from clinichub.patients.rules import CANCELLED_ON_ARCHIVE
from clinichub.patients.schemas import PatientCreate, PatientRead, PatientSortKey, PlanCreate
from clinichub.schemas import PageParams, SortOrder
from clinichub.vocabulary import AppointmentStatus

# Up to this many matches, list totals are exact; beyond it they are the planner's estimate, so
# that no request counts a million rows. The patients_list description states this number.
EXACT_COUNT_LIMIT = 10_000

# A broad search (more than EXACT_COUNT_LIMIT matches) reads its page along the sort index, from
# at most this many patients at the start of the order (see list_patients).
WALK_LIMIT = 20_000

_EMAIL_INDEX = "uq_patients_email_active"

_GET_PATIENT = select(Patient).where(
    Patient.patient_id == bindparam("patient_id"), Patient.deleted_at.is_(None)
)
_LOCK_PATIENT = _GET_PATIENT.with_for_update(key_share=True)

# Reads (by id, lists and searches) are Core statements for the columns of a response (see
# table_of); the by-id ones are built once.
_patients = table_of(Patient)
_columns = _patients.c
_active = _columns.deleted_at.is_(None)
_PATIENT_COLUMNS = columns_for(Patient, PatientRead)
_by_id = (_columns.patient_id == bindparam("patient_id"), _active)
_READ_PATIENT = select(*_PATIENT_COLUMNS).where(*_by_id)
_PATIENT_EXISTS = select(_columns.patient_id).where(*_by_id)
# FOR SHARE: an archive (an UPDATE of the row) waits for the booking, or the booking for the
# archive, so that archiving never misses an appointment booked at the same moment.
_SHARE_PATIENT = _PATIENT_EXISTS.with_for_update(read=True)

_appointments = table_of(Appointment)
# The patient's appointments that have not started yet and can still be cancelled (archiving
# cancels them), built once.
_CANCEL_FUTURE_APPOINTMENTS = (
    update(_appointments)
    .where(
        _appointments.c.patient_id == bindparam("archived_patient_id"),
        _appointments.c.scheduled_start > bindparam("after"),
        _appointments.c.status.in_(sorted(CANCELLED_ON_ARCHIVE)),
    )
    .values(
        status=AppointmentStatus.cancelled,
        cancellation_reason=bindparam("cancellation"),
        version=_appointments.c.version + 1,
    )
    .returning(_appointments.c.appointment_id)
)


def on_file(patient_id: _ColumnExpressionArgument[int]) -> ColumnElement[bool]:
    """True where `patient_id` names a patient on file, not archived: the one condition by which
    the queries of a patient's appointments, charges, records and vitals leave archived
    patients out (a correlated EXISTS on the patient's primary key)."""
    return exists().where(_columns.patient_id == patient_id, _active)


def of_patients_on_file(
    patient_id: ColumnElement[int] | QueryableAttribute[int], only: int | None
) -> list[ColumnElement[bool]]:
    """The conditions of a list of patients' rows: their patient is on file, and is `only` when
    that is given."""
    conditions = [on_file(patient_id)]
    if only is not None:
        conditions.append(patient_id == only)
    return conditions


async def _flush_unique_email(db: AsyncSession) -> None:
    """Flush; an email taken by another patient is a 409, even when two requests race."""
    try:
        await db.flush()
    except IntegrityError as exc:
        if violated_constraint(exc) == _EMAIL_INDEX:
            raise EMAIL_EXISTS.error() from exc
        raise


async def get_patient(db: AsyncSession, patient_id: int, *, lock: bool = False) -> Patient | None:
    """An active patient. With `lock`, the row stays locked until the transaction ends, which
    serialises writers that must see each other (an update and an archive, plan saves)."""
    # The lock is FOR NO KEY UPDATE: rows that reference the patient can still be inserted.
    query = _LOCK_PATIENT if lock else _GET_PATIENT
    return await db.scalar(query, {"patient_id": patient_id})


async def patient_exists(db: AsyncSession, patient_id: int, *, share_lock: bool = False) -> bool:
    """Whether an active patient has this id (a booking or a record names one). With
    `share_lock`, the row stays share-locked until the transaction ends: an archive of the
    patient runs before or after, never beside (a booking takes it)."""
    query = _SHARE_PATIENT if share_lock else _PATIENT_EXISTS
    return await db.scalar(query, {"patient_id": patient_id}) is not None


async def read_patient(db: AsyncSession, patient_id: int) -> AnyRow | None:
    """An active patient's response columns, for reading only."""
    result = await db.execute(_READ_PATIENT, {"patient_id": patient_id})
    return result.one_or_none()


async def create_patient(db: AsyncSession, data: PatientCreate) -> Patient:
    patient = Patient(**data.model_dump())
    db.add(patient)
    await _flush_unique_email(db)
    return patient


async def update_patient(db: AsyncSession, patient: Patient, changes: dict[str, Any]) -> Patient:
    for field, value in changes.items():
        setattr(patient, field, value)
    await _flush_unique_email(db)
    await db.refresh(patient)
    return patient


async def archive_patient(db: AsyncSession, patient_id: int) -> bool:
    """Archive an active patient; False when there is none with this id."""
    archived = await db.scalar(
        update(Patient)
        .where(Patient.patient_id == patient_id, Patient.deleted_at.is_(None))
        .values(deleted_at=func.now(), version=Patient.version + 1)
        .returning(Patient.patient_id)
    )
    return archived is not None


async def cancel_future_appointments(
    db: AsyncSession, patient_id: int, *, now: datetime, reason: str
) -> list[int]:
    """Cancel the patient's appointments that start after `now` and can still be cancelled
    (archiving the patient does); their ids."""
    cancelled = await db.scalars(
        _CANCEL_FUTURE_APPOINTMENTS,
        {"archived_patient_id": patient_id, "after": now, "cancellation": reason},
    )
    return sorted(cancelled.all())


def _search_term(term: str) -> ColumnElement[bool]:
    """A substring match on the folded search text, folded the same way, with % and _ literal."""
    folded = func.lower(getattr(func, UNACCENT)(like_pattern(term)))
    return _columns.search_text.like(folded)


def _ordering(patient: Any, sort_by: PatientSortKey, order: SortOrder) -> list[Any]:
    """ORDER BY terms on `patient` (the table's columns, or a subquery's). Ties follow the same
    direction, so one index (key, patient_id) serves both orders."""
    direction = desc if order == SortOrder.desc else asc
    return [direction(getattr(patient, key)) for key in dict.fromkeys((sort_by, "patient_id"))]


async def list_patients(
    db: AsyncSession,
    page: PageParams,
    *,
    search: str | None = None,
    dob: date | None = None,
    email: str | None = None,
    ids: Sequence[int] | None = None,
    sort_by: PatientSortKey = PatientSortKey.last_name,
    order: SortOrder = SortOrder.asc,
) -> tuple[Sequence[AnyRow], int]:
    """One page of active patients and the total (exact up to EXACT_COUNT_LIMIT matches).

    Filtered lists gather their matches through an index first (at most EXACT_COUNT_LIMIT + 1
    of them), then sort and count them in one pass: the planner's guess at how many patients a
    search term matches is rough, and walking a sort index while filtering, its favourite plan
    for ORDER BY ... LIMIT, reads the whole table when the matches sit at the far end of the
    order ("young" by last name).
    """
    filters = [_search_term(term) for term in (search or "").split()]
    if dob is not None:
        filters.append(_columns.dob == dob)
    if email is not None:
        filters.append(func.lower(_columns.email) == email.lower())
    if ids is not None:
        # One array parameter, `= ANY(:ids)`, whatever the number of ids: the primary key
        # gathers the few matches (see _gather).
        filters.append(_columns.patient_id == any_(literal(list(ids), ARRAY(BigInteger))))
    if not filters:
        patients, more = await _walk(db, page, filters, sort_by, order)
        known = total_if_last(page, len(patients), more=more)
        if known is not None:
            return patients, known
        total = await _count(db, filters)
    else:
        patients, total = await _gather(db, page, filters, sort_by, order, EXACT_COUNT_LIMIT)
        if total <= EXACT_COUNT_LIMIT:
            return patients, total
        # A broad search. Sorting every match costs time in proportion to their number, while
        # at least one patient in (table / EXACT_COUNT_LIMIT) matches, so that the page lies
        # near the start of the sort index: walk it there, unless the matches gather at the
        # far end of the order or the page lies deeper than the walk goes.
        patients, more = await _walk(db, page, filters, sort_by, order, within=WALK_LIMIT)
        if not more:
            return await _gather(db, page, filters, sort_by, order, None)
        total = max(await _estimate(db, filters), EXACT_COUNT_LIMIT + 1)
    # An estimate may lag behind: never report fewer patients than this page proves exist.
    return patients, max(total, page.offset + page.per_page + 1) if more else total


async def _gather(
    db: AsyncSession,
    page: PageParams,
    filters: list[ColumnElement[bool]],
    sort_by: PatientSortKey,
    order: SortOrder,
    limit: int | None,
) -> tuple[Sequence[AnyRow], int]:
    """The page and the exact total, from the matches gathered first (at most `limit` + 1: a
    total above `limit` means the page may be wrong)."""
    # Only ids and the sort key are gathered, sorted and counted, so that even tens of
    # thousands of matches fit in memory; the page's rows are read by id afterwards.
    matches = select(*dict.fromkeys((_columns.patient_id, _columns[sort_by])))
    matches = matches.where(_active, *filters)
    if limit is not None:
        matches = matches.limit(limit + 1)
    # MATERIALIZED keeps the planner from merging the gathering into the walk it would prefer.
    match = matches.cte("matches").prefix_with("MATERIALIZED")
    ranked = (
        select(match.c.patient_id, func.count().over().label("total"))
        .order_by(*_ordering(match.c, sort_by, order))
        .offset(page.offset)
        .limit(page.per_page)
        .subquery()
    )
    rows = (
        await db.execute(
            select(*_PATIENT_COLUMNS, ranked.c.total)
            .join_from(_patients, ranked, _columns.patient_id == ranked.c.patient_id)
            .order_by(*_ordering(_columns, sort_by, order))
        )
    ).all()
    if rows:
        return rows, rows[0].total
    # No row carries the count: nothing matches, or the page is past the last one.
    return [], await _count(db, filters) if page.offset else 0


async def _walk(
    db: AsyncSession,
    page: PageParams,
    filters: list[ColumnElement[bool]],
    sort_by: PatientSortKey,
    order: SortOrder,
    *,
    within: int | None = None,
) -> tuple[Sequence[AnyRow], bool]:
    """The page read along the sort index, and whether another page follows. With `within`,
    only the first `within` patients in the order are read: unless they hold the page and one
    match more, `more` is False, though the list may go on."""
    # One row more than the page tells whether another page follows, whatever the total says.
    query = (
        select(*_PATIENT_COLUMNS)
        .where(_active, *filters)
        .order_by(*_ordering(_columns, sort_by, order))
        .offset(page.offset)
        .limit(page.per_page + 1)
    )
    if within is not None:
        # The same query on the first `within` patients in the order. The filters cannot move
        # below that LIMIT: the index is walked whatever the planner guesses of the matches,
        # and the walk stops at the page's end or after `within` patients.
        first = (
            select(_patients)
            .where(_active)
            .order_by(*_ordering(_columns, sort_by, order))
            .limit(within)
            .subquery()
        )
        query = ClauseAdapter(first).traverse(query)
    rows = (await db.execute(query)).all()
    return rows[: page.per_page], len(rows) > page.per_page


async def _count(db: AsyncSession, filters: list[ColumnElement[bool]]) -> int:
    """Exact up to EXACT_COUNT_LIMIT, so the cost is bounded; beyond that the planner's estimate
    (from table statistics, kept current by autovacuum), never below the limit."""
    if not filters:
        # Statistics estimate the unfiltered list well: a large one is not even partly counted.
        estimate = await _estimate(db, filters)
        if estimate > 2 * EXACT_COUNT_LIMIT:
            return estimate
    capped = select(func.count()).select_from(
        _matching(filters).limit(EXACT_COUNT_LIMIT + 1).subquery()
    )
    exact = await db.scalar(capped) or 0
    if exact <= EXACT_COUNT_LIMIT:
        return exact
    return max(await _estimate(db, filters), exact)


def _matching(filters: list[ColumnElement[bool]]) -> Select[Any]:
    return select(literal(1)).select_from(_patients).where(_active, *filters)


async def _estimate(db: AsyncSession, filters: list[ColumnElement[bool]]) -> int:
    """The planner's estimate of the active patients matching `filters`, without running it."""
    # The driver decodes the JSON plan (SQLAlchemy registers a json codec on asyncpg).
    plan: list[dict[str, Any]] = await db.scalar(_Explain(_matching(filters)))
    return int(plan[0]["Plan"]["Plan Rows"])


class _Explain(Executable, ClauseElement):
    """`EXPLAIN (FORMAT JSON)` of a query: the planner's row estimate, without running it."""

    inherit_cache = False

    def __init__(self, query: Select[Any]) -> None:
        self.query = query


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler: SQLCompiler, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.query, **kw)


async def get_active_plan(db: AsyncSession, patient_id: int) -> InsurancePlan | None:
    return await db.scalar(
        select(InsurancePlan).where(InsurancePlan.patient_id == patient_id, InsurancePlan.is_active)
    )


async def list_plans(db: AsyncSession, patient_id: int) -> Sequence[InsurancePlan]:
    """Newest first."""
    plans = await db.scalars(
        select(InsurancePlan)
        .where(InsurancePlan.patient_id == patient_id)
        .order_by(InsurancePlan.plan_id.desc())
    )
    return plans.all()


async def save_plan(db: AsyncSession, patient: Patient, data: PlanCreate) -> InsurancePlan:
    """Make `data` the patient's single active plan; the previous one stays, inactive.

    The caller holds the patient's row lock (get_patient with lock), so concurrent saves for one
    patient run one after the other; the partial unique index is the backstop.
    """
    await db.execute(
        update(InsurancePlan)
        .where(InsurancePlan.patient_id == patient.patient_id, InsurancePlan.is_active)
        .values(is_active=False)
    )
    plan = InsurancePlan(patient_id=patient.patient_id, is_active=True, **data.model_dump())
    db.add(plan)
    await db.flush()
    return plan
