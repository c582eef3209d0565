"""The S3 store of documents' bytes: an S3-compatible object store (AWS S3, MinIO, Ceph, R2, ...),
through aiobotocore. An object is written before the transaction commits; if the transaction
then fails, the object is deleted again, so a failed upload leaves nothing behind.
"""

import asyncio
import logging
import uuid
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import BotoCoreError, ClientError
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.config import Settings
from clinichub.db.session import on_failure
from clinichub.documents.errors import STORE_UNAVAILABLE
from clinichub.vocabulary import ContentVariant, DocumentStoreKind

if TYPE_CHECKING:
    from types_aiobotocore_s3 import S3Client

logger = logging.getLogger("clinichub.documents")


class S3Store:
    kind = DocumentStoreKind.s3

    def __init__(self, settings: Settings) -> None:
        assert settings.s3_bucket is not None  # Settings refuses s3 without a bucket
        self._settings = settings
        self._bucket = settings.s3_bucket
        self._prefix = settings.s3_prefix
        self._client: S3Client | None = None
        self._exit_stack = AsyncExitStack()
        self._opening = asyncio.Lock()

    def object_key(self, key: uuid.UUID, variant: ContentVariant) -> str:
        return f"{self._prefix}{key}/{variant.value}"

    async def _s3(self) -> "S3Client":
        """The client, made on first use (and kept: it holds a pool of connections)."""
        async with self._opening:
            if self._client is None:
                settings = self._settings
                secret = settings.s3_secret_access_key
                self._client = await self._exit_stack.enter_async_context(
                    get_session().create_client(
                        "s3",
                        region_name=settings.s3_region,
                        endpoint_url=settings.s3_endpoint_url,
                        aws_access_key_id=settings.s3_access_key_id,
                        aws_secret_access_key=secret.get_secret_value() if secret else None,
                        config=AioConfig(
                            connect_timeout=5,
                            read_timeout=30,
                            retries={"max_attempts": 3, "mode": "standard"},
                        ),
                    )
                )
            client: S3Client = self._client
            return client

    async def put(
        self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant, content: bytes
    ) -> None:
        object_key = self.object_key(key, variant)

        async def delete_again(_: AsyncSession) -> None:
            try:
                await (await self._s3()).delete_object(Bucket=self._bucket, Key=object_key)
            except (BotoCoreError, ClientError):
                logger.warning("Could not delete the object of a failed upload: %s", object_key)

        # Registered first: an object whose upload failed halfway is deleted too.
        on_failure(db, delete_again)
        try:
            await (await self._s3()).put_object(
                Bucket=self._bucket,
                Key=object_key,
                Body=content,
                ContentType="application/octet-stream",
            )
        except (BotoCoreError, ClientError) as exc:
            logger.warning("The document store refused a write: %s", type(exc).__name__)
            raise STORE_UNAVAILABLE.error() from exc

    async def get(self, db: AsyncSession, key: uuid.UUID, variant: ContentVariant) -> bytes:
        try:
            response = await (await self._s3()).get_object(
                Bucket=self._bucket, Key=self.object_key(key, variant)
            )
            async with response["Body"] as body:
                content: bytes = await body.read()
                return content
        except (BotoCoreError, ClientError) as exc:
            logger.warning("The document store refused a read: %s", type(exc).__name__)
            raise STORE_UNAVAILABLE.error() from exc

    async def close(self) -> None:
        await self._exit_stack.aclose()
        self._client = None
