"""Medical records (versioned, never overwritten) and vitals.

Receptionists have no access to clinical data: the HIPAA minimum-necessary standard
(45 CFR 164.502(b)) limits each role to what its work needs.
"""

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from clinichub.clinical import repository
from clinichub.clinical.rules import bmi, bmi_category, parse_blood_pressure
from clinichub.clinical.schemas import (
    MedicalRecordCreate,
    MedicalRecordCreated,
    MedicalRecordHistory,
    MedicalRecordList,
    MedicalRecordRead,
    MedicalRecordUpdate,
    MedicalRecordUpdated,
    MedicalRecordVersionRead,
    VitalsCreate,
    VitalsCreated,
    VitalsList,
    VitalsRead,
)
from clinichub.errors import BadRequest, Forbidden, NotFound
from clinichub.models import MedicalRecord, MedicalRecordVersion, Vitals
from clinichub.patients.repository import patient_exists
from clinichub.preconditions import ETAG_HEADER, check_if_match, etag
from clinichub.schemas import Pagination, error_responses, out_of_bounds
from clinichub.vocabulary import AuditAction, Role
from clinichub.web.dependencies import (
    Audited,
    DbSession,
    IfMatch,
    Paging,
    PathId,
    Principal,
    QueryId,
    require_roles,
)
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

records_router = APIRouter(
    prefix="/api/medical-records", tags=["medical_records"], route_class=IdempotentRoute
)
vitals_router = APIRouter(prefix="/api/vitals", tags=["vitals"], route_class=IdempotentRoute)

Author = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor))]
Clinician = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor, Role.nurse))]


async def _require_patient(db: DbSession, patient_id: int) -> None:
    if not await patient_exists(db, patient_id):
        raise NotFound("Patient not found")


async def _require_listed_patient(db: DbSession, patient_id: int | None) -> None:
    """A list filtered by an unknown or archived patient is a 404 (the list's own audit event,
    which names the patient, records it as a failed read)."""
    if patient_id is not None and not await patient_exists(db, patient_id):
        raise NotFound("Patient not found")


async def _check_appointment(db: DbSession, appointment_id: int | None, patient_id: int) -> None:
    if appointment_id is None:
        return
    owner = await repository.appointment_patient_id(db, appointment_id)
    if owner is None:
        raise NotFound("Appointment not found")
    if owner != patient_id:
        raise BadRequest(
            "The appointment belongs to another patient",
            code="appointment_patient_mismatch",
            details=[{"field": "appointment_id", "message": "belongs to another patient"}],
        )


def _read(record: MedicalRecord, content: MedicalRecordVersion) -> MedicalRecordRead:
    return MedicalRecordRead(
        medical_record_id=record.medical_record_id,
        patient_id=record.patient_id,
        appointment_id=record.appointment_id,
        provider_user_id=record.provider_user_id,
        record_date=record.record_date,
        diagnosis=content.diagnosis,
        icd10_codes=content.icd10_codes,
        treatment_plan=content.treatment_plan,
        notes=content.notes,
        version=content.version,
        created_at=record.created_at,
        updated_at=content.changed_at,
        updated_by_user_id=content.changed_by_user_id,
    )


def _today(request: Request) -> datetime:
    return datetime.now(request.app.state.settings.timezone)


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
    author: Author,
    audit: Audited,
    db: DbSession,
    request: Request,
    _key: Idempotent,
) -> MedicalRecordCreated:
    """Admins and doctors. The author is the caller. `appointment_id`, if given, must be a visit
    of the same patient (400 otherwise). `record_date` is today by default, and never after
    today in the clinic's time zone (400)."""
    event = audit.record(AuditAction.create, "medical_record", patient_id=body.patient_id)
    today = _today(request).date()
    if body.record_date is not None and body.record_date > today:
        raise out_of_bounds("record_date", "must not be in the future")
    await _require_patient(db, body.patient_id)
    await _check_appointment(db, body.appointment_id, body.patient_id)
    record, content = await repository.add_record(
        db,
        MedicalRecord(
            patient_id=body.patient_id,
            appointment_id=body.appointment_id,
            provider_user_id=author.user_id,
            record_date=body.record_date or today,
        ),
        MedicalRecordVersion(
            diagnosis=body.diagnosis,
            icd10_codes=body.icd10_codes,
            treatment_plan=body.treatment_plan,
            notes=body.notes,
            changed_by_user_id=author.user_id,
        ),
    )
    event.resource_id = record.medical_record_id
    return MedicalRecordCreated(
        message="Medical record created successfully", record=_read(record, content)
    )


