"""Patients' documents: ID photos, insurance cards, referral letters, lab reports, consents.

Receptionists read identity and insurance documents only; the clinical kinds are for admins,
doctors and nurses (the HIPAA minimum-necessary standard, 45 CFR 164.502(b)).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Response, UploadFile

from clinichub.documents import service
from clinichub.documents.examples import CONTENT_RESPONSES, THUMBNAIL_RESPONSES, UPLOAD_ERRORS
from clinichub.documents.schemas import (
    DocumentCreated,
    DocumentList,
    DocumentRead,
    DocumentRetired,
    Title,
)
from clinichub.schemas import MAX_ID, error_responses
from clinichub.vocabulary import DocumentKind
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    CurrentUser,
    DbSession,
    Paging,
    PathId,
    Stores,
    form_fields,
)

patient_documents_router = APIRouter(prefix="/api/patients", tags=["documents"])
router = APIRouter(prefix="/api/documents", tags=["documents"])

UPLOAD_FIELDS = form_fields("file", "kind", "title", "plan_id")


@patient_documents_router.post(
    "/{patient_id}/documents",
    operation_id="documents_upload",
    summary="Upload a patient's document",
    status_code=201,
    response_model=DocumentCreated,
    responses=error_responses(400, 401, 404) | UPLOAD_ERRORS,
    dependencies=[Depends(UPLOAD_FIELDS)],
)
async def upload_document(
    patient_id: PathId,
    file: Annotated[
        UploadFile,
        File(description="The file: JPEG, PNG, WebP, HEIC or PDF, at most 10 MiB"),
    ],
    kind: Annotated[DocumentKind, Form()],
    caller: CurrentUser,
    audit: Audited,
    db: DbSession,
    settings: AppSettings,
    stores: Stores,
    title: Annotated[Title | None, Form()] = None,
    plan_id: Annotated[
        int | None,
        Form(ge=1, le=MAX_ID, description="For insurance cards (required): the patient's plan"),
    ] = None,
) -> DocumentCreated:
    """All staff. A `multipart/form-data` body: the `file`, its `kind`, an optional `title`,
    and for an insurance card the `plan_id` of the patient's plan it belongs to.

    The file is at most `CLINICHUB_DOCUMENT_MAX_BYTES` (10 MiB by default): a larger body is a
    413, refused while it arrives. Its type is decided by its first bytes, never by its name or
    declared type: JPEG, PNG, WebP, HEIC and PDF are accepted, anything else is a 415, as is a
    file whose declared type or name extension names another type (a PNG named `.pdf`).
    Images are decoded and encoded again, so that EXIF (location, camera) and other metadata
    are gone, turned upright, scaled to at most 4096 pixels a side, and given a thumbnail; a
    HEIC photo is kept as JPEG. A PDF with JavaScript, a launch action or an XFA form is a 415.
    `sha256`, `size_bytes` and `content_type` describe the bytes kept."""
    upload = service.Upload(
        data=await file.read(settings.document_max_bytes + 1),
        filename=file.filename,
        declared_type=file.content_type,
    )
    return await service.upload_document(
        db,
        audit,
        stores,
        settings,
        patient_id,
        upload,
        kind=kind,
        title=title,
        plan_id=plan_id,
        uploader_user_id=caller.user_id,
    )


@patient_documents_router.get(
    "/{patient_id}/documents",
    operation_id="documents_list",
    summary="List a patient's documents",
    response_model=DocumentList,
    responses=error_responses(400, 401, 403, 404),
)
async def list_documents(
    patient_id: PathId,
    caller: CurrentUser,
    audit: Audited,
    db: DbSession,
    paging: Paging,
    kind: Annotated[DocumentKind | None, Query(description="Only documents of this kind")] = None,
) -> DocumentList:
    """All staff, newest first. Receptionists see identity and insurance documents only, and a
    clinical `kind` (referral, lab report, consent, other) is a 403 for them. Retired documents
    are never listed; an archived patient is a 404."""
    return await service.list_documents(db, audit, paging, patient_id, kind=kind, role=caller.role)


@router.get(
    "/{document_id}",
    operation_id="documents_get",
    summary="Get a document's metadata",
    response_model=DocumentRead,
    responses=error_responses(400, 401, 403, 404),
)
async def get_document(
    document_id: PathId, caller: CurrentUser, audit: Audited, db: DbSession
) -> DocumentRead:
    """All staff, by kind: a clinical document is a 403 for receptionists. A retired document,
    or one of an archived patient, is a 404."""
    return await service.get_document(db, audit, document_id, role=caller.role)


def _download(download: service.Download) -> Response:
    headers = {"Content-Disposition": download.disposition}
    if download.etag is not None:
        headers["ETag"] = download.etag
    return Response(download.content, media_type=download.content_type, headers=headers)


@router.get(
    "/{document_id}/content",
    operation_id="documents_content",
    summary="Download a document",
    response_class=Response,
    responses=CONTENT_RESPONSES | error_responses(400, 401, 403, 404),
)
async def document_content(
    document_id: PathId, caller: CurrentUser, audit: Audited, db: DbSession, stores: Stores
) -> Response:
    """All staff, by kind, as for the metadata. The bytes kept, with `ETag` their SHA-256,
    `Content-Disposition: attachment` (`inline` for images), `X-Content-Type-Options: nosniff`
    and `Content-Security-Policy: sandbox`: a file is never run as a page of the service."""
    return _download(
        await service.document_content(db, audit, stores, document_id, role=caller.role)
    )


@router.get(
    "/{document_id}/thumbnail",
    operation_id="documents_thumbnail",
    summary="Get an image document's thumbnail",
    response_class=Response,
    responses=THUMBNAIL_RESPONSES | error_responses(400, 401, 403, 404),
)
async def document_thumbnail(
    document_id: PathId, caller: CurrentUser, audit: Audited, db: DbSession, stores: Stores
) -> Response:
    """All staff, by kind. A JPEG of at most 320 pixels a side, for lists; a PDF has none
    (`has_thumbnail` is false, and this is a 404)."""
    return _download(
        await service.document_thumbnail(db, audit, stores, document_id, role=caller.role)
    )


@router.delete(
    "/{document_id}",
    operation_id="documents_retire",
    summary="Retire a document",
    response_model=DocumentRetired,
    responses=error_responses(400, 401, 403, 404),
)
async def retire_document(
    document_id: PathId, caller: AdminUser, audit: Audited, db: DbSession
) -> DocumentRetired:
    """Admins only. The document disappears from lists and downloads (404), while its row and
    its bytes are kept for the retention period, like everything clinical."""
    return await service.retire_document(db, audit, document_id, retired_by_user_id=caller.user_id)
