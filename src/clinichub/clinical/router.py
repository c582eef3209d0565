"""Medical records (versioned, never overwritten) and vitals.

Receptionists have no access to clinical data: the HIPAA minimum-necessary standard
(45 CFR 164.502(b)) limits each role to what its work needs.
"""

from fastapi import APIRouter, Response

from clinichub.clinical import service
from clinichub.clinical.schemas import (
    MedicalRecordCreate,
    MedicalRecordCreated,
    MedicalRecordHistory,
    MedicalRecordList,
    MedicalRecordRead,
    MedicalRecordUpdate,
    MedicalRecordUpdated,
    VitalsCreate,
    VitalsCreated,
    VitalsList,
)
from clinichub.preconditions import ETAG_HEADER
from clinichub.schemas import error_responses
from clinichub.web.dependencies import (
    AppSettings,
    Audited,
    ClinicalStaff,
    Clinician,
    DbSession,
    IfMatch,
    Paging,
    PathId,
    QueryId,
)
from clinichub.web.etag import tagged
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

records_router = APIRouter(
    prefix="/api/medical-records", tags=["medical_records"], route_class=IdempotentRoute
)
vitals_router = APIRouter(prefix="/api/vitals", tags=["vitals"], route_class=IdempotentRoute)


@records_router.post(
    "",
    operation_id="medical_records_create",
    summary="Write a medical record",
    status_code=201,
    response_model=MedicalRecordCreated,
    responses=error_responses(400, 401, 403, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_record(
    body: MedicalRecordCreate,
    author: Clinician,
    audit: Audited,
    db: DbSession,
    settings: AppSettings,
    _key: Idempotent,
) -> MedicalRecordCreated:
    """Admins and doctors. The author is the caller. `appointment_id`, if given, must be a visit
    of the same patient (400 otherwise). `record_date` is today by default, and never after
    today in the clinic's time zone (400)."""
    return await service.create_record(db, audit, settings, body, author_user_id=author.user_id)


@records_router.get(
    "",
    operation_id="medical_records_list",
    summary="List medical records",
    response_model=MedicalRecordList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_records(
    _: ClinicalStaff,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    patient_id: QueryId = None,
    appointment_id: QueryId = None,
) -> MedicalRecordList:
    """Admins, doctors and nurses. Newest first (by record date). `appointment_id` gives the
    notes of one visit."""
    return await service.list_records(
        db, audit, paging, patient_id=patient_id, appointment_id=appointment_id
    )


@records_router.get(
    "/{medical_record_id}",
    operation_id="medical_records_get",
    summary="Get a medical record",
    response_model=MedicalRecordRead,
    responses=error_responses(400, 401, 403, 404) | ETAG_HEADER,
)
async def get_record(
    medical_record_id: PathId, _: ClinicalStaff, audit: Audited, db: DbSession, response: Response
) -> MedicalRecordRead:
    """Admins, doctors and nurses. The current version; the `ETag` header is its number, for
    `If-Match` on `PUT`."""
    return tagged(response, await service.get_record(db, audit, medical_record_id))


@records_router.put(
    "/{medical_record_id}",
    operation_id="medical_records_update",
    summary="Amend a medical record",
    response_model=MedicalRecordUpdated,
    responses=error_responses(400, 401, 403, 404, 412),
)
async def update_record(
    medical_record_id: PathId,
    body: MedicalRecordUpdate,
    caller: Clinician,
    audit: Audited,
    db: DbSession,
    if_match: IfMatch = None,
) -> MedicalRecordUpdated:
    """Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read."""
    return await service.amend_record(
        db,
        audit,
        medical_record_id,
        body,
        caller_user_id=caller.user_id,
        caller_role=caller.role,
        if_match=if_match,
    )


@records_router.get(
    "/{medical_record_id}/history",
    operation_id="medical_records_history",
    summary="Every version of a medical record",
    response_model=MedicalRecordHistory,
    responses=error_responses(400, 401, 403, 404),
)
async def record_history(
    medical_record_id: PathId, _: ClinicalStaff, audit: Audited, db: DbSession
) -> MedicalRecordHistory:
    """Admins, doctors and nurses. Oldest first, each with who wrote it and when."""
    return await service.record_history(db, audit, medical_record_id)


@vitals_router.post(
    "",
    operation_id="vitals_create",
    summary="Record vitals",
    status_code=201,
    response_model=VitalsCreated,
    responses=error_responses(400, 401, 403, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_vitals(
    body: VitalsCreate, caller: ClinicalStaff, audit: Audited, db: DbSession, _key: Idempotent
) -> VitalsCreated:
    """Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client."""
    return await service.create_vitals(db, audit, body, recorded_by_user_id=caller.user_id)


@vitals_router.get(
    "",
    operation_id="vitals_list",
    summary="List vitals",
    response_model=VitalsList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_vitals(
    _: ClinicalStaff,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    patient_id: QueryId = None,
    appointment_id: QueryId = None,
) -> VitalsList:
    """Admins, doctors and nurses. Newest first. `appointment_id` gives the vitals of one
    visit."""
    return await service.list_vitals(
        db, audit, paging, patient_id=patient_id, appointment_id=appointment_id
    )
