"""The use cases of patients and their insurance plans: each checks the rules, calls the
repository, records who read or changed what, and returns what the route answers."""

from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit
from clinichub.config import Settings
from clinichub.db.repository import found
from clinichub.patients import repository, schemas
from clinichub.patients.errors import PATIENT_NOT_FOUND, dob_in_future
from clinichub.patients.rules import ARCHIVED_REASON, born_later
from clinichub.preconditions import check_if_match
from clinichub.schemas import PageParams, Pagination, SortOrder
from clinichub.vocabulary import AuditAction, AuditResource


def _check_dob(dob: date | None, settings: Settings) -> None:
    if born_later(dob, datetime.now(settings.timezone).date()):
        raise dob_in_future()


async def _require_patient(db: AsyncSession, patient_id: int) -> None:
    if not await repository.patient_exists(db, patient_id):
        raise PATIENT_NOT_FOUND.error()


async def list_patients(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    *,
    search: str | None,
    dob: date | None,
    email: str | None,
    ids: tuple[int, ...] | None = None,
    sort_by: schemas.PatientSortKey,
    order: SortOrder,
) -> schemas.PatientList:
    """One page of active patients; the search itself and each patient returned are audited."""
    audit.record_list(AuditResource.patient_list, search=search, dob=dob, email=email, ids=ids)
    patients, total = await repository.list_patients(
        db, paging, search=search, dob=dob, email=email, ids=ids, sort_by=sort_by, order=order
    )
    audit.record_many(
        AuditAction.read, AuditResource.patient, [(p.patient_id, p.patient_id) for p in patients]
    )
    return schemas.PatientList(
        patients=[schemas.PatientRead.model_validate(p) for p in patients],
        pagination=Pagination.of(paging, total),
    )


async def create_patient(
    db: AsyncSession, audit: Audit, settings: Settings, body: schemas.PatientCreate
) -> schemas.PatientCreated:
    event = audit.record(AuditAction.create, AuditResource.patient)
    _check_dob(body.dob, settings)
    patient = await repository.create_patient(db, body)
    event.resource_id = str(patient.patient_id)
    event.patient_id = patient.patient_id
    return schemas.PatientCreated(
        message="Patient created successfully", patient=schemas.PatientRead.model_validate(patient)
    )


async def get_patient(db: AsyncSession, audit: Audit, patient_id: int) -> schemas.PatientRead:
    """An active patient; its `version` is the ETag."""
    audit.record(AuditAction.read, AuditResource.patient, patient_id, patient_id=patient_id)
    patient = await repository.read_patient(db, patient_id)
    if patient is None:
        raise PATIENT_NOT_FOUND.error()
    return schemas.PatientRead.model_validate(patient)


async def update_patient(
    db: AsyncSession,
    audit: Audit,
    settings: Settings,
    patient_id: int,
    body: schemas.PatientUpdate,
    *,
    if_match: str | None,
) -> schemas.PatientUpdated:
    """The fields sent change; a patient changed since the `If-Match` version is a 412."""
    audit.record(AuditAction.update, AuditResource.patient, patient_id, patient_id=patient_id)
    _check_dob(body.dob, settings)
    patient = found(await repository.get_patient(db, patient_id, lock=True), PATIENT_NOT_FOUND)
    check_if_match(if_match, patient.version)
    patient = await repository.update_patient(db, patient, body.model_dump(exclude_unset=True))
    return schemas.PatientUpdated(
        message="Patient updated successfully", patient=schemas.PatientRead.model_validate(patient)
    )


async def archive_patient(
    db: AsyncSession, audit: Audit, patient_id: int
) -> schemas.PatientDeleted:
    """Archive the patient and cancel its appointments that have not started yet, in one
    transaction; each cancelled appointment is audited as an update."""
    audit.record(AuditAction.delete, AuditResource.patient, patient_id, patient_id=patient_id)
    if not await repository.archive_patient(db, patient_id):
        raise PATIENT_NOT_FOUND.error()
    cancelled = await repository.cancel_future_appointments(
        db, patient_id, now=datetime.now(UTC), reason=ARCHIVED_REASON
    )
    audit.record_many(
        AuditAction.update, AuditResource.appointment, [(a, patient_id) for a in cancelled]
    )
    return schemas.PatientDeleted(message="Patient deleted successfully", patient_id=patient_id)


async def get_plan(db: AsyncSession, audit: Audit, patient_id: int) -> schemas.PlanCurrent:
    """The active plan, or none."""
    audit.record(AuditAction.read, AuditResource.insurance_plan, patient_id=patient_id)
    await _require_patient(db, patient_id)
    plan = await repository.get_active_plan(db, patient_id)
    return schemas.PlanCurrent(plan=schemas.PlanRead.model_validate(plan) if plan else None)


async def save_plan(
    db: AsyncSession, audit: Audit, patient_id: int, body: schemas.PlanCreate
) -> schemas.PlanSaved:
    """The new plan becomes the single active one; the patient's row lock orders saves."""
    event = audit.record(AuditAction.create, AuditResource.insurance_plan, patient_id=patient_id)
    patient = found(await repository.get_patient(db, patient_id, lock=True), PATIENT_NOT_FOUND)
    plan = await repository.save_plan(db, patient, body)
    event.resource_id = str(plan.plan_id)
    return schemas.PlanSaved(message="Plan saved", plan=schemas.PlanRead.model_validate(plan))


async def list_plans(db: AsyncSession, audit: Audit, patient_id: int) -> schemas.PlanList:
    """Every plan the patient has had, newest first."""
    audit.record(AuditAction.read, AuditResource.insurance_plan, patient_id=patient_id)
    await _require_patient(db, patient_id)
    plans = await repository.list_plans(db, patient_id)
    return schemas.PlanList(plans=[schemas.PlanRead.model_validate(p) for p in plans])
