"""Writing, reading, sealing and verifying audit events."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.rules import GENESIS_HASH, EventRecord, seal_hash
from clinichub.db.base import table_of
from clinichub.models import AuditEvent, AuditSeal
from clinichub.schemas import PageParams
from clinichub.vocabulary import AuditAction, AuditOutcome

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


def new_event(
    origin: Origin,
    *,
    action: AuditAction,
    resource_type: str,
    outcome: AuditOutcome = AuditOutcome.success,
    actor_user_id: int | None = None,
    actor_role: str | None = None,
    resource_id: object = None,
    patient_id: int | None = None,
) -> AuditEvent:
    return AuditEvent(
        **event_values(
            origin,
            action=action,
            resource_type=resource_type,
            outcome=outcome,
            actor_user_id=actor_user_id,
            actor_role=actor_role,
            resource_id=resource_id,
            patient_id=patient_id,
        )
    )


def event_values(
    origin: Origin,
    *,
    action: AuditAction,
    resource_type: str,
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


@dataclass(frozen=True)
class EventFilters:
    actor_user_id: int | None = None
    patient_id: int | None = None
    action: AuditAction | None = None
    resource_type: str | None = None
    request_id: str | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        for column, value in (
            (AuditEvent.actor_user_id, self.actor_user_id),
            (AuditEvent.patient_id, self.patient_id),
            (AuditEvent.action, self.action),
            (AuditEvent.resource_type, self.resource_type),
            (AuditEvent.request_id, self.request_id),
        ):
            if value is not None:
                conditions.append(column == value)
        if self.occurred_from is not None:
            conditions.append(AuditEvent.occurred_at >= self.occurred_from)
        if self.occurred_to is not None:
            conditions.append(AuditEvent.occurred_at <= self.occurred_to)
        return conditions


async def list_events(
    db: AsyncSession, filters: EventFilters, page: PageParams
) -> tuple[Sequence[AuditEvent], int]:
    conditions = filters.conditions()
    total = await db.scalar(select(func.count()).select_from(AuditEvent).where(*conditions)) or 0
    events = await db.scalars(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.event_id.desc())
        .offset(page.offset)
        .limit(page.per_page)
    )
    return events.all(), total


def _record(event: AuditEvent) -> EventRecord:
    return EventRecord(
        event_id=event.event_id,
        occurred_at=event.occurred_at,
        actor_user_id=event.actor_user_id,
        actor_role=event.actor_role,
        action=str(event.action),
        resource_type=event.resource_type,
        resource_id=event.resource_id,
        patient_id=event.patient_id,
        outcome=str(event.outcome),
        request_id=event.request_id,
        ip=None if event.ip is None else str(event.ip),
        user_agent=event.user_agent,
    )


async def _events_between(db: AsyncSession, first: int, last: int) -> list[EventRecord]:
    rows = await db.scalars(
        select(AuditEvent)
        .where(AuditEvent.event_id.between(first, last))
        .order_by(AuditEvent.event_id)
        .execution_options(populate_existing=True)
    )
    return [_record(event) for event in rows]


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
    events = await _events_between(db, after + 1, end)
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


@dataclass(frozen=True)
class Verification:
    valid: bool
    events_checked: int
    seals_checked: int
    broken_seal_id: int | None = None
    reason: str | None = None


async def verify_chain(
    db: AsyncSession, key: bytes, *, head: tuple[int, str] | None = None
) -> Verification:
    """Recompute every seal from the events it covers, and every link between seals. With `head`
    (a seal's id and hash taken earlier, kept outside the database), the chain must still hold
    that seal: removing the newest seals together with their events is detected against it."""
    seals = await db.scalars(select(AuditSeal).order_by(AuditSeal.seal_id))
    previous_hash = GENESIS_HASH
    expected_first = 1
    events_checked = 0
    seals_checked = 0
    head_found = False
    for seal in seals:
        events = await _events_between(db, seal.first_event_id, seal.last_event_id)
        events_checked += len(events)
        reason = None
        if seal.previous_hash != previous_hash or seal.first_event_id != expected_first:
            reason = "The seal does not link to the previous seal"
        elif len(events) != seal.event_count:
            reason = "Events were added to or removed from the sealed range"
        elif seal_hash(key, previous_hash, events) != seal.hash:
            reason = (
                "An event in the sealed range was altered, or the seal was not made with this key"
            )
        if reason:
            return Verification(False, events_checked, seals_checked, seal.seal_id, reason)
        seals_checked += 1
        previous_hash = seal.hash
        expected_first = seal.last_event_id + 1
        head_found = head_found or (head is not None and head == (seal.seal_id, seal.hash))
    if head is not None and not head_found:
        reason = "The anchored head is no longer in the chain: seals were removed or replaced"
        return Verification(False, events_checked, seals_checked, head[0], reason)
    return Verification(True, events_checked, seals_checked)
