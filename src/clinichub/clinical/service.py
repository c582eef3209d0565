"""The use cases of medical records and vitals: each checks the rules, calls the repositories,
records who read or wrote what, and returns what the route answers."""

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit
from clinichub.clinical import repository, schemas
from clinichub.clinical.errors import (
    APPOINTMENT_NOT_FOUND,
    EMPTY_UPDATE,
    MEDICAL_RECORD_NOT_FOUND,
    NO_MEASUREMENT,
    NOT_THE_AUTHOR,
    appointment_of_another_patient,
    record_date_in_future,
)
from clinichub.clinical.rules import (
    as_decimal,
    bmi,
    bmi_category,
    dated_later,
    may_amend,
    parse_blood_pressure,
)
from clinichub.config import Settings
from clinichub.patients.errors import PATIENT_NOT_FOUND
from clinichub.patients.repository import patient_exists
from clinichub.preconditions import check_if_match
from clinichub.schemas import PageParams, Pagination
from clinichub.vocabulary import AuditAction, AuditResource, Role


async def _require_patient(db: AsyncSession, patient_id: int | None) -> None:
    """A patient on file; a list filtered by an unknown or archived patient is a 404 too (the
    list's own audit event, which names the patient, records it as a failed read)."""
    if patient_id is not None and not await patient_exists(db, patient_id):
        raise PATIENT_NOT_FOUND.error()


async def _listing(
    db: AsyncSession,
    audit: Audit,
    resource_type: AuditResource,
    patient_id: int | None,
    appointment_id: int | None,
) -> None:
    """Record a list request, then check the patient it is filtered by."""
    audit.record_list(resource_type, patient_id=patient_id, appointment_id=appointment_id)
    await _require_patient(db, patient_id)


async def _check_appointment(db: AsyncSession, appointment_id: int | None, patient_id: int) -> None:
    """A record or vitals may name a visit: of the same patient."""
    if appointment_id is None:
        return
    owner = await repository.appointment_patient_id(db, appointment_id)
    if owner is None:
        raise APPOINTMENT_NOT_FOUND.error()
    if owner != patient_id:
        raise appointment_of_another_patient()


async def _get_or_404(
    db: AsyncSession, record_id: int, *, for_update: bool = False
) -> repository.RecordRow:
    row = await repository.get_record(db, record_id, for_update=for_update)
    if row is None:
        raise MEDICAL_RECORD_NOT_FOUND.error()
    return row


