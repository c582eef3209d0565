"""Documents kept in an S3-compatible store (CLINICHUB_DOCUMENT_STORE=s3), over HTTP, against
moto's standalone S3 server, which the test starts on a free port: the bytes go to the bucket,
not to PostgreSQL, come back byte for byte, and a failed upload leaves no object behind."""

import asyncio
import hashlib
import io
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from aiobotocore.session import get_session
from fastapi import FastAPI
from PIL import Image
from pydantic import SecretStr
from pypdf import PdfWriter
from sqlalchemy import func, select

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.documents.errors import STORE_UNAVAILABLE
from clinichub.documents.s3 import S3Store
from clinichub.models import Document, DocumentContent
from clinichub.vocabulary import ContentVariant, DocumentStoreKind, Role
from tests.kit import Login, free_port

if TYPE_CHECKING:
    from aiobotocore.session import ClientCreatorContext
    from types_aiobotocore_s3 import S3Client

Headers = dict[str, str]
MOTO_SERVER = Path(sys.executable).with_name("moto_server")
BUCKET = "clinichub-test-documents"
ACCESS_KEY, SECRET_KEY = "testing", "testing-secret"


def bucket_client(endpoint: str) -> "ClientCreatorContext[S3Client]":
    return get_session().create_client(
        "s3",
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


async def objects(endpoint: str) -> dict[str, bytes]:
    """Every object in the test bucket, by key."""
    async with bucket_client(endpoint) as s3:
        listing = await s3.list_objects_v2(Bucket=BUCKET)
        found = {}
        for item in listing.get("Contents", []):
            response = await s3.get_object(Bucket=BUCKET, Key=item["Key"])
            async with response["Body"] as body:
                found[item["Key"]] = await body.read()
        return found


@pytest.fixture
async def s3_app(settings: Settings, s3_endpoint: str, clean_db: None) -> AsyncIterator[FastAPI]:
    """The app with its documents in a fresh bucket of moto's server."""
    async with bucket_client(s3_endpoint) as s3:
        await s3.create_bucket(Bucket=BUCKET)
    application = create_app(
        settings.model_copy(
            update={
                "document_store": DocumentStoreKind.s3,
                "s3_bucket": BUCKET,
                "s3_endpoint_url": s3_endpoint,
                "s3_access_key_id": ACCESS_KEY,
                "s3_secret_access_key": SecretStr(SECRET_KEY),
            }
        )
    )
    yield application
    await application.state.document_stores.close()
    await application.state.engine.dispose()
    await application.state.side_engine.dispose()
    async with bucket_client(s3_endpoint) as s3:
        for key in await objects(s3_endpoint):
            await s3.delete_object(Bucket=BUCKET, Key=key)
        await s3.delete_bucket(Bucket=BUCKET)


@pytest.fixture
async def s3_client(s3_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=s3_app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def photo() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    output = io.BytesIO()
    Image.new("RGB", (300, 200), (90, 90, 200)).save(output, "JPEG", exif=exif)
    return output.getvalue()


def _letter() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


LETTER = _letter()


async def upload(
    client: httpx.AsyncClient, headers: Headers, patient_id: int, content: bytes, **form: Any
) -> httpx.Response:
    return await client.post(
        f"/api/patients/{patient_id}/documents",
        files={"file": ("scan", content, "application/octet-stream")},
        data=form,
        headers=headers,
    )


async def database_rows(app: FastAPI) -> tuple[int, int]:
    async with app.state.sessionmaker() as db:
        documents = await db.scalar(select(func.count()).select_from(Document))
        contents = await db.scalar(select(func.count()).select_from(DocumentContent))
        return documents or 0, contents or 0


async def test_documents_go_to_the_bucket_and_come_back_byte_for_byte(
    s3_client: httpx.AsyncClient,
    s3_app: FastAPI,
    s3_endpoint: str,
    bearer: Login,
    make_patient: Any,
) -> None:
    admin = await bearer(Role.admin)
    patient_id = await make_patient()
    letter = await upload(s3_client, admin, patient_id, LETTER, kind="referral")
    assert letter.status_code == 201, letter.text
    image = await upload(s3_client, admin, patient_id, photo(), kind="photo_id")
    assert image.status_code == 201, image.text
    letter_id = letter.json()["document"]["document_id"]
    image_doc = image.json()["document"]

    # The bytes are in the bucket, under random keys; PostgreSQL holds the metadata only.
    assert await database_rows(s3_app) == (2, 0)
    stored = await objects(s3_endpoint)
    assert len(stored) == 3  # the letter, the photo and its thumbnail
    assert all(key.startswith("documents/") for key in stored)
    assert LETTER in stored.values()
    assert all(b"PhoneMaker" not in content for content in stored.values())
    async with s3_app.state.sessionmaker() as db:
        row = await db.get(Document, letter_id)
        assert row is not None and row.store is DocumentStoreKind.s3
        assert stored[f"documents/{row.storage_key}/original"] == LETTER

    content = await s3_client.get(f"/api/documents/{letter_id}/content", headers=admin)
    assert content.status_code == 200
    assert content.content == LETTER
    assert content.headers["etag"] == f'"{hashlib.sha256(LETTER).hexdigest()}"'
    picture = await s3_client.get(
        f"/api/documents/{image_doc['document_id']}/content", headers=admin
    )
    assert hashlib.sha256(picture.content).hexdigest() == image_doc["sha256"]
    thumbnail = await s3_client.get(
        f"/api/documents/{image_doc['document_id']}/thumbnail", headers=admin
    )
    assert thumbnail.status_code == 200
    assert Image.open(io.BytesIO(thumbnail.content)).format == "JPEG"

    # Retired: gone from the API, kept in the bucket.
    retired = await s3_client.delete(f"/api/documents/{letter_id}", headers=admin)
    assert retired.status_code == 200
    gone = await s3_client.get(f"/api/documents/{letter_id}/content", headers=admin)
    assert gone.status_code == 404
    assert len(await objects(s3_endpoint)) == 3


async def test_two_uploads_at_once_both_reach_the_bucket(
    s3_client: httpx.AsyncClient, s3_endpoint: str, bearer: Login, make_patient: Any
) -> None:
    admin = await bearer(Role.admin)
    patient_id = await make_patient()
    responses = await asyncio.gather(
        *(upload(s3_client, admin, patient_id, LETTER, kind="lab_report") for _ in range(2))
    )
    assert [r.status_code for r in responses] == [201, 201]
    assert len(await objects(s3_endpoint)) == 2


async def test_a_failed_upload_leaves_no_object_behind(
    s3_client: httpx.AsyncClient,
    s3_app: FastAPI,
    s3_endpoint: str,
    bearer: Login,
    make_patient: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The photo is written to the bucket, then the store fails on its thumbnail: the request
    fails, its transaction rolls back, and the photo's object is deleted again."""
    put = S3Store.put

    async def thumbnail_fails(
        self: S3Store, db: Any, key: uuid.UUID, variant: ContentVariant, content: bytes
    ) -> None:
        await put(self, db, key, variant, content)
        if variant is ContentVariant.thumbnail:
            raise STORE_UNAVAILABLE.error()

    monkeypatch.setattr(S3Store, "put", thumbnail_fails)
    admin = await bearer(Role.admin)
    response = await upload(s3_client, admin, await make_patient(), photo(), kind="photo_id")
    assert response.status_code == 503
    assert response.json()["code"] == "document_store_unavailable"
    assert await database_rows(s3_app) == (0, 0)
    assert await objects(s3_endpoint) == {}


async def test_without_a_bucket_s3_is_refused_at_startup() -> None:
    with pytest.raises(ValueError, match="CLINICHUB_S3_BUCKET"):
        Settings(document_store="s3", _env_file=None)
