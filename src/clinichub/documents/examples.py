"""The OpenAPI examples of the documents' operations: requests, answers and errors (the errors
built from the catalogue, `errors.py`), and the declarations of the downloads' binary bodies."""

from typing import Any

from clinichub.documents.errors import (
    ACTIVE_CONTENT,
    CLINICAL_KIND,
    DOCUMENT_NOT_FOUND,
    DOCUMENT_TOO_LARGE,
    NO_THUMBNAIL,
    TYPE_MISMATCH,
    UNSUPPORTED_TYPE,
)
from clinichub.openapi_examples import PAGE_1, Example, Examples, _named, _one
from clinichub.patients.errors import PATIENT_NOT_FOUND
from clinichub.schemas import Error

MAX_BYTES = 10 * 1024 * 1024

DOCUMENT = {
    "document_id": 1,
    "patient_id": 1,
    "kind": "insurance_card_front",
    "title": "Blue Cross card, front",
    "plan_id": 1,
    "content_type": "image/jpeg",
    "size_bytes": 183204,
    "sha256": "9f2c1d8e5b7a4c3f6e0d2b1a8c7e6f5d4c3b2a1908f7e6d5c4b3a29180f7e6d5",
    "has_thumbnail": True,
    "uploaded_by_user_id": 4,
    "uploaded_at": "2026-04-14T09:02:00Z",
}
REFERRAL = {
    **DOCUMENT,
    "document_id": 2,
    "kind": "referral",
    "title": "Cardiology referral",
    "plan_id": None,
    "content_type": "application/pdf",
    "size_bytes": 94511,
    "sha256": "0b8e6c1f2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
    "has_thumbnail": False,
    "uploaded_by_user_id": 2,
}

REQUEST_EXAMPLES: dict[str, Examples] = {
    "documents_upload": {
        **_named(
            "insurance_card",
            "The front of an insurance card",
            {"file": "(the photo's bytes)", "kind": "insurance_card_front", "plan_id": 1},
        ),
        **_named(
            "referral",
            "A referral letter",
            {"file": "(the PDF's bytes)", "kind": "referral", "title": "Cardiology referral"},
        ),
    },
}

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "documents_upload": {
        "201": _one("Uploaded", {"message": "Document uploaded successfully", "document": DOCUMENT})
    },
    "documents_list": {
        "200": _one(
            "Two documents",
            {"documents": [REFERRAL, DOCUMENT], "pagination": PAGE_1 | {"total": 2}},
        )
    },
    "documents_get": {"200": _one("An insurance card", DOCUMENT)},
    "documents_retire": {
        "200": _one("Retired", {"message": "Document retired successfully", "document_id": 1})
    },
}

_BINARY = {"type": "string", "format": "binary"}
_ETAG = {
    "description": "The SHA-256 of the bytes, in quotes (the document's `sha256`)",
    "schema": {"type": "string", "examples": [f'"{DOCUMENT["sha256"]}"']},
}
_DISPOSITION = {
    "description": "`attachment` (`inline` for images), with a file name of the kind and id",
    "schema": {"type": "string", "examples": ['attachment; filename="referral-2.pdf"']},
}


def _binary(summary: str, value: str) -> dict[str, Any]:
    return {"schema": _BINARY, "examples": _one(summary, value)}


CONTENT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The document's bytes, as kept",
        "headers": {"ETag": _ETAG, "Content-Disposition": _DISPOSITION},
        "content": {
            "application/pdf": _binary("A PDF", "%PDF-1.7 ..."),
            "image/jpeg": _binary("A JPEG image", "(the image's bytes)"),
            "image/png": _binary("A PNG image", "(the image's bytes)"),
            "image/webp": _binary("A WebP image", "(the image's bytes)"),
        },
    }
}
THUMBNAIL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A JPEG of at most 320 pixels a side",
        "headers": {"Content-Disposition": _DISPOSITION},
        "content": {"image/jpeg": _binary("A thumbnail", "(the thumbnail's bytes)")},
    }
}
# The upload's own 413 and 415: the file's limit, and the types it may have.
UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": Error, "description": "The file is larger than CLINICHUB_DOCUMENT_MAX_BYTES"},
    415: {
        "model": Error,
        "description": "The file is not a JPEG, PNG, WebP, HEIC or PDF file, says it is another "
        "type than it is, cannot be read, or is a PDF with active content",
    },
}

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "documents_upload": {
        "404": _named("patient_not_found", "No such patient", PATIENT_NOT_FOUND.example()),
        "413": _named(
            "too_large", "Over the limit", DOCUMENT_TOO_LARGE.example(max_bytes=MAX_BYTES)
        ),
        "415": {
            **_named("unsupported", "Not an accepted type", UNSUPPORTED_TYPE.example()),
            **_named(
                "mismatch",
                "A PNG named .pdf",
                TYPE_MISMATCH.example(detected="PNG", where="file name"),
            ),
            **_named("active_content", "A PDF with JavaScript", ACTIVE_CONTENT.example()),
        },
    },
    "documents_list": {
        "403": _named(
            "clinical_kind",
            "A receptionist asks for referrals",
            CLINICAL_KIND.example(kind="referral"),
        ),
        "404": _named("patient_not_found", "No such patient", PATIENT_NOT_FOUND.example()),
    },
    **{
        operation_id: {
            "403": _named(
                "clinical_kind",
                "A receptionist asks for a referral",
                CLINICAL_KIND.example(kind="referral"),
            )
        }
        for operation_id in ("documents_get", "documents_content")
    },
    "documents_thumbnail": {
        "403": _named(
            "clinical_kind",
            "A receptionist asks for a referral",
            CLINICAL_KIND.example(kind="referral"),
        ),
        "404": {
            **_named("not_found", "No such document", DOCUMENT_NOT_FOUND.example()),
            **_named("no_thumbnail", "A PDF", NO_THUMBNAIL.example()),
        },
    },
}

NOT_FOUND_BY_TAG: dict[str, Example] = {"documents": DOCUMENT_NOT_FOUND.example()}
