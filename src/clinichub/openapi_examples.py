"""Examples of the OpenAPI document, by operation: requests, answers and errors.

They follow the original ClinicHub README where it gave one (logging in, the patients, the
appointment that is completed and invoiced) and the demo clinic elsewhere. A test validates
every example against its schema, so they cannot drift from the API.
"""

from typing import Any

from clinichub.auth.errors import INVALID_TOKEN, TOKEN_MISSING
from clinichub.errors import EMAIL_EXISTS, ErrorCode
from clinichub.users.errors import USER_NOT_FOUND

Example = dict[str, Any]
Examples = dict[str, Example]


def _one(summary: str, value: Any) -> Examples:
    return {"example": {"summary": summary, "value": value}}


def _error(error: str, code: ErrorCode, **context: Any) -> Example:
    return {"error": error, "code": code, **context}


def _named(name: str, summary: str, value: Any) -> Example:
    return {name: {"summary": summary, "value": value}}


PAGE_1 = {"total": 1, "pages": 1, "page": 1, "per_page": 10, "has_next": False, "has_prev": False}
CREATED_AT = "2026-04-14T09:00:00Z"


REQUEST_EXAMPLES: dict[str, Examples] = {}


RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "health_check": {
        "200": _one("Up", {"status": "ok", "database": "ok", "database_privileges": "runtime"}),
        "503": _one("No database", {"status": "unavailable", "database": "unavailable"}),
    },
}

# Errors every operation shares, by status; 404s name the resource of the operation's tag.
ERROR_EXAMPLES: dict[str, Examples] = {
    "400": _named(
        "missing_field",
        "A required field is missing",
        _error(
            "Missing required field: first_name",
            ErrorCode.invalid_request,
            details=[{"field": "first_name", "message": "Field required"}],
        ),
    ),
    "401": {
        **_named(
            "token_missing",
            "No token",
            TOKEN_MISSING.example(),
        ),
        **_named(
            "invalid_token",
            "Invalid or expired token",
            INVALID_TOKEN.example(),
        ),
    },
    "403": _named(
        "forbidden",
        "The role may not do this",
        _error("Forbidden: insufficient permissions", ErrorCode.forbidden),
    ),
    "409": _named(
        "conflict",
        "Conflicts with existing data",
        _error("The request conflicts with existing data", ErrorCode.conflict),
    ),
    "412": _named(
        "precondition_failed",
        "Changed since it was read",
        _error(
            "The resource has changed since it was read (If-Match does not match its ETag): "
            "read it again and reapply the change",
            ErrorCode.precondition_failed,
        ),
    ),
    "413": _named(
        "too_large",
        "The body is too large",
        _error("Request body too large", ErrorCode.payload_too_large),
    ),
    "429": _named(
        "rate_limited",
        "Too many requests",
        _error("Too many requests, try again later", ErrorCode.rate_limited),
    ),
    "500": _named(
        "internal_error",
        "An unexpected error",
        _error("Internal server error", ErrorCode.internal_error),
    ),
    "503": _named(
        "database_busy",
        "The database stayed busy",
        _error("The database is busy; try again shortly", ErrorCode.database_busy),
    ),
}

NOT_FOUND_BY_TAG: dict[str, Example] = {
    "auth": _error("Resource not found", ErrorCode.not_found),
    "users": USER_NOT_FOUND.example(),
    "reports": _error("Resource not found", ErrorCode.not_found),
    "audit": _error("Resource not found", ErrorCode.not_found),
}

EMAIL_EXISTS_EXAMPLES = _named(
    "email_exists", "The email belongs to another", EMAIL_EXISTS.example()
)


OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {}
