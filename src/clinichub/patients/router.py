"""Patients (the electronic health record's core) and their insurance coverage."""

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from clinichub.config import Settings
from clinichub.errors import BadRequest, NotFound
from clinichub.models import Patient
from clinichub.patients import repository
from clinichub.patients.schemas import (
    Email,
    PatientCreate,
    PatientCreated,
    PatientDeleted,
    PatientList,
    PatientRead,
    PatientSortKey,
    PatientUpdate,
    PatientUpdated,
    PlanCreate,
    PlanCurrent,
    PlanList,
    PlanRead,
    PlanSaved,
)
from clinichub.preconditions import ETAG_HEADER, check_if_match, etag
from clinichub.scheduling.repository import cancel_future_appointments
from clinichub.schemas import IsoDate, Pagination, SortOrder, error_responses
from clinichub.vocabulary import AuditAction, Role
from clinichub.web.dependencies import (
    AdminUser,
    Audited,
    DbSession,
    IfMatch,
    Paging,
    PathId,
    Principal,
    require_roles,
)
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(prefix="/api/patients", tags=["patients"], route_class=IdempotentRoute)

ClinicalStaff = Annotated[Principal, Depends(require_roles(Role.admin, Role.doctor, Role.nurse))]
FrontDesk = Annotated[Principal, Depends(require_roles(Role.admin, Role.receptionist))]

# The cancellation reason of the appointments that archiving a patient cancels.
ARCHIVED_REASON = "patient archived"


async def _clinic_today(request: Request) -> date:
    settings: Settings = request.app.state.settings
    return datetime.now(settings.timezone).date()


ClinicToday = Annotated[date, Depends(_clinic_today)]


def _check_not_born_later(dob: date | None, today: date) -> None:
    """A birth date after today, in the clinic's time zone, is a typo."""
    if dob is not None and dob > today:
        message = "must not be in the future"
        raise BadRequest(
            f"Invalid value for dob: {message}", details=[{"field": "dob", "message": message}]
        )


async def _get_or_404(db: DbSession, patient_id: int, *, lock: bool = False) -> Patient:
    patient = await repository.get_patient(db, patient_id, lock=lock)
    if patient is None:
        raise NotFound("Patient not found")
    return patient


@router.get(
    "",
    operation_id="patients_list",
    summary="List and search patients",
    response_model=PatientList,
    responses=error_responses(400, 401),
)
async def list_patients(
    audit: Audited,
    db: DbSession,
    paging: Paging,
    search: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words, each matched as a substring of first name, last name, email or "
            "phone; all must match, in any order. Case and accents are ignored.",
        ),
    ] = None,
    sort_by: PatientSortKey = PatientSortKey.last_name,
    order: SortOrder = SortOrder.asc,
    dob: Annotated[IsoDate | None, Query(description="Exact date of birth")] = None,
    email: Annotated[Email | None, Query(description="Exact email, any case")] = None,
) -> PatientList:
    """All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.
    """
    audit.record_list("patient", search=search, dob=dob, email=email)
    patients, total = await repository.list_patients(
        db, paging, search=search, dob=dob, email=email, sort_by=sort_by, order=order
    )
    audit.record_many(AuditAction.read, "patient", [(p.patient_id, p.patient_id) for p in patients])
    return PatientList(
        patients=[PatientRead.model_validate(p) for p in patients],
        pagination=Pagination.of(paging, total),
    )


@router.post(
    "",
    operation_id="patients_create",
    summary="Create a patient",
    status_code=201,
    response_model=PatientCreated,
    responses=error_responses(400, 401, 409) | IDEMPOTENT_RESPONSE,
)
async def create_patient(
    body: PatientCreate, audit: Audited, db: DbSession, today: ClinicToday, _key: Idempotent
) -> PatientCreated:
    """All staff. `first_name`, `last_name` and `dob` are required; `dob` is `YYYY-MM-DD`, from
    1900-01-01 up to today in the clinic's time zone. The email is stored lower-cased and must
    not belong to another patient on file (409 `email_exists`)."""
    event = audit.record(AuditAction.create, "patient")
    _check_not_born_later(body.dob, today)
    patient = await repository.create_patient(db, body)
    event.resource_id = str(patient.patient_id)
    event.patient_id = patient.patient_id
    return PatientCreated(
        message="Patient created successfully", patient=PatientRead.model_validate(patient)
    )


@router.get(
    "/{patient_id}",
    operation_id="patients_get",
    summary="Get a patient",
    response_model=PatientRead,
    responses=error_responses(400, 401, 404) | ETAG_HEADER,
)
async def get_patient(
    patient_id: PathId, audit: Audited, db: DbSession, response: Response
) -> PatientRead:
    """All staff. An archived patient is 404. The `ETag` header is the patient's version, for
    `If-Match` on `PUT`."""
    audit.record(AuditAction.read, "patient", patient_id, patient_id=patient_id)
    patient = await repository.read_patient(db, patient_id)
    if patient is None:
        raise NotFound("Patient not found")
    response.headers["ETag"] = etag(patient.version)
    return PatientRead.model_validate(patient)


