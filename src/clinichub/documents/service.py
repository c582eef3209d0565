"""The use cases of patients' documents: each checks the rules, calls the repository and the
store, records who read or changed what, and returns what the route answers."""

import asyncio
import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit
from clinichub.config import Settings
from clinichub.db.repository import found
from clinichub.documents import repository, rules, schemas
from clinichub.documents.errors import (
    DOCUMENT_NOT_FOUND,
    DOCUMENT_TOO_LARGE,
    NO_THUMBNAIL,
    STORE_UNAVAILABLE,
    plan_not_found,
)
from clinichub.documents.storage import DocumentStores
from clinichub.models import Document
from clinichub.patients import repository as patients
from clinichub.patients.errors import PATIENT_NOT_FOUND
from clinichub.schemas import PageParams, Pagination
from clinichub.vocabulary import AuditAction, AuditResource, ContentVariant, DocumentKind, Role

if TYPE_CHECKING:
    from clinichub.documents.files import Prepared

logger = logging.getLogger("clinichub.documents")

# Decoding and encoding images is CPU-bound and takes memory in proportion to their pixels: at
# most this many at once per process, in worker threads, however many uploads arrive together.
_PREPARING = asyncio.Semaphore(2)


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: at most the limit plus one byte of it (more means too large)."""

    data: bytes
    filename: str | None
    declared_type: str | None


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    disposition: str
    etag: str | None


@dataclass(frozen=True)
class _Kept:
    prepared: "Prepared"
    sha256: str


def _prepare(data: bytes, file_type: rules.FileType) -> _Kept:
    # Imported on the first upload: the image and PDF libraries take about 20 MB of memory,
    # which a worker that serves no upload need not hold.
    from clinichub.documents import files

    prepared = files.prepare(data, file_type)
    return _Kept(prepared, hashlib.sha256(prepared.content).hexdigest())


async def upload_document(
    db: AsyncSession,
    audit: Audit,
    stores: DocumentStores,
    settings: Settings,
    patient_id: int,
    upload: Upload,
    *,
    kind: DocumentKind,
    title: str | None,
    plan_id: int | None,
    uploader_user_id: int,
) -> schemas.DocumentCreated:
    """Check the file, keep what is safe of it, and record it: its row, its bytes (in the same
    transaction when PostgreSQL keeps them) and the audit event commit together."""
    event = audit.record(AuditAction.create, AuditResource.document, patient_id=patient_id)
    if len(upload.data) > settings.document_max_bytes:
        raise DOCUMENT_TOO_LARGE.error(max_bytes=settings.document_max_bytes)
    rules.check_plan(kind, plan_id)
    # Share-locked until the transaction ends: an archive runs before (404) or after, never
    # beside.
    if not await patients.patient_exists(db, patient_id, share_lock=True):
        raise PATIENT_NOT_FOUND.error()
    if plan_id is not None and not await repository.plan_belongs_to(db, plan_id, patient_id):
        raise plan_not_found()
    file_type = rules.accepted_type(
        upload.data[: rules.HEAD_BYTES],
        declared_type=upload.declared_type,
        filename=upload.filename,
    )
    async with _PREPARING:
        kept = await asyncio.to_thread(_prepare, upload.data, file_type)
    store = stores.current
    document = await repository.add_document(
        db,
        Document(
            patient_id=patient_id,
            kind=kind,
            title=title,
            plan_id=plan_id,
            content_type=kept.prepared.content_type,
            size_bytes=len(kept.prepared.content),
            sha256=kept.sha256,
            has_thumbnail=kept.prepared.thumbnail is not None,
            store=store.kind,
            storage_key=uuid.uuid4(),
            uploaded_by_user_id=uploader_user_id,
        ),
    )
    event.resource_id = str(document.document_id)
    await store.put(db, document.storage_key, ContentVariant.original, kept.prepared.content)
    if kept.prepared.thumbnail is not None:
        await store.put(db, document.storage_key, ContentVariant.thumbnail, kept.prepared.thumbnail)
    return schemas.DocumentCreated(
        message="Document uploaded successfully",
        document=schemas.DocumentRead.model_validate(document),
    )


async def list_documents(
    db: AsyncSession,
    audit: Audit,
    paging: PageParams,
    patient_id: int,
    *,
    kind: DocumentKind | None,
    role: Role,
) -> schemas.DocumentList:
    """Newest first: the kinds the caller's role may read, or the one kind asked for."""
    audit.record_list(AuditResource.document_list, patient_id=patient_id, kind=kind)
    if not await patients.patient_exists(db, patient_id):
        raise PATIENT_NOT_FOUND.error()
    if kind is not None:
        _check_may_read(audit, role, kind)
    kinds = [kind] if kind is not None else rules.readable_kinds(role)
    documents, total = await repository.list_documents(
        db, paging, patient_id=patient_id, kinds=kinds
    )
    audit.record_many(
        AuditAction.read, AuditResource.document, [(d.document_id, d.patient_id) for d in documents]
    )
    return schemas.DocumentList(
        documents=[schemas.DocumentRead.model_validate(d) for d in documents],
        pagination=Pagination.of(paging, total),
    )


