"""Domain errors. Each carries its HTTP status and stable code; one handler renders them all.

No FastAPI here: rules and repositories raise these, the web layer turns them into responses.
"""

from dataclasses import dataclass
from string import Formatter
from typing import Any, ClassVar


class AppError(Exception):
    status_code: ClassVar[int] = 400
    default_code: ClassVar[str] = "invalid_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
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
    default_code = "invalid_request"


class Unauthorized(AppError):
    status_code = 401
    default_code = "unauthorized"

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"}, **kwargs)


class Forbidden(AppError):
    status_code = 403
    default_code = "forbidden"


class NotFound(AppError):
    status_code = 404
    default_code = "not_found"


class Conflict(AppError):
    status_code = 409
    default_code = "conflict"


class PreconditionFailed(AppError):
    """An `If-Match` that names a version other than the current one (RFC 9110 13.1.1)."""

    status_code = 412
    default_code = "precondition_failed"


class PayloadTooLarge(AppError):
    status_code = 413
    default_code = "payload_too_large"


class UriTooLong(AppError):
    status_code = 414
    default_code = "uri_too_long"


class HeadersTooLarge(AppError):
    """Request header fields too large (RFC 6585 section 5)."""

    status_code = 431
    default_code = "headers_too_large"


class TooManyRequests(AppError):
    status_code = 429
    default_code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after)}, **kwargs)


@dataclass(frozen=True)
class Catalogued:
    """One error of the catalogue: its status (the class), code and message, defined once. The
    code raises `.error()`; the OpenAPI document shows `.example()`, so both always agree.

    A message may have `{placeholders}`, filled by the keyword arguments of `error` and
    `example`; the others become context keys of the body (`conflict_appointment_id`)."""

    kind: type[AppError]
    code: str
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
EMAIL_EXISTS = Catalogued(Conflict, "email_exists", "Email already exists")
