"""Patients (the electronic health record's core) and their insurance coverage."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from clinichub.patients import service
from clinichub.patients.schemas import (
    MAX_IDS,
    Email,
    IdsFilter,
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
    PlanSaved,
    parse_ids,
)
from clinichub.preconditions import ETAG_HEADER
from clinichub.schemas import IsoDate, SortOrder, error_responses
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    ClinicalStaff,
    DbSession,
    FrontDesk,
    IfMatch,
    Paging,
    PathId,
)
from clinichub.web.etag import tagged
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(prefix="/api/patients", tags=["patients"], route_class=IdempotentRoute)


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
    ids: Annotated[
        IdsFilter | None,
        Query(
            description=f"Patient ids, comma-separated, at most {MAX_IDS}: the patients on file "
            "among them (unknown or archived ids are simply absent)",
            examples=["12,15,40"],
        ),
    ] = None,
) -> PatientList:
    """All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.

    `ids` looks up many patients in one request (a schedule's names): it combines with the
    other filters, sorting and paging like them.
    """
    return await service.list_patients(
        db,
        audit,
        paging,
        search=search,
        dob=dob,
        email=email,
        ids=parse_ids(ids),
        sort_by=sort_by,
        order=order,
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
    body: PatientCreate, audit: Audited, db: DbSession, settings: AppSettings, _key: Idempotent
) -> PatientCreated:
    """All staff. `first_name`, `last_name` and `dob` are required; `dob` is `YYYY-MM-DD`, from
    1900-01-01 up to today in the clinic's time zone. The email is stored lower-cased and must
    not belong to another patient on file (409 `email_exists`)."""
    return await service.create_patient(db, audit, settings, body)


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
    return tagged(response, await service.get_patient(db, audit, patient_id))


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
    settings: AppSettings,
    if_match: IfMatch = None,
) -> PatientUpdated:
    """Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`."""
    return await service.update_patient(db, audit, settings, patient_id, body, if_match=if_match)


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
    return await service.archive_patient(db, audit, patient_id)


@router.get(
    "/{patient_id}/plan",
    operation_id="patients_get_plan",
    summary="Get a patient's active insurance plan",
    response_model=PlanCurrent,
    responses=error_responses(400, 401, 404),
)
async def get_plan(patient_id: PathId, audit: Audited, db: DbSession) -> PlanCurrent:
    """All staff. `plan` is null when the patient has no active plan."""
    return await service.get_plan(db, audit, patient_id)


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
    return await service.save_plan(db, audit, patient_id, body)


@router.get(
    "/{patient_id}/plans",
    operation_id="patients_list_plans",
    summary="List a patient's insurance plans",
    response_model=PlanList,
    responses=error_responses(400, 401, 404),
)
async def list_plans(patient_id: PathId, audit: Audited, db: DbSession) -> PlanList:
    """All staff. Every plan the patient has had, newest first; at most one `is_active`."""
    return await service.list_plans(db, audit, patient_id)
