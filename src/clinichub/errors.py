"""Domain errors. Each carries its HTTP status and stable code; one handler renders them all.

No FastAPI here: rules and repositories raise these, the web layer turns them into responses.
"""

from dataclasses import dataclass
from enum import StrEnum
from string import Formatter
from typing import Any, ClassVar


# Every code an error body can carry: the defaults of the error classes below, each domain's
# catalogue (`<domain>/errors.py`) and the framework's errors that `exception_handlers` renders.
# The document offers exactly these (a test checks both ways), so a client can handle each.
class ErrorCode(StrEnum):
    """The stable code of an error, for programs; `error` says the same for people."""

    # The error classes' defaults, by status.
    invalid_request = "invalid_request"
    unauthorized = "unauthorized"
    forbidden = "forbidden"
    not_found = "not_found"
    conflict = "conflict"
    precondition_failed = "precondition_failed"
    payload_too_large = "payload_too_large"
    uri_too_long = "uri_too_long"
    rate_limited = "rate_limited"
    headers_too_large = "headers_too_large"
    # Refused at the edge, before an operation runs.
    duplicate_key = "duplicate_key"
    method_not_allowed = "method_not_allowed"
    out_of_range = "out_of_range"
    invalid_range = "invalid_range"
    idempotency_key_reuse = "idempotency_key_reuse"
    idempotency_key_in_progress = "idempotency_key_in_progress"
    # Any other status the framework raises.
    http_error = "http_error"
    internal_error = "internal_error"
    database_busy = "database_busy"
    # Authentication.
    invalid_credentials = "invalid_credentials"
    token_missing = "token_missing"
    invalid_token = "invalid_token"
    token_reused = "token_reused"
    invalid_current_password = "invalid_current_password"
    # Users, patients and clinical records.
    email_exists = "email_exists"
    last_admin = "last_admin"
    appointment_patient_mismatch = "appointment_patient_mismatch"
    empty_update = "empty_update"
    no_measurement = "no_measurement"
    audit_head_missing = "audit_head_missing"
    # Scheduling.
    not_a_provider = "not_a_provider"
    appointment_conflict = "appointment_conflict"
    patient_conflict = "patient_conflict"
    outside_working_hours = "outside_working_hours"
    invalid_status_transition = "invalid_status_transition"
    cannot_reschedule = "cannot_reschedule"
    already_cancelled = "already_cancelled"
    appointment_completed = "appointment_completed"
    visit_not_started = "visit_not_started"
    invalid_working_hours = "invalid_working_hours"
    # Billing.
    appointment_not_found = "appointment_not_found"
    cpt_code_not_found = "cpt_code_not_found"
    cpt_code_exists = "cpt_code_exists"
    invalid_cpt_code = "invalid_cpt_code"
    cpt_code_inactive = "cpt_code_inactive"
    cpt_record_not_found = "cpt_record_not_found"
    invoice_not_found = "invoice_not_found"
    appointment_not_completed = "appointment_not_completed"
    no_cpt_record = "no_cpt_record"
    invoice_exists = "invoice_exists"
    already_invoiced = "already_invoiced"
    invalid_status = "invalid_status"
    # Patients' documents.
    document_not_found = "document_not_found"
    document_too_large = "document_too_large"
    unsupported_document_type = "unsupported_document_type"
    document_type_mismatch = "document_type_mismatch"
    unreadable_document = "unreadable_document"
    document_active_content = "document_active_content"
    plan_not_found = "plan_not_found"
    document_store_unavailable = "document_store_unavailable"


class AppError(Exception):
    status_code: ClassVar[int] = 400
    default_code: ClassVar[ErrorCode] = ErrorCode.invalid_request

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode | None = None,
        details: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        **context: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.details = details
        self.headers = headers or {}
        self.context = context

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.message, "code": self.code}
        if self.details:
            body["details"] = self.details
        body.update(self.context)
        return body


class BadRequest(AppError):
    status_code = 400
    default_code = ErrorCode.invalid_request


class Unauthorized(AppError):
    status_code = 401
    default_code = ErrorCode.unauthorized

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"}, **kwargs)


class Forbidden(AppError):
    status_code = 403
    default_code = ErrorCode.forbidden


class NotFound(AppError):
    status_code = 404
    default_code = ErrorCode.not_found


class Conflict(AppError):
    status_code = 409
    default_code = ErrorCode.conflict


class PreconditionFailed(AppError):
    """An `If-Match` that names a version other than the current one (RFC 9110 13.1.1)."""

    status_code = 412
    default_code = ErrorCode.precondition_failed


class PayloadTooLarge(AppError):
    status_code = 413
    default_code = ErrorCode.payload_too_large


class UnsupportedMediaType(AppError):
    status_code = 415
    default_code = ErrorCode.unsupported_document_type


class ServiceUnavailable(AppError):
    status_code = 503
    default_code = ErrorCode.document_store_unavailable


class UriTooLong(AppError):
    status_code = 414
    default_code = ErrorCode.uri_too_long


class HeadersTooLarge(AppError):
    """Request header fields too large (RFC 6585 section 5)."""

    status_code = 431
    default_code = ErrorCode.headers_too_large


class TooManyRequests(AppError):
    status_code = 429
    default_code = ErrorCode.rate_limited

    def __init__(self, message: str, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)}, **kwargs)


@dataclass(frozen=True)
class Catalogued:
    """One error of the catalogue: its status (the class), code and message, defined once. The
    code raises `.error()`; the OpenAPI document shows `.example()`, so both always agree.

    A message may have `{placeholders}`, filled by the keyword arguments of `error` and
    `example`; the others become context keys of the body (`conflict_appointment_id`)."""

    kind: type[AppError]
    code: ErrorCode
    message: str

    @property
    def status_code(self) -> int:
        return self.kind.status_code

    def _split(self, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        names = {name for _, name, _, _ in Formatter().parse(self.message) if name}
        message = self.message.format(**{name: values[name] for name in names})
        return message, {key: value for key, value in values.items() if key not in names}

    def error(self, *, details: list[dict[str, str]] | None = None, **values: Any) -> AppError:
        message, context = self._split(values)
        return self.kind(message, code=self.code, details=details, **context)

    def example(self, **values: Any) -> dict[str, Any]:
        message, context = self._split(values)
        return {"error": message, "code": self.code, **context}


# Errors of more than one domain, catalogued once (each domain's own are in `<domain>/errors.py`).
EMAIL_EXISTS = Catalogued(Conflict, ErrorCode.email_exists, "Email already exists")
