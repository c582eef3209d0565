"""The use cases of the audit trail: its events, a patient's access log, the chain's head and
its verification. Reading the trail is itself recorded."""

import dataclasses

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit import repository
from clinichub.audit.context import Audit
from clinichub.audit.errors import AUDIT_HEAD_MISSING, NO_PATIENT_ON_RECORD
from clinichub.audit.rules import ChainCheck, Verification, parse_head
from clinichub.audit.schemas import (
    AuditEventList,
    AuditEventRead,
    AuditHead,
    AuditVerification,
    EventFilters,
)
from clinichub.config import Settings
from clinichub.schemas import PageParams, Pagination
from clinichub.vocabulary import AuditAction, AuditResource


async def _page(db: AsyncSession, filters: EventFilters, paging: PageParams) -> AuditEventList:
    events, total = await repository.list_events(db, filters, paging)
    return AuditEventList(
        events=[AuditEventRead.model_validate(event) for event in events],
        pagination=Pagination.of(paging, total),
    )


async def list_events(
    db: AsyncSession,
    audit: Audit,
    filters: EventFilters,
    paging: PageParams,
    *,
    patient_id: int | None,
) -> AuditEventList:
    """Newest first; a list filtered by patient is an export of its access log (audited)."""
    if patient_id is not None:
        audit.record(
            AuditAction.export, AuditResource.access_log, patient_id, patient_id=patient_id
        )
    return await _page(db, dataclasses.replace(filters, patient_id=patient_id), paging)


async def access_log(
    db: AsyncSession, audit: Audit, patient_id: int, filters: EventFilters, paging: PageParams
) -> AuditEventList:
    """Every recorded read or change of a patient's data, archived or not; an id no patient
    ever had is a 404."""
    audit.record(AuditAction.export, AuditResource.access_log, patient_id, patient_id=patient_id)
    if not await repository.patient_on_record(db, patient_id):
        raise NO_PATIENT_ON_RECORD.error()
    return await _page(db, dataclasses.replace(filters, patient_id=patient_id), paging)


async def head(db: AsyncSession) -> AuditHead:
    """The newest seal; 404 while nothing is sealed."""
    seal = await repository.latest_seal(db)
    if seal is None:
        raise AUDIT_HEAD_MISSING.error()
    return AuditHead.model_validate(seal)


async def verify(db: AsyncSession, settings: Settings, head: str | None) -> AuditVerification:
    """Recompute every seal from its events, in order, up to the first broken one; with `head`,
    that seal must still be in the chain."""
    check = ChainCheck(settings.require_audit_key(), None if head is None else parse_head(head))
    verdict: Verification | None = None
    for seal in await repository.seals(db):
        events = await repository.events_between(db, seal.first_event_id, seal.last_event_id)
        verdict = check.add(seal, events)
        if verdict is not None:
            break
    return AuditVerification(**dataclasses.asdict(verdict or check.verdict()))
