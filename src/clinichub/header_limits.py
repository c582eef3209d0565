"""Request heads are bounded: at most 100 header fields, of at most 16 KiB in all (names and
values), and a request target (path and query) of at most 8 KiB. Past them, a 431
`headers_too_large` (RFC 6585 section 5) or a 414 `uri_too_long` (RFC 9110 15.5.15), before any
other work (OWASP API4:2023, unrestricted resource consumption).

Enforced twice. `clinichub serve` runs uvicorn with `clinichub.http_protocol`, which counts the
head as it arrives and answers as soon as a limit is passed, so that the server never holds more
than a little of it: an ASGI middleware alone would see the head only once the server had read
and stored all of it (a 32 MiB header, or 100,000 headers). The service's middleware (`edge`) checks
what any other ASGI server hands over, before anything else reads the headers.
"""

import logging
from dataclasses import dataclass
from http import HTTPStatus

from starlette.types import Scope

from clinichub.errors import AppError, HeadersTooLarge, UriTooLong
from clinichub.exception_handlers import error_response
from clinichub.security_headers import headers_for

MAX_HEADER_COUNT = 100
MAX_HEADER_BYTES = 16 * 1024
MAX_TARGET_BYTES = 8 * 1024
# The head as sent, separators and whitespace included: a bound on what the server buffers
# while a field is still arriving (the limits above are checked on each complete field).
MAX_HEAD_BYTES = 2 * (MAX_HEADER_BYTES + MAX_TARGET_BYTES)

logger = logging.getLogger(__name__)


def headers_too_large() -> HeadersTooLarge:
    return HeadersTooLarge(
        f"Request header fields too large: at most {MAX_HEADER_COUNT} fields of "
        f"{MAX_HEADER_BYTES} bytes (16 KiB) in all"
    )


def uri_too_long() -> UriTooLong:
    return UriTooLong(f"Request target too long: at most {MAX_TARGET_BYTES} bytes (8 KiB)")


@dataclass
class HeadBudget:
    """What one request head has used so far; each method counts more of it and returns the
    error to answer once a limit is passed."""

    target_bytes: int = 0
    fields: int = 0
    field_bytes: int = 0
    raw_bytes: int = 0

    def add_target(self, size: int) -> AppError | None:
        self.target_bytes += size
        return uri_too_long() if self.target_bytes > MAX_TARGET_BYTES else None

    def add_field(self, name_size: int, value_size: int) -> AppError | None:
        self.fields += 1
        self.field_bytes += name_size + value_size
        too_large = self.fields > MAX_HEADER_COUNT or self.field_bytes > MAX_HEADER_BYTES
        return headers_too_large() if too_large else None

    def add_raw(self, size: int) -> AppError | None:
        self.raw_bytes += size
        return headers_too_large() if self.raw_bytes > MAX_HEAD_BYTES else None


def head_error(scope: Scope) -> AppError | None:
    """The limit an ASGI request's head passes, if any."""
    budget = HeadBudget()
    raw_path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string", b"")
    error = budget.add_target(len(raw_path) + (len(query) + 1 if query else 0))
    if error is not None:
        return error
    headers = scope["headers"]
    if len(headers) > MAX_HEADER_COUNT:
        return headers_too_large()
    for name, value in headers:
        error = budget.add_field(len(name), len(value))
        if error is not None:
            return error
    return None


def refusal(error: AppError, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """The whole HTTP/1.1 response refusing a head, for a server protocol to write."""
    body = bytes(error_response(error).body)
    lines = [
        f"HTTP/1.1 {error.status_code} {HTTPStatus(error.status_code).phrase}".encode(),
        *(name + b": " + value for name, value in default_headers),
        b"content-type: application/json",
        b"content-length: %d" % len(body),
        b"connection: close",
        *(f"{name}: {value}".encode() for name, value in headers_for("/api").items()),
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def log_refusal(error: AppError) -> None:
    logger.warning("Request refused: %s", error.code, extra={"status": error.status_code})
