"""Writing, reading and sealing audit events, and reading the seals that verification checks."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.rules import GENESIS_HASH, EventRecord, seal_hash
from clinichub.audit.schemas import EventFilters
from clinichub.db.base import table_of
from clinichub.db.repository import page_of_entities
from clinichub.models import AuditEvent, AuditSeal, Patient
from clinichub.schemas import PageParams
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource

# A Core INSERT on the table, built once: no ORM bulk machinery, and nothing read back (inline:
# not even the new id).
_INSERT_EVENTS = insert(table_of(AuditEvent)).inline()

# Sealing takes a transaction-level advisory lock under this key, so one process seals at a time.
SEAL_LOCK_KEY = 0x0C11_41C4_A0D1


@dataclass(frozen=True)
class Origin:
    """Where a request came from, as recorded with its events."""

    request_id: str | None
    ip: str | None
    user_agent: str | None


def event_values(
    origin: Origin,
    *,
    action: AuditAction,
    resource_type: AuditResource,
    outcome: AuditOutcome = AuditOutcome.success,
    actor_user_id: int | None = None,
    actor_role: str | None = None,
    resource_id: object = None,
    patient_id: int | None = None,
) -> dict[str, object]:
    """The columns of one event, for insert_events."""
    return {
        "action": action,
        "resource_type": resource_type,
        "outcome": outcome,
        "actor_user_id": actor_user_id,
        "actor_role": actor_role,
        "resource_id": None if resource_id is None else str(resource_id),
        "patient_id": patient_id,
        "request_id": origin.request_id,
        "ip": origin.ip,
        "user_agent": origin.user_agent,
    }


async def insert_events(db: AsyncSession, events: Sequence[dict[str, object]]) -> None:
    """Write events in one statement, without ORM objects or reading anything back: a list
    read records one event per patient, on the hottest paths of the API."""
    await db.execute(_INSERT_EVENTS, list(events))


def _conditions(filters: EventFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (AuditEvent.actor_user_id, filters.actor_user_id),
        (AuditEvent.patient_id, filters.patient_id),
        (AuditEvent.action, filters.action),
        (AuditEvent.resource_type, filters.resource_type),
        (AuditEvent.request_id, filters.request_id),
    ):
        if value is not None:
            conditions.append(column == value)
    if filters.occurred_from is not None:
        conditions.append(AuditEvent.occurred_at >= filters.occurred_from)
    if filters.occurred_to is not None:
        conditions.append(AuditEvent.occurred_at <= filters.occurred_to)
    return conditions


async def list_events(
    db: AsyncSession, filters: EventFilters, page: PageParams
) -> tuple[Sequence[AuditEvent], int]:
    """Newest first."""
    return await page_of_entities(
        db,
        select(AuditEvent).order_by(AuditEvent.event_id.desc()),
        page,
        count_from=AuditEvent,
        conditions=_conditions(filters),
    )


_patients = table_of(Patient)
_PATIENT_ON_RECORD = select(_patients.c.patient_id).where(
    _patients.c.patient_id == bindparam("patient_id")
)


async def patient_on_record(db: AsyncSession, patient_id: int) -> bool:
    """Whether a patient ever had this id, archived or not (the accounting of disclosures
    outlives the record)."""
    return await db.scalar(_PATIENT_ON_RECORD, {"patient_id": patient_id}) is not None


# What the seals hash of each event, as a Core statement built once: sealing reads every event
# the service writes (one per patient a list returns), so it must cost little per event.
_events = table_of(AuditEvent)
_EVENTS_BETWEEN = (
    select(*(_events.c[name] for name in EventRecord.__dataclass_fields__))
    .where(_events.c.event_id.between(bindparam("first"), bindparam("last")))
    .order_by(_events.c.event_id)
)


async def events_between(db: AsyncSession, first: int, last: int) -> list[EventRecord]:
    """The events from `first` to `last`, in the form the seals hash."""
    rows = await db.execute(_EVENTS_BETWEEN, {"first": first, "last": last})
    return [
        EventRecord(
            **{
                **row._mapping,
                "action": str(row.action),
                "outcome": str(row.outcome),
                "ip": None if row.ip is None else str(row.ip),
            }
        )
        for row in rows
    ]


async def seal_pending(
    db: AsyncSession, key: bytes, *, grace: timedelta, batch_size: int = 5000
) -> AuditSeal | None:
    """Seal the next batch of events that no seal covers yet; returns the new seal, if any.

    The batch ends at the newest event older than the grace period, and covers every event up
    to it: a request's transaction is far shorter than the grace period (the service ends idle
    transactions), so no event with a smaller id can still commit into the sealed range.
    Returns None without waiting when another process holds the sealing lock.
    """
    if not await db.scalar(select(func.pg_try_advisory_xact_lock(SEAL_LOCK_KEY))):
        return None
    last = await latest_seal(db)
    after = last.last_event_id if last else 0
    settled = (
        select(AuditEvent.event_id)
        .where(
            AuditEvent.event_id > after,
            AuditEvent.occurred_at < func.clock_timestamp() - grace,
        )
        .order_by(AuditEvent.event_id)
        .limit(batch_size)
        .subquery()
    )
    end = await db.scalar(select(func.max(settled.c.event_id)))
    if end is None:
        return None
    events = await events_between(db, after + 1, end)
    previous_hash = last.hash if last else GENESIS_HASH
    seal = AuditSeal(
        first_event_id=after + 1,
        last_event_id=events[-1].event_id,
        event_count=len(events),
        previous_hash=previous_hash,
        hash=seal_hash(key, previous_hash, events),
    )
    db.add(seal)
    await db.flush()
    return seal


async def latest_seal(db: AsyncSession) -> AuditSeal | None:
    """The chain's head: the newest seal."""
    seal: AuditSeal | None = await db.scalar(
        select(AuditSeal).order_by(AuditSeal.seal_id.desc()).limit(1)
    )
    return seal


async def seals(db: AsyncSession) -> Sequence[AuditSeal]:
    """The whole chain, oldest seal first."""
    return (await db.scalars(select(AuditSeal).order_by(AuditSeal.seal_id))).all()
