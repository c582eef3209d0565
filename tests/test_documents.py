"""Patients' documents over HTTP, on PostgreSQL (the default store): uploads checked by their
real type, images cleaned of EXIF, PDFs with active content refused, the size limit counted as
the body arrives, downloads byte for byte with safe headers, who reads which kind, the audit
trail, retirement and archived patients."""

import asyncio
import hashlib
import io
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from sqlalchemy import func, select

from clinichub.models import Document, DocumentContent
from clinichub.vocabulary import Role
from tests.kit import DOCUMENT_READERS, EVERYONE, Login, events

Json = dict[str, Any]
Headers = dict[str, str]
MAX_BYTES = 10 * 1024 * 1024

# --- Files ------------------------------------------------------------------------------------

GPS_LATITUDE = (18.0, 27.0, 58.0)


def jpeg_with_gps() -> bytes:
    """A photo as a phone takes it: camera make and model, GPS position, rotated by EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X12"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to view
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "W", 4: (66.0, 6.0, 25.0)}  # GPSInfo
    output = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 40, 40)).save(output, "JPEG", exif=exif)
    return output.getvalue()


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    output = io.BytesIO()
    Image.new("RGBA", size, (10, 120, 200, 255)).save(output, "PNG")
    return output.getvalue()


def heic() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (200, 100), (20, 160, 60)).save(output, "HEIF")
    return output.getvalue()


def pdf(*, javascript: str | None = None, launch: bool = False, padding: int = 0) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    if javascript is not None:
        # A document-level script, in the catalog's /Names /JavaScript name tree.
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(javascript),
            }
        )
        tree = DictionaryObject(
            {
                NameObject("/Names"): ArrayObject(
                    [TextStringObject("open"), writer._add_object(action)]
                )
            }
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): tree}
        )
    if launch:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("calc.exe"),
            }
        )
    if padding:
        writer.add_metadata({"/Padding": "x" * padding})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


# --- Calls ------------------------------------------------------------------------------------


async def upload(
    client: httpx.AsyncClient,
    headers: Headers,
    patient_id: int,
    content: bytes,
    *,
    kind: str = "photo_id",
    filename: str = "scan",
    content_type: str = "application/octet-stream",
    expect: int | None = 201,
    **fields: Any,
) -> httpx.Response:
    response = await client.post(
        f"/api/patients/{patient_id}/documents",
        files={"file": (filename, content, content_type)},
        data={"kind": kind, **{key: str(value) for key, value in fields.items()}},
        headers=headers,
    )
    if expect is not None:
        assert response.status_code == expect, response.text
    return response


async def uploaded(
    client: httpx.AsyncClient, headers: Headers, patient_id: int, content: bytes, **kwargs: Any
) -> Json:
    document: Json = (await upload(client, headers, patient_id, content, **kwargs)).json()[
        "document"
    ]
    return document


async def new_plan(client: httpx.AsyncClient, headers: Headers, patient_id: int) -> int:
    body = {"carrier_name": "Acme", "member_id": "M-1", "plan_type": "PPO", "copay_cents": 2500}
    response = await client.post(f"/api/patients/{patient_id}/plan", json=body, headers=headers)
    assert response.status_code == 201, response.text
    plan_id: int = response.json()["plan"]["plan_id"]
    return plan_id


@pytest.fixture
async def admin(bearer: Login) -> Headers:
    return await bearer(Role.admin)


@pytest.fixture
async def patient_id(make_patient: Any) -> int:
    patient: int = await make_patient()
    return patient


# --- Upload and download ----------------------------------------------------------------------


async def test_a_pdf_downloads_byte_for_byte_with_safe_headers(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    letter = pdf()
    document = await uploaded(
        client,
        admin,
        patient_id,
        letter,
        kind="referral",
        filename="referral.pdf",
        content_type="application/pdf",
        title="Cardiology referral",
    )
    assert document["sha256"] == hashlib.sha256(letter).hexdigest()
    assert (document["kind"], document["title"], document["content_type"]) == (
        "referral",
        "Cardiology referral",
        "application/pdf",
    )
    assert (document["size_bytes"], document["has_thumbnail"]) == (len(letter), False)
    assert document["patient_id"] == patient_id

    content = await client.get(f"/api/documents/{document['document_id']}/content", headers=admin)
    assert content.status_code == 200
    assert content.content == letter
    assert content.headers["content-type"] == "application/pdf"
    assert content.headers["content-disposition"] == (
        f'attachment; filename="referral-{document["document_id"]}.pdf"'
    )
    assert content.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in content.headers["content-security-policy"].split("; ")
    assert content.headers["etag"] == f'"{document["sha256"]}"'
    assert content.headers["cache-control"] == "no-store"

    metadata = await client.get(f"/api/documents/{document['document_id']}", headers=admin)
    assert metadata.json() == document
    listed = await client.get(f"/api/patients/{patient_id}/documents", headers=admin)
    assert listed.json()["documents"] == [document]
    assert listed.json()["pagination"]["total"] == 1
    thumbnail = await client.get(
        f"/api/documents/{document['document_id']}/thumbnail", headers=admin
    )
    assert thumbnail.status_code == 404


async def test_a_photo_is_kept_without_its_exif_upright_with_a_thumbnail(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    photo = jpeg_with_gps()
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)  # the GPS is there
    document = await uploaded(client, admin, patient_id, photo, filename="IMG_0001.JPG")
    assert document["content_type"] == "image/jpeg"
    assert document["has_thumbnail"] is True

    content = await client.get(f"/api/documents/{document['document_id']}/content", headers=admin)
    kept = content.content
    assert (
        hashlib.sha256(kept).hexdigest() == document["sha256"] != hashlib.sha256(photo).hexdigest()
    )
    assert content.headers["content-disposition"].startswith("inline; ")
    image = Image.open(io.BytesIO(kept))
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert b"Exif" not in kept and b"PhoneMaker" not in kept and b"Model X12" not in kept
    # The orientation the EXIF gave is now in the pixels: 640x480 turned on its side.
    assert image.size == (480, 640)

    thumbnail = await client.get(
        f"/api/documents/{document['document_id']}/thumbnail", headers=admin
    )
    assert thumbnail.status_code == 200
    assert thumbnail.headers["content-type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(thumbnail.content)).size) <= 320
    assert b"PhoneMaker" not in thumbnail.content


async def test_a_heic_photo_is_kept_as_jpeg(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    document = await uploaded(
        client, admin, patient_id, heic(), filename="IMG_0002.HEIC", content_type="image/heic"
    )
    assert document["content_type"] == "image/jpeg"
    content = await client.get(f"/api/documents/{document['document_id']}/content", headers=admin)
    assert Image.open(io.BytesIO(content.content)).format == "JPEG"


# --- What is refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "filename", "content_type", "code"),
    [
        (png(), "card.pdf", "application/octet-stream", "document_type_mismatch"),  # renamed
        (png(), "card.png", "application/pdf", "document_type_mismatch"),
        (pdf(), "letter.pdf", "image/jpeg", "document_type_mismatch"),  # sent as a JPEG
        (pdf(), "letter.jpg", "application/octet-stream", "document_type_mismatch"),
        (
            b"<html><script>alert(1)</script></html>",
            "x.png",
            "image/png",
            "unsupported_document_type",
        ),
        (b"GIF89a" + bytes(100), "x.gif", "image/gif", "unsupported_document_type"),
        (b"", "empty.pdf", "application/pdf", "unsupported_document_type"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "broken.png", "image/png", "unreadable_document"),
        (b"%PDF-1.7\n" + bytes(100), "broken.pdf", "application/pdf", "unreadable_document"),
        (pdf(javascript="app.alert('hi')"), "js.pdf", "application/pdf", "document_active_content"),
        (pdf(launch=True), "launch.pdf", "application/pdf", "document_active_content"),
    ],
)
async def test_files_are_judged_by_their_bytes(
    client: httpx.AsyncClient,
    admin: Headers,
    patient_id: int,
    app: FastAPI,
    content: bytes,
    filename: str,
    content_type: str,
    code: str,
) -> None:
    response = await upload(
        client,
        admin,
        patient_id,
        content,
        filename=filename,
        content_type=content_type,
        expect=415,
    )
    assert response.json()["code"] == code
    assert await stored_count(app) == (0, 0)


async def test_a_name_without_extension_and_a_declared_type_that_agrees_are_taken(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    await upload(
        client,
        admin,
        patient_id,
        pdf(),
        kind="lab_report",
        filename="scan",
        content_type="application/pdf",
    )


async def stored_count(app: FastAPI) -> tuple[int, int]:
    async with app.state.sessionmaker() as db:
        documents = await db.scalar(select(func.count()).select_from(Document))
        contents = await db.scalar(select(func.count()).select_from(DocumentContent))
        return documents or 0, contents or 0


async def test_a_body_that_never_ends_is_refused_at_the_limit(
    client: httpx.AsyncClient, admin: Headers, patient_id: int, app: FastAPI
) -> None:
    chunk = 64 * 1024
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-'
        while sent < 1024:  # 64 MiB: far past the limit, so the test itself always ends
            sent += 1
            yield b"0" * chunk

    response = await client.post(
        f"/api/patients/{patient_id}/documents",
        content=endless(),
        headers=admin | {"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["code"] == "document_too_large"
    # Refused as soon as the body passed the limit (and its allowance for the form's fields).
    assert sent * chunk <= MAX_BYTES + 128 * 1024
    assert await stored_count(app) == (0, 0)


async def test_a_declared_length_over_the_limit_is_refused_before_reading(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    response = await client.post(
        f"/api/patients/{patient_id}/documents",
        content=b"--b--\r\n",
        headers=admin
        | {
            "Content-Type": "multipart/form-data; boundary=b",
            "Content-Length": str(MAX_BYTES + 1024 * 1024),
        },
    )
    assert response.status_code == 413


async def test_the_file_itself_is_held_to_the_exact_limit(
    client: httpx.AsyncClient, admin: Headers, patient_id: int, app: FastAPI
) -> None:
    over = pdf(padding=MAX_BYTES)
    assert MAX_BYTES < len(over) < MAX_BYTES + 1024
    response = await upload(client, admin, patient_id, over, kind="referral", expect=413)
    assert response.json()["code"] == "document_too_large"
    under = pdf(padding=MAX_BYTES - 2048)
    assert len(under) <= MAX_BYTES
    document = await uploaded(client, admin, patient_id, under, kind="referral")
    content = await client.get(f"/api/documents/{document['document_id']}/content", headers=admin)
    assert content.content == under


async def test_insurance_cards_name_a_plan_of_the_patient(
    client: httpx.AsyncClient, admin: Headers, patient_id: int, make_patient: Any
) -> None:
    plan_id = await new_plan(client, admin, patient_id)
    other_plan = await new_plan(client, admin, await make_patient())
    missing = await upload(
        client, admin, patient_id, png(), kind="insurance_card_front", expect=400
    )
    assert {"field": "plan_id", "message": "Field required"} in missing.json()["details"]
    foreign = await upload(
        client, admin, patient_id, png(), kind="insurance_card_back", plan_id=other_plan, expect=400
    )
    assert foreign.json()["code"] == "plan_not_found"
    await upload(client, admin, patient_id, png(), kind="referral", plan_id=plan_id, expect=400)
    card = await uploaded(
        client, admin, patient_id, png(), kind="insurance_card_back", plan_id=plan_id
    )
    assert card["plan_id"] == plan_id


async def test_an_unknown_form_field_or_kind_is_a_400(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    unknown = await upload(client, admin, patient_id, png(), expect=400, uploaded_by_user_id=7)
    assert {"field": "uploaded_by_user_id", "message": "Unknown field"} in unknown.json()["details"]
    await upload(client, admin, patient_id, png(), kind="x_ray", expect=400)
    no_file = await client.post(
        f"/api/patients/{patient_id}/documents", data={"kind": "photo_id"}, headers=admin
    )
    assert no_file.status_code == 400


async def test_two_uploads_at_once_are_both_kept(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    files = [pdf(padding=300_000), pdf(padding=400_000)]
    responses = await asyncio.gather(
        *(upload(client, admin, patient_id, f, kind="lab_report", expect=None) for f in files)
    )
    assert [r.status_code for r in responses] == [201, 201]
    documents = [r.json()["document"] for r in responses]
    assert documents[0]["document_id"] != documents[1]["document_id"]
    for document, original in zip(documents, files, strict=True):
        content = await client.get(
            f"/api/documents/{document['document_id']}/content", headers=admin
        )
        assert content.content == original


# --- Who reads what ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DOCUMENT_READERS))
async def test_each_kind_is_read_by_its_roles_only(
    client: httpx.AsyncClient, bearer: Login, admin: Headers, patient_id: int, kind: str
) -> None:
    plan = {"plan_id": await new_plan(client, admin, patient_id)} if "card" in kind else {}
    receptionist = await bearer(Role.receptionist)
    # Every role may upload any kind (the front desk scans a referral letter that arrives).
    document = await uploaded(client, receptionist, patient_id, png(), kind=kind, **plan)
    document_id = document["document_id"]
    for role in EVERYONE:
        headers = await bearer(role)
        expected = 200 if role in DOCUMENT_READERS[kind] else 403
        for path in ("", "/content", "/thumbnail"):
            response = await client.get(f"/api/documents/{document_id}{path}", headers=headers)
            assert response.status_code == expected, (role, path, response.text)
        filtered = await client.get(
            f"/api/patients/{patient_id}/documents", params={"kind": kind}, headers=headers
        )
        assert filtered.status_code == expected, (role, filtered.text)
        listed = await client.get(f"/api/patients/{patient_id}/documents", headers=headers)
        ids = [d["document_id"] for d in listed.json()["documents"]]
        assert ids == ([document_id] if expected == 200 else []), role


async def test_only_admins_retire(
    client: httpx.AsyncClient, bearer: Login, admin: Headers, patient_id: int
) -> None:
    document = await uploaded(client, admin, patient_id, png())
    for role in (Role.doctor, Role.nurse, Role.receptionist):
        response = await client.delete(
            f"/api/documents/{document['document_id']}", headers=await bearer(role)
        )
        assert response.status_code == 403


# --- Retirement and archived patients ---------------------------------------------------------


async def test_a_retired_document_is_gone_but_kept(
    client: httpx.AsyncClient, admin: Headers, patient_id: int, app: FastAPI
) -> None:
    document = await uploaded(client, admin, patient_id, jpeg_with_gps())
    kept = await uploaded(client, admin, patient_id, pdf(), kind="consent")
    path = f"/api/documents/{document['document_id']}"
    retired = await client.delete(path, headers=admin)
    assert retired.status_code == 200
    assert retired.json() == {
        "message": "Document retired successfully",
        "document_id": document["document_id"],
    }
    for suffix in ("", "/content", "/thumbnail"):
        response = await client.get(path + suffix, headers=admin)
        assert response.status_code == 404
        assert response.json()["code"] == "document_not_found"
    assert (await client.delete(path, headers=admin)).status_code == 404
    listed = await client.get(f"/api/patients/{patient_id}/documents", headers=admin)
    assert [d["document_id"] for d in listed.json()["documents"]] == [kept["document_id"]]
    # The row and its bytes stay, for the retention period.
    assert await stored_count(app) == (2, 3)
    async with app.state.sessionmaker() as db:
        row = await db.get(Document, document["document_id"])
        assert row is not None and row.retired_at is not None


async def test_an_archived_patients_documents_are_404(
    client: httpx.AsyncClient, admin: Headers, patient_id: int
) -> None:
    document = await uploaded(client, admin, patient_id, png())
    archived = await client.delete(f"/api/patients/{patient_id}", headers=admin)
    assert archived.status_code == 200
    for path in ("", "/content", "/thumbnail"):
        response = await client.get(
            f"/api/documents/{document['document_id']}{path}", headers=admin
        )
        assert response.status_code == 404
    listed = await client.get(f"/api/patients/{patient_id}/documents", headers=admin)
    assert listed.status_code == 404
    assert listed.json()["code"] == "not_found"
    await upload(client, admin, patient_id, png(), expect=404)
    retire = await client.delete(f"/api/documents/{document['document_id']}", headers=admin)
    assert retire.status_code == 404


# --- The audit trail --------------------------------------------------------------------------


async def of_request(app: FastAPI, request_id: str) -> list[tuple[Any, ...]]:
    return [
        (e["action"], e["resource_type"], e["resource_id"], e["patient_id"], e["outcome"])
        for e in await events(app, "request_id = :r", r=request_id)
    ]


async def test_every_action_is_an_audit_event_of_the_patient(
    client: httpx.AsyncClient, bearer: Login, admin: Headers, patient_id: int, app: FastAPI
) -> None:
    def rid(value: str) -> Headers:
        return {"X-Request-ID": value}

    document = await uploaded(client, admin | rid("d-upload"), patient_id, pdf(), kind="referral")
    doc_id = str(document["document_id"])
    assert await of_request(app, "d-upload") == [
        ("create", "document", doc_id, patient_id, "success")
    ]
    await client.get(f"/api/patients/{patient_id}/documents", headers=admin | rid("d-list"))
    assert await of_request(app, "d-list") == [
        ("read", "document_list", "patient_id", patient_id, "success"),
        ("read", "document", doc_id, patient_id, "success"),
    ]
    await client.get(f"/api/documents/{doc_id}", headers=admin | rid("d-get"))
    assert await of_request(app, "d-get") == [("read", "document", doc_id, patient_id, "success")]
    await client.get(f"/api/documents/{doc_id}/content", headers=admin | rid("d-content"))
    assert await of_request(app, "d-content") == [
        ("read", "document_content", doc_id, patient_id, "success")
    ]
    receptionist = await bearer(Role.receptionist)
    denied = await client.get(
        f"/api/documents/{doc_id}/content", headers=receptionist | rid("d-denied")
    )
    assert denied.status_code == 403
    assert await of_request(app, "d-denied") == [
        ("access_denied", "document_content", doc_id, patient_id, "denied")
    ]
    await client.delete(f"/api/documents/{doc_id}", headers=admin | rid("d-retire"))
    assert await of_request(app, "d-retire") == [
        ("delete", "document", doc_id, patient_id, "success")
    ]
    refused = await upload(
        client, admin | rid("d-refused"), patient_id, pdf(javascript="x()"), expect=415
    )
    assert refused.status_code == 415
    assert await of_request(app, "d-refused") == [
        ("create", "document", None, patient_id, "failure")
    ]
