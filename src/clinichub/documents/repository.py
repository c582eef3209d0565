"""Queries on documents and, when PostgreSQL keeps them, their bytes. A retired document, or one
of an archived patient, is never returned (`_readable`): to the API it no longer exists."""

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.db.repository import page_of_entities
from clinichub.models import Document, DocumentContent, InsurancePlan
from clinichub.patients.repository import on_file
from clinichub.schemas import PageParams
from clinichub.vocabulary import ContentVariant, DocumentKind


def _readable() -> list[ColumnElement[bool]]:
    return [Document.retired_at.is_(None), on_file(Document.patient_id)]


async def plan_belongs_to(db: AsyncSession, plan_id: int, patient_id: int) -> bool:
    found = await db.scalar(
        select(InsurancePlan.plan_id).where(
            InsurancePlan.plan_id == plan_id, InsurancePlan.patient_id == patient_id
        )
    )
    return found is not None


async def add_document(db: AsyncSession, document: Document) -> Document:
    db.add(document)
    await db.flush()
    await db.refresh(document)
    return document


async def list_documents(
    db: AsyncSession,
    page: PageParams,
    *,
    patient_id: int,
    kinds: Collection[DocumentKind],
) -> tuple[Sequence[Document], int]:
    """Newest first; only the given kinds."""
    return await page_of_entities(
        db,
        select(Document).order_by(Document.document_id.desc()),
        page,
        count_from=Document,
        conditions=[Document.patient_id == patient_id, Document.kind.in_(kinds), *_readable()],
    )


async def get_document(
    db: AsyncSession, document_id: int, *, lock: bool = False
) -> Document | None:
    """A document on file, of a patient on file; with `lock`, locked until the transaction
    ends (a retirement)."""
    query = select(Document).where(Document.document_id == document_id, *_readable())
    if lock:
        query = query.with_for_update(of=Document)
    return await db.scalar(query)


async def retire_document(
    db: AsyncSession, document_id: int, *, retired_by_user_id: int, now: datetime
) -> None:
    await db.execute(
        update(Document)
        .where(Document.document_id == document_id)
        .values(retired_at=now, retired_by_user_id=retired_by_user_id)
    )


# --- Bytes kept in PostgreSQL -----------------------------------------------------------------


async def add_content(
    db: AsyncSession, storage_key: uuid.UUID, variant: ContentVariant, content: bytes
) -> None:
    db.add(DocumentContent(storage_key=storage_key, variant=variant.value, content=content))
    await db.flush()


async def read_content(
    db: AsyncSession, storage_key: uuid.UUID, variant: ContentVariant
) -> bytes | None:
    return await db.scalar(
        select(DocumentContent.content).where(
            DocumentContent.storage_key == storage_key,
            DocumentContent.variant == variant.value,
        )
    )