@records_router.get(
    "",
    operation_id="medical_records_list",
    summary="List medical records",
    response_model=MedicalRecordList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_records(
    _: Clinician, audit: Audited, db: DbSession, paging: Paging, patient_id: QueryId = None
) -> MedicalRecordList:
    """Admins, doctors and nurses. Newest first (by record date)."""
    audit.record_list("medical_record", patient_id=patient_id)
    await _require_listed_patient(db, patient_id)
    rows, total = await repository.list_records(db, paging, patient_id=patient_id)
    audit.record_many(
        AuditAction.read,
        "medical_record",
        [(record.medical_record_id, record.patient_id) for record, _ in rows],
    )
    return MedicalRecordList(
        records=[_read(*row) for row in rows], pagination=Pagination.of(paging, total)
    )


async def _get_or_404(
    db: DbSession, record_id: int, *, for_update: bool = False
) -> repository.RecordRow:
    row = await repository.get_record(db, record_id, for_update=for_update)
    if row is None:
        raise NotFound("Medical record not found")
    return row


@records_router.get(
    "/{medical_record_id}",
    operation_id="medical_records_get",
    summary="Get a medical record",
    response_model=MedicalRecordRead,
    responses=error_responses(400, 401, 403, 404) | ETAG_HEADER,
)
async def get_record(
    medical_record_id: PathId, _: Clinician, audit: Audited, db: DbSession, response: Response
) -> MedicalRecordRead:
    """Admins, doctors and nurses. The current version; the `ETag` header is its number, for
    `If-Match` on `PUT`."""
    event = audit.record(AuditAction.read, "medical_record", medical_record_id)
    record, content = await _get_or_404(db, medical_record_id)
    event.patient_id = record.patient_id
    response.headers["ETag"] = etag(record.version)
    return _read(record, content)


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
    caller: Author,
    audit: Audited,
    db: DbSession,
    if_match: IfMatch = None,
) -> MedicalRecordUpdated:
    """Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read."""
    event = audit.record(AuditAction.update, "medical_record", medical_record_id)
    record, current = await _get_or_404(db, medical_record_id, for_update=True)
    event.patient_id = record.patient_id
    if caller.role != Role.admin and caller.user_id != record.provider_user_id:
        audit.deny()
        raise Forbidden("Only the author or an admin may amend a medical record")
    check_if_match(if_match, record.version)
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise BadRequest("Nothing to update: send at least one field", code="empty_update")
    content = await repository.add_version(
        db,
        record,
        MedicalRecordVersion(
            diagnosis=changes.get("diagnosis", current.diagnosis),
            icd10_codes=changes.get("icd10_codes", current.icd10_codes),
            treatment_plan=changes.get("treatment_plan", current.treatment_plan),
            notes=changes.get("notes", current.notes),
            changed_by_user_id=caller.user_id,
        ),
    )
    return MedicalRecordUpdated(
        message="Medical record updated successfully", record=_read(record, content)
    )


@records_router.get(
    "/{medical_record_id}/history",
    operation_id="medical_records_history",
    summary="Every version of a medical record",
    response_model=MedicalRecordHistory,
    responses=error_responses(400, 401, 403, 404),
)
async def record_history(
    medical_record_id: PathId, _: Clinician, audit: Audited, db: DbSession
) -> MedicalRecordHistory:
    """Admins, doctors and nurses. Oldest first, each with who wrote it and when."""
    event = audit.record(AuditAction.read, "medical_record_history", medical_record_id)
    record, _current = await _get_or_404(db, medical_record_id)
    event.patient_id = record.patient_id
    return MedicalRecordHistory(
        medical_record_id=medical_record_id,
        versions=[
            MedicalRecordVersionRead.model_validate(version)
            for version in await repository.versions(db, medical_record_id)
        ],
    )


def _decimal(value: float | None) -> Decimal | None:
    # Through str: the decimal the client wrote, not the binary float's expansion.
    return None if value is None else Decimal(str(value))


@vitals_router.post(
    "",
    operation_id="vitals_create",
    summary="Record vitals",
    status_code=201,
    response_model=VitalsCreated,
    responses=error_responses(400, 401, 403, 404, 409) | IDEMPOTENT_RESPONSE,
)
async def create_vitals(
    body: VitalsCreate, caller: Clinician, audit: Audited, db: DbSession, _key: Idempotent
) -> VitalsCreated:
    """Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client."""
    event = audit.record(AuditAction.create, "vitals", patient_id=body.patient_id)
    if not body.has_measurement():
        raise BadRequest("At least one measurement is required", code="no_measurement")
    await _require_patient(db, body.patient_id)
    await _check_appointment(db, body.appointment_id, body.patient_id)
    systolic = diastolic = None
    if body.blood_pressure is not None:
        systolic, diastolic = parse_blood_pressure(body.blood_pressure)
    height, weight = _decimal(body.height_m), _decimal(body.weight_kg)
    index = bmi(height, weight) if height and weight else None
    vitals = await repository.add_vitals(
        db,
        Vitals(
            patient_id=body.patient_id,
            appointment_id=body.appointment_id,
            recorded_by_user_id=caller.user_id,
            height_m=height,
            weight_kg=weight,
            systolic=systolic,
            diastolic=diastolic,
            temperature_c=_decimal(body.temperature_c),
            pulse_bpm=body.pulse_bpm,
            respiratory_rate=body.respiratory_rate,
            o2_saturation=body.o2_saturation,
            pain_level=body.pain_level,
            bmi=index,
            bmi_category=None if index is None else bmi_category(index),
        ),
    )
    event.resource_id = vitals.vitals_id
    return VitalsCreated(
        message="Vitals recorded successfully", vitals=VitalsRead.model_validate(vitals)
    )


@vitals_router.get(
    "",
    operation_id="vitals_list",
    summary="List vitals",
    response_model=VitalsList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_vitals(
    _: Clinician, audit: Audited, db: DbSession, paging: Paging, patient_id: QueryId = None
) -> VitalsList:
    """Admins, doctors and nurses. Newest first."""
    audit.record_list("vitals", patient_id=patient_id)
    await _require_listed_patient(db, patient_id)
    rows, total = await repository.list_vitals(db, paging, patient_id=patient_id)
    audit.record_many(AuditAction.read, "vitals", [(v.vitals_id, v.patient_id) for v in rows])
    return VitalsList(
        vitals=[VitalsRead.model_validate(v) for v in rows], pagination=Pagination.of(paging, total)
    )
