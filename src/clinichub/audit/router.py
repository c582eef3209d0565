"""The audit trail, for admins: events, a patient's access log, and the chain's verification."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from clinichub.audit import service
from clinichub.audit.schemas import (
    HEAD_PATTERN,
    AuditEventList,
    AuditHead,
    AuditVerification,
    EventFilters,
)
from clinichub.schemas import UtcDateTime, check_range, error_responses
from clinichub.vocabulary import AuditAction, AuditResource
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    DbSession,
    Paging,
    PathId,
    QueryId,
)

router = APIRouter(prefix="/api/audit", tags=["audit"])
# The access log is a view of a patient, so it lives with the patient's other paths.
access_log_router = APIRouter(prefix="/api/patients", tags=["patients"])


async def _filters(
    actor_user_id: QueryId = None,
    action: AuditAction | None = None,
    resource_type: AuditResource | None = None,
    request_id: Annotated[str | None, Query(max_length=128)] = None,
    occurred_from: UtcDateTime | None = None,
    occurred_to: UtcDateTime | None = None,
) -> EventFilters:
    check_range(occurred_from, occurred_to, names=("occurred_from", "occurred_to"))
    return EventFilters(
        actor_user_id=actor_user_id,
        action=action,
        resource_type=resource_type,
        request_id=request_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )


Filters = Annotated[EventFilters, Depends(_filters)]


@router.get(
    "/events",
    operation_id="audit_list_events",
    summary="List audit events",
    response_model=AuditEventList,
    responses=error_responses(400, 401, 403),
)
async def list_events(
    _: AdminUser,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    filters: Filters,
    patient_id: QueryId = None,
) -> AuditEventList:
    """Admins only. Newest first. Events hold identifiers, never the values of patient data.
    A range from `occurred_from` to `occurred_to` spans at most 366 days (400
    `invalid_range`); page through longer periods one range at a time."""
    return await service.list_events(db, audit, filters, paging, patient_id=patient_id)


@access_log_router.get(
    "/{patient_id}/access-log",
    operation_id="patients_access_log",
    summary="Who accessed a patient's data",
    response_model=AuditEventList,
    responses=error_responses(400, 401, 403, 404),
)
async def patient_access_log(
    patient_id: PathId,
    _: AdminUser,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    filters: Filters,
) -> AuditEventList:
    """Admins only. Every recorded read or change of this patient's data, newest first: an
    accounting of disclosures (HIPAA, 45 CFR 164.528). List reads appear once per patient
    they returned. Archived patients keep their log; an id no patient ever had is a 404."""
    return await service.access_log(db, audit, patient_id, filters, paging)


@router.get(
    "/head",
    operation_id="audit_head",
    summary="The audit trail's newest seal",
    response_model=AuditHead,
    responses=error_responses(401, 403, 404),
)
async def head(_: AdminUser, db: DbSession) -> AuditHead:
    """Admins only. The newest seal's id and hash. Keep it outside the database (each new seal
    is also written to the service's log) and pass it to `GET /api/audit/verify?head=` later:
    removing the newest seals together with their events is then detected. 404 while nothing
    is sealed yet."""
    return await service.head(db)


@router.get(
    "/verify",
    operation_id="audit_verify",
    summary="Verify the audit trail's hash chain",
    response_model=AuditVerification,
    responses=error_responses(400, 401, 403),
)
async def verify(
    _: AdminUser,
    db: DbSession,
    settings: AppSettings,
    head: Annotated[
        str | None,
        Query(
            pattern=HEAD_PATTERN,
            description="A head taken earlier from `GET /api/audit/head`, as `<seal_id>:<hash>`",
            examples=["42:" + "0" * 64],
        ),
    ] = None,
) -> AuditVerification:
    """Admins only. Recomputes every seal, under the audit key, from the events it covers.
    `valid: false` names the first broken seal: an event was altered, removed or inserted, or a
    seal was changed or made without the key. With `head`, that seal must still be in the chain
    with that hash."""
    return await service.verify(db, settings, head)