def _check_may_read(audit: Audit, role: Role, kind: DocumentKind) -> None:
    """403 when the role may not read the kind; the events are written as `access_denied`."""
    if kind not in rules.readable_kinds(role):
        audit.deny()
    rules.check_may_read(role, kind)


async def _readable_document(
    db: AsyncSession, audit: Audit, resource: AuditResource, document_id: int, role: Role
) -> Document:
    """The document, if its role may read it; the read is audited with its patient."""
    event = audit.record(AuditAction.read, resource, document_id)
    document = found(await repository.get_document(db, document_id), DOCUMENT_NOT_FOUND)
    event.patient_id = document.patient_id
    _check_may_read(audit, role, document.kind)
    return document


async def get_document(
    db: AsyncSession, audit: Audit, document_id: int, *, role: Role
) -> schemas.DocumentRead:
    document = await _readable_document(db, audit, AuditResource.document, document_id, role)
    return schemas.DocumentRead.model_validate(document)


async def document_content(
    db: AsyncSession, audit: Audit, stores: DocumentStores, document_id: int, *, role: Role
) -> Download:
    """The bytes kept, checked against their SHA-256 before they are served."""
    document = await _readable_document(
        db, audit, AuditResource.document_content, document_id, role
    )
    content = await stores.of(document.store).get(db, document.storage_key, ContentVariant.original)
    if hashlib.sha256(content).hexdigest() != document.sha256:
        logger.error("Document bytes differ from their SHA-256: document %s", document_id)
        raise STORE_UNAVAILABLE.error()
    return Download(
        content=content,
        content_type=document.content_type,
        disposition=rules.content_disposition(
            document.document_id, document.kind, document.content_type
        ),
        etag=rules.etag(document.sha256),
    )


async def document_thumbnail(
    db: AsyncSession, audit: Audit, stores: DocumentStores, document_id: int, *, role: Role
) -> Download:
    document = await _readable_document(
        db, audit, AuditResource.document_thumbnail, document_id, role
    )
    if not document.has_thumbnail:
        raise NO_THUMBNAIL.error()
    content = await stores.of(document.store).get(
        db, document.storage_key, ContentVariant.thumbnail
    )
    return Download(
        content=content,
        content_type="image/jpeg",
        disposition=rules.thumbnail_disposition(document.document_id, document.kind),
        etag=None,
    )


async def retire_document(
    db: AsyncSession, audit: Audit, document_id: int, *, retired_by_user_id: int
) -> schemas.DocumentRetired:
    """Gone from lists and downloads; the row and its bytes are kept."""
    event = audit.record(AuditAction.delete, AuditResource.document, document_id)
    document = found(await repository.get_document(db, document_id, lock=True), DOCUMENT_NOT_FOUND)
    event.patient_id = document.patient_id
    await repository.retire_document(
        db, document_id, retired_by_user_id=retired_by_user_id, now=datetime.now(UTC)
    )
    return schemas.DocumentRetired(message="Document retired successfully", document_id=document_id)
