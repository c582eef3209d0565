"""The errors of patients' documents, each defined once: raised from here, shown as the OpenAPI
examples of the documents' operations (`examples.py`)."""

from clinichub.errors import (
    BadRequest,
    Catalogued,
    ErrorCode,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    ServiceUnavailable,
    UnsupportedMediaType,
)

DOCUMENT_NOT_FOUND = Catalogued(NotFound, ErrorCode.document_not_found, "Document not found")
NO_THUMBNAIL = Catalogued(
    NotFound, ErrorCode.not_found, "This document has no thumbnail: only images have one"
)
CLINICAL_KIND = Catalogued(
    Forbidden,
    ErrorCode.forbidden,
    "Forbidden: {kind} documents are clinical, for admins, doctors and nurses",
)
DOCUMENT_TOO_LARGE = Catalogued(
    PayloadTooLarge,
    ErrorCode.document_too_large,
    "The file is too large: at most {max_bytes} bytes",
)
UNSUPPORTED_TYPE = Catalogued(
    UnsupportedMediaType,
    ErrorCode.unsupported_document_type,
    "Unsupported file type: only JPEG, PNG, WebP, HEIC and PDF files are accepted",
)
TYPE_MISMATCH = Catalogued(
    UnsupportedMediaType,
    ErrorCode.document_type_mismatch,
    "The file is a {detected} file, but its {where} says otherwise",
)
UNREADABLE = Catalogued(
    UnsupportedMediaType,
    ErrorCode.unreadable_document,
    "The file could not be read as a {detected} file",
)
ACTIVE_CONTENT = Catalogued(
    UnsupportedMediaType,
    ErrorCode.document_active_content,
    "PDF files with JavaScript, launch actions or scripted forms are not accepted",
)
ENCRYPTED_PDF = Catalogued(
    UnsupportedMediaType,
    ErrorCode.unreadable_document,
    "Encrypted PDF files are not accepted: their content cannot be checked",
)
TOO_MANY_PIXELS = Catalogued(
    UnsupportedMediaType,
    ErrorCode.unreadable_document,
    "The image is too large: at most {max_pixels} pixels",
)
PLAN_REQUIRED = Catalogued(
    BadRequest,
    ErrorCode.invalid_request,
    "Missing required field: plan_id (the insurance plan the card belongs to)",
)
PLAN_NOT_ALLOWED = Catalogued(
    BadRequest,
    ErrorCode.invalid_request,
    "Invalid value for plan_id: only insurance cards belong to a plan",
)
PLAN_NOT_FOUND = Catalogued(
    BadRequest,
    ErrorCode.plan_not_found,
    "Invalid value for plan_id: the patient has no such insurance plan",
)
STORE_UNAVAILABLE = Catalogued(
    ServiceUnavailable,
    ErrorCode.document_store_unavailable,
    "The document store is unavailable; try again shortly",
)


def plan_required() -> Exception:
    return PLAN_REQUIRED.error(details=[{"field": "plan_id", "message": "Field required"}])


def plan_not_allowed() -> Exception:
    return PLAN_NOT_ALLOWED.error(
        details=[{"field": "plan_id", "message": "only for insurance cards"}]
    )


def plan_not_found() -> Exception:
    return PLAN_NOT_FOUND.error(
        details=[{"field": "plan_id", "message": "not an insurance plan of the patient"}]
    )
