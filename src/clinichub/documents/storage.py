"""Where documents' bytes are kept, behind one small interface.

- `PostgresStore` (the default): a table of the database, written in the request's transaction,
  so the bytes commit with their metadata and audit event, or not at all, and are backed up
  with the database.
- `S3Store` (`s3.py`): an S3-compatible object store (AWS S3, MinIO, Ceph, R2, ...). Its
  client library is imported only when a bucket is configured: it takes about 25 MB of every
  worker's memory.
"""

import logging
import uuid
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.config import Settings
from clinichub.documents import repository
from clinichub.documents.errors import STORE_UNAVAILABLE
from clinichub.vocabulary import ContentVariant, DocumentStoreKind

logger = logging.getLogger("clinichub.documents")


class DocumentStore(Protocol):
    kind: DocumentStoreKind

    async def put(
        self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant, content: bytes
    ) -> None:
        """Keep `content`; it must be gone again if the request's transaction fails."""

    async def get(self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant) -> bytes:
        """The bytes kept under `key`; 503 when the store cannot give them."""

    async def close(self) -> None: ...


class PostgresStore:
    kind = DocumentStoreKind.postgres

    async def put(
        self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant, content: bytes
    ) -> None:
        await repository.add_content(db, key, variant, content)

    async def get(self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant) -> bytes:
        content = await repository.read_content(db, key, variant)
        if content is None:
            logger.error("Document bytes missing", extra={"storage_key": str(key)})
            raise STORE_UNAVAILABLE.error()
        return content

    async def close(self) -> None:
        return None


class DocumentStores:
    """The store new documents go to (CLINICHUB_DOCUMENT_STORE), and the stores older ones may
    be in: each document names its own, so changing the setting never loses a document."""

    def __init__(self, settings: Settings) -> None:
        self.postgres = PostgresStore()
        self.s3: DocumentStore | None = None
        if settings.s3_bucket:
            from clinichub.documents.s3 import S3Store

            self.s3 = S3Store(settings)
        self.current: DocumentStore = (
            self.s3
            if settings.document_store is DocumentStoreKind.s3 and self.s3
            else self.postgres
        )

    def of(self, kind: DocumentStoreKind) -> DocumentStore:
        """The store a document names; 503 when it is S3 and no bucket is configured now."""
        if kind is DocumentStoreKind.postgres:
            return self.postgres
        if self.s3 is None:
            logger.error("A document is kept in S3, and no S3 bucket is configured")
            raise STORE_UNAVAILABLE.error()
        return self.s3

    async def close(self) -> None:
        if self.s3 is not None:
            await self.s3.close()