def _read(row: repository.RecordRow) -> schemas.MedicalRecordRead:
    record, content = row
    return schemas.MedicalRecordRead(
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


# --- Medical records --------------------------------------------------------------------------


async def create_record(
    db: AsyncSession,
    audit: Audit,
    settings: Settings,
    body: schemas.MedicalRecordCreate,
    *,
    author_user_id: int,
) -> schemas.MedicalRecordCreated:
    """A record written by the caller, dated today (in the clinic's time zone) by default."""
    event = audit.record(
        AuditAction.create, AuditResource.medical_record, patient_id=body.patient_id
    )
    today = datetime.now(settings.timezone).date()
    if dated_later(body.record_date, today):
        raise record_date_in_future()
    await _require_patient(db, body.patient_id)
    await _check_appointment(db, body.appointment_id, body.patient_id)
    row = await repository.add_record(
        db, body, author_user_id=author_user_id, record_date=body.record_date or today
    )
    event.resource_id = row[0].medical_record_id
    return schemas.MedicalRecordCreated(
        message="Medical record created successfully", record=_read(row)
    )


async def list_records(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    *,
    patient_id: int | None,
    appointment_id: int | None,
) -> schemas.MedicalRecordList:
    """Newest first (by record date); the list and each record returned are audited."""
    await _listing(db, audit, AuditResource.medical_record_list, patient_id, appointment_id)
    rows, total = await repository.list_records(
        db, paging, patient_id=patient_id, appointment_id=appointment_id
    )
    audit.record_many(
        AuditAction.read,
        AuditResource.medical_record,
        [(record.medical_record_id, record.patient_id) for record, _ in rows],
    )
    return schemas.MedicalRecordList(
        records=[_read(row) for row in rows], pagination=Pagination.of(paging, total)
    )


async def get_record(db: AsyncSession, audit: Audit, record_id: int) -> schemas.MedicalRecordRead:
    """The current version; its `version` is the ETag."""
    event = audit.record(AuditAction.read, AuditResource.medical_record, record_id)
    row = await _get_or_404(db, record_id)
    event.patient_id = row[0].patient_id
    return _read(row)


async def amend_record(
    db: AsyncSession,
    audit: Audit,
    record_id: int,
    body: schemas.MedicalRecordUpdate,
    *,
    caller_user_id: int,
    caller_role: Role,
    if_match: str | None,
) -> schemas.MedicalRecordUpdated:
    """The fields sent, merged with the current version, become a new version. Only the author
    or an admin amends (a refusal is audited as denied); with `If-Match`, only the version
    read."""
    event = audit.record(AuditAction.update, AuditResource.medical_record, record_id)
    row = await _get_or_404(db, record_id, for_update=True)
    record = row[0]
    event.patient_id = record.patient_id
    if not may_amend(caller_role, caller_user_id, record.provider_user_id):
        audit.deny()
        raise NOT_THE_AUTHOR.error()
    check_if_match(if_match, record.version)
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise EMPTY_UPDATE.error()
    content = await repository.add_version(db, row, changes, author_user_id=caller_user_id)
    return schemas.MedicalRecordUpdated(
        message="Medical record updated successfully", record=_read((record, content))
    )


async def record_history(
    db: AsyncSession, audit: Audit, record_id: int
) -> schemas.MedicalRecordHistory:
    """Every version, oldest first."""
    event = audit.record(AuditAction.read, AuditResource.medical_record_history, record_id)
    record, _current = await _get_or_404(db, record_id)
    event.patient_id = record.patient_id
    return schemas.MedicalRecordHistory(
        medical_record_id=record_id,
        versions=[
            schemas.MedicalRecordVersionRead.model_validate(version)
            for version in await repository.versions(db, record_id)
        ],
    )


# --- Vitals -----------------------------------------------------------------------------------


def vitals_values(body: schemas.VitalsCreate, recorded_by_user_id: int) -> dict[str, Any]:
    """The columns of a set of vitals: blood pressure split, decimals as written, the BMI
    computed from height and weight (never taken from the client)."""
    systolic = diastolic = None
    if body.blood_pressure is not None:
        systolic, diastolic = parse_blood_pressure(body.blood_pressure)
    height, weight = as_decimal(body.height_m), as_decimal(body.weight_kg)
    index = bmi(height, weight) if height and weight else None
    return {
        "patient_id": body.patient_id,
        "appointment_id": body.appointment_id,
        "recorded_by_user_id": recorded_by_user_id,
        "height_m": height,
        "weight_kg": weight,
        "systolic": systolic,
        "diastolic": diastolic,
        "temperature_c": as_decimal(body.temperature_c),
        "pulse_bpm": body.pulse_bpm,
        "respiratory_rate": body.respiratory_rate,
        "o2_saturation": body.o2_saturation,
        "pain_level": body.pain_level,
        "bmi": index,
        "bmi_category": None if index is None else bmi_category(index),
    }


async def create_vitals(
    db: AsyncSession, audit: Audit, body: schemas.VitalsCreate, *, recorded_by_user_id: int
) -> schemas.VitalsCreated:
    """At least one measurement, of a patient on file (and of its visit, if one is named)."""
    event = audit.record(AuditAction.create, AuditResource.vitals, patient_id=body.patient_id)
    if not body.has_measurement():
        raise NO_MEASUREMENT.error()
    await _require_patient(db, body.patient_id)
    await _check_appointment(db, body.appointment_id, body.patient_id)
    vitals = await repository.add_vitals(db, vitals_values(body, recorded_by_user_id))
    event.resource_id = vitals.vitals_id
    return schemas.VitalsCreated(
        message="Vitals recorded successfully", vitals=schemas.VitalsRead.model_validate(vitals)
    )


async def list_vitals(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    *,
    patient_id: int | None,
    appointment_id: int | None,
) -> schemas.VitalsList:
    """Newest first; the list and each set returned are audited."""
    await _listing(db, audit, AuditResource.vitals_list, patient_id, appointment_id)
    rows, total = await repository.list_vitals(
        db, paging, patient_id=patient_id, appointment_id=appointment_id
    )
    audit.record_many(
        AuditAction.read, AuditResource.vitals, [(v.vitals_id, v.patient_id) for v in rows]
    )
    return schemas.VitalsList(
        vitals=[schemas.VitalsRead.model_validate(v) for v in rows],
        pagination=Pagination.of(paging, total),
    )