@router.put(
    "/{patient_id}",
    operation_id="patients_update",
    summary="Update a patient",
    response_model=PatientUpdated,
    responses=error_responses(400, 401, 403, 404, 409, 412),
)
async def update_patient(
    patient_id: PathId,
    body: PatientUpdate,
    _: ClinicalStaff,
    audit: Audited,
    db: DbSession,
    today: ClinicToday,
    if_match: IfMatch = None,
) -> PatientUpdated:
    """Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`."""
    audit.record(AuditAction.update, "patient", patient_id, patient_id=patient_id)
    _check_not_born_later(body.dob, today)
    patient = await _get_or_404(db, patient_id, lock=True)
    check_if_match(if_match, patient.version)
    patient = await repository.update_patient(db, patient, body.model_dump(exclude_unset=True))
    return PatientUpdated(
        message="Patient updated successfully", patient=PatientRead.model_validate(patient)
    )


@router.delete(
    "/{patient_id}",
    operation_id="patients_delete",
    summary="Archive a patient",
    response_model=PatientDeleted,
    responses=error_responses(400, 401, 403, 404),
)
async def delete_patient(
    patient_id: PathId, _: AdminUser, audit: Audited, db: DbSession
) -> PatientDeleted:
    """Admins only. Medical and billing records must be retained, so the patient is archived,
    not erased: the rows stay intact, but from then on the patient, its plans, appointments,
    charges, medical records and vitals are 404 and absent from lists and search, and its
    email may be used by a new patient. Its appointments that have not started yet are
    cancelled (reason `patient archived`), in the same transaction. Its invoices stay
    readable and payable; no new charge or invoice can be made. The access log
    (`/access-log`) keeps working."""
    audit.record(AuditAction.delete, "patient", patient_id, patient_id=patient_id)
    if not await repository.archive_patient(db, patient_id):
        raise NotFound("Patient not found")
    cancelled = await cancel_future_appointments(
        db, patient_id, now=datetime.now(UTC), reason=ARCHIVED_REASON
    )
    audit.record_many(AuditAction.update, "appointment", [(a, patient_id) for a in cancelled])
    return PatientDeleted(message="Patient deleted successfully", patient_id=patient_id)


@router.get(
    "/{patient_id}/plan",
    operation_id="patients_get_plan",
    summary="Get a patient's active insurance plan",
    response_model=PlanCurrent,
    responses=error_responses(400, 401, 404),
)
async def get_plan(patient_id: PathId, audit: Audited, db: DbSession) -> PlanCurrent:
    """All staff. `plan` is null when the patient has no active plan."""
    audit.record(AuditAction.read, "insurance_plan", patient_id=patient_id)
    await _get_or_404(db, patient_id)
    plan = await repository.get_active_plan(db, patient_id)
    return PlanCurrent(plan=PlanRead.model_validate(plan) if plan else None)


@router.post(
    "/{patient_id}/plan",
    operation_id="patients_save_plan",
    summary="Save a patient's insurance plan",
    status_code=201,
    response_model=PlanSaved,
    responses=error_responses(400, 401, 403, 404),
)
async def save_plan(
    patient_id: PathId, body: PlanCreate, _: FrontDesk, audit: Audited, db: DbSession
) -> PlanSaved:
    """Admins and receptionists. The new plan becomes the patient's single active plan; the
    previous one is kept, inactive, for history. `copay_cents` is required unless `plan_type`
    is `self_pay`."""
    event = audit.record(AuditAction.create, "insurance_plan", patient_id=patient_id)
    patient = await _get_or_404(db, patient_id, lock=True)
    plan = await repository.save_plan(db, patient, body)
    event.resource_id = str(plan.plan_id)
    return PlanSaved(message="Plan saved", plan=PlanRead.model_validate(plan))


@router.get(
    "/{patient_id}/plans",
    operation_id="patients_list_plans",
    summary="List a patient's insurance plans",
    response_model=PlanList,
    responses=error_responses(400, 401, 404),
)
async def list_plans(patient_id: PathId, audit: Audited, db: DbSession) -> PlanList:
    """All staff. Every plan the patient has had, newest first; at most one `is_active`."""
    audit.record(AuditAction.read, "insurance_plan", patient_id=patient_id)
    await _get_or_404(db, patient_id)
    plans = await repository.list_plans(db, patient_id)
    return PlanList(plans=[PlanRead.model_validate(p) for p in plans])
