"""Render every error, ours or the framework's, as the API's one `Error` body."""

import logging
import re
from datetime import date, time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from clinichub.db.constraints import violated_constraint
from clinichub.errors import AppError, ErrorCode
from clinichub.security_headers import headers_for
from clinichub.transient_retry import TRANSIENT_SQLSTATES, mark_retryable
from clinichub.web.idempotency import IdempotentReplay, replay_response

logger = logging.getLogger("clinichub.errors")

_HTTP_CODES = {
    400: ErrorCode.invalid_request,
    401: ErrorCode.unauthorized,
    403: ErrorCode.forbidden,
    404: ErrorCode.not_found,
    405: ErrorCode.method_not_allowed,
    413: ErrorCode.payload_too_large,
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc[1:]] if len(loc) > 1 else [str(part) for part in loc]
    return ".".join(parts)


def _message(error: dict[str, Any]) -> tuple[str, str]:
    """(detail message, sentence for people) for one pydantic error."""
    kind = error["type"]
    loc = tuple(error.get("loc", ()))
    field = _field_name(loc)
    if kind == "json_invalid":
        return "Invalid JSON", "Request body is not valid JSON"
    if kind == "missing" and loc == ("body",):
        return "Field required", "Request body is required"
    if kind == "missing":
        return "Field required", f"Missing required field: {field}"
    if kind == "extra_forbidden":
        return "Unknown field", f"Unknown field: {field}"
    if kind in _COMPARISONS and error.get("ctx"):
        # Said with the bound as the API writes it (2000-01-01, 09:00:00), whatever object the
        # validator holds: never a Python repr such as datetime.date(2000, 1, 1).
        bound = next(iter(error["ctx"].values()))
        message = f"Input should be {_COMPARISONS[kind]} {_as_text(bound)}"
    else:
        message = str(error.get("msg", "Invalid value")).removeprefix("Value error, ")
    return message, f"Invalid value for {field}: {message}"


_COMPARISONS = {
    "greater_than": "greater than",
    "greater_than_equal": "greater than or equal to",
    "less_than": "less than",
    "less_than_equal": "less than or equal to",
}


def _as_text(value: object) -> str:
    """A value in a message, as the API writes it: dates and times in ISO-8601."""
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def validation_error_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    details = []
    sentences = []
    for error in errors:
        message, sentence = _message(error)
        field = "body" if error["type"] == "json_invalid" else _field_name(tuple(error["loc"]))
        details.append({"field": field, "message": message})
        sentences.append(sentence)
    return {
        "error": sentences[0] if sentences else "Invalid request",
        "code": ErrorCode.invalid_request,
        "details": details,
    }


def error_response(exc: AppError) -> JSONResponse:
    """The one rendering of a domain error, for the handler and for middleware that refuses a
    request before the app sees it."""
    return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)


async def _app_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return error_response(exc)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(validation_error_body(list(exc.errors())), status_code=400)


async def _out_of_range(_: Request, exc: Exception) -> JSONResponse:
    # Dates near the ends of the calendar (9999-12-31 with an offset, the day after it) overflow
    # Python's datetime arithmetic; only client input can bring them here.
    assert isinstance(exc, OverflowError)
    return JSONResponse(
        {
            "error": "A date or number is outside the supported range",
            "code": ErrorCode.out_of_range,
        },
        status_code=400,
    )


def allowed_methods(request: Request) -> str | None:
    """The `Allow` header of a 405: the methods the OpenAPI document gives the request's path.
    Starlette names only those of the first route that matched, though each method of a path is
    a route of its own. None for a path the document does not describe."""
    path = request.scope.get("path", "")
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return ", ".join(sorted(method.upper() for method in item))
    return None


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = exc.detail if isinstance(exc.detail, str) else "Request failed"
    if status == 404 and message == "Not Found":
        message = "Resource not found"
    headers = dict(exc.headers or {})
    if status == 405:
        headers["Allow"] = allowed_methods(request) or headers.get("Allow", "")
    return JSONResponse(
        {"error": message, "code": _HTTP_CODES.get(status, ErrorCode.http_error)},
        status_code=status,
        headers=headers or None,
    )


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    """A constraint the database enforces (possibly only at COMMIT) and no rule caught first."""
    assert isinstance(exc, IntegrityError)
    # Only the constraint and the SQLSTATE: the driver's message and its DETAIL line quote the
    # offending key values (an email, a name), and logs must never hold patient data.
    request_id = request.scope.get("state", {}).get("request_id")
    logger.warning(
        "Integrity error in %s %s (request id %s): constraint %s, SQLSTATE %s",
        request.method,
        request.url.path,
        request_id,
        violated_constraint(exc),
        getattr(exc.orig, "sqlstate", None),
        extra={"request_id": request_id},
    )
    return JSONResponse(
        {"error": "The request conflicts with existing data", "code": ErrorCode.conflict}, 409
    )


# SQLSTATE 22021 (character_not_in_repertoire): PostgreSQL text cannot hold a NUL character, and
# only client input brings one, in any string of any body or query.
_NUL_IN_TEXT = "22021"
# 57014 (query_canceled): the statement ran past CLINICHUB_DB_STATEMENT_TIMEOUT_MS; 53300
# (too_many_connections): the server has no connection left for this process's pool.
_BUSY = frozenset({"57014", "53300"})
RETRY_AFTER_SECONDS = "1"


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DBAPIError)
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate == _NUL_IN_TEXT:
        return JSONResponse(
            {"error": "Text must not contain NUL characters", "code": ErrorCode.invalid_request},
            400,
        )
    if sqlstate in TRANSIENT_SQLSTATES or sqlstate in _BUSY:
        request_id = request.scope.get("state", {}).get("request_id")
        logger.warning(
            "Database busy in %s %s (request id %s): SQLSTATE %s",
            request.method,
            request.url.path,
            request_id,
            sqlstate,
            extra={"request_id": request_id},
        )
        if sqlstate in TRANSIENT_SQLSTATES:
            mark_retryable(request.scope)
        return JSONResponse(
            {"error": "The database is busy; try again shortly", "code": ErrorCode.database_busy},
            503,
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    request_id = request.scope.get("state", {}).get("request_id")
    logger.exception(
        "Unhandled error in %s %s (request id %s)",
        request.method,
        request.url.path,
        request_id,
        exc_info=exc,
        # This handler runs outside the middleware that gives log lines the request's id.
        extra={"request_id": request_id},
    )
    # This handler answers outside every middleware, so it sets their headers itself: the id is
    # what ties a client's report to the logged stack trace.
    headers = dict(headers_for(request.url.path))
    if request_id:
        headers["X-Request-ID"] = request_id
    return JSONResponse(
        {"error": "Internal server error", "code": ErrorCode.internal_error}, 500, headers=headers
    )


async def _replay(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, IdempotentReplay)
    return replay_response(exc.replay)


def install(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(IdempotentReplay, _replay)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(OverflowError, _out_of_range)
    app.add_exception_handler(Exception, _unexpected)
