"""Schemas shared by every domain: the error body, pagination and plain messages."""

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    TypeAdapter,
    WithJsonSchema,
    field_validator,
)

from clinichub.clinic_time import local_day
from clinichub.errors import BadRequest, ErrorCode


class SortOrder(StrEnum):
    asc = "asc"
    desc = "desc"


class RequestModel(BaseModel):
    """Base of every request body: unknown fields are an error, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ResponseModel(BaseModel):
    """Base of every response body: each field is always sent, defaults included, so the
    document marks each one required (in requests, a field with a default stays optional)."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


def reject_null(value: object) -> object:
    """For partial updates: a field that is required on create may be left out, but not nulled."""
    if value is None:
        raise ValueError("may not be null")
    return value


def not_null(*fields: str) -> Any:
    """The validator of a partial update whose `fields`, required on create, may be left out but
    not nulled: `_not_null = not_null("first_name", "last_name")`."""
    return field_validator(*fields, mode="before")(reject_null)


def _offer_no_null(schema: dict[str, Any]) -> None:
    options = [option for option in schema.pop("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        # The field's own keywords (its description) win over those of its type.
        schema.update({key: value for key, value in options[0].items() if key not in schema})
    elif options:
        schema["anyOf"] = options
    if "default" in schema and schema["default"] is None:
        del schema["default"]


T = TypeVar("T")
# A field of a partial update that may be left out but not sent as null (the model refuses null
# with `reject_null`): the document offers no null either, so clients never send one.
Omittable = Annotated[T | None, Field(json_schema_extra=_offer_no_null)]


# Characters that change how text is shown without being seen: bidirectional overrides and
# isolates (U+202A-U+202E, U+2066-U+2069) and zero-width characters (U+200B-U+200F, U+2060,
# U+FEFF) are all format characters (Unicode category Cf), as are the other invisible ones (the
# soft hyphen, invisible operators, tag characters). With them a name or a note can read one way
# on screen and another in storage, or reorder what a printed record says (CVE-2021-42574,
# "Trojan Source"). Control characters other than tab and line breaks, and lone surrogates (which
# no encoding can store), have no place in text either.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def hidden_character(value: str) -> str | None:
    """The first invisible format character, control character or lone surrogate in `value`."""
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cf", "Cs") or (category == "Cc" and char not in _ALLOWED_CONTROLS):
            return char
    return None


def _visible_text(value: str) -> str:
    char = hidden_character(value)
    if char is not None:
        raise ValueError(
            f"must not contain invisible or bidirectional control characters (U+{ord(char):04X})"
        )
    return value


# Every person's name and free-text field of a request: one type, so that no field forgets the
# check. Constrain its length where it is used: Annotated[Text, StringConstraints(...)].
Text = Annotated[str, AfterValidator(_visible_text)]

Name = Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]

_PHONE_CHARS = re.compile(r"[0-9 +\-().]{7,20}")


def _valid_phone(value: str) -> str:
    if not _PHONE_CHARS.fullmatch(value) or sum(c.isdigit() for c in value) < 7:
        raise ValueError(
            "a phone number is 7 to 20 characters of digits, spaces and + - ( ) . "
            "with at least 7 digits"
        )
    return value


# What _valid_phone takes, for the document: at least 7 digits among the separators (with
# maxLength 20, which also bounds the digits).
_PHONE_PATTERN = r"^[ +\-().]*(?:[0-9][ +\-().]*){7,}$"

Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=20),
    AfterValidator(_valid_phone),
    Field(
        examples=["7871234567"],
        description="7 to 20 characters of digits, spaces and + - ( ) . with at least 7 digits",
        json_schema_extra={"pattern": _PHONE_PATTERN},
    ),
]


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str
    message: str


class Error(BaseModel):
    """The one error body of the API. `error` is for people, `code` for programs."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "error": "Missing required field: first_name",
                    "code": ErrorCode.invalid_request,
                    "details": [{"field": "first_name", "message": "Field required"}],
                }
            ]
        },
    )

    error: str
    code: ErrorCode
    details: list[ErrorDetail] | None = Field(
        default=None, description="One entry per invalid field, where the error names fields"
    )
    conflict_appointment_id: int | None = Field(
        default=None,
        description="On a 409 `appointment_conflict` or `patient_conflict`: the appointment "
        "that holds the slot",
    )
    cpt_code: str | None = Field(
        default=None,
        description="On a 409 `cpt_code_inactive`: the code the visit would be billed with",
    )


class Message(ResponseModel):
    message: str


# --- Dates and timestamps ---------------------------------------------------------------------

# Every date and timestamp the API takes lies in this range, unless its field is tighter (a birth
# date, an appointment, a medical record): a year 0001 or 9999 is a typo or a probe, never data,
# and far ends overflow date arithmetic.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE_RANGE = f"from {EARLIEST_DATE} to {LATEST_DATE}"
_EARLIEST_MOMENT = datetime.combine(EARLIEST_DATE, time(0), tzinfo=UTC)
_END_OF_RANGE = datetime.combine(LATEST_DATE + timedelta(days=1), time(0), tzinfo=UTC)


def out_of_bounds(field: str, message: str) -> BadRequest:
    """The field-level 400 of a date or timestamp outside its bounds."""
    return BadRequest(
        f"Invalid value for {field}: {message}", details=[{"field": field, "message": message}]
    )


def check_date_bounds(value: date, field: str) -> date:
    """400 naming `field` when a date (of a query) lies outside the API's range."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise out_of_bounds(field, f"must be {DATE_RANGE}")
    return value


def _date_in_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"must be {DATE_RANGE}")
    return value


def _as_utc(value: datetime) -> datetime:
    try:
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:  # the first or last hours of the calendar, with an offset
        raise ValueError(f"must be {DATE_RANGE}") from None
    if not _EARLIEST_MOMENT <= moment < _END_OF_RANGE:
        raise ValueError(f"must be {DATE_RANGE}")
    return moment


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value: object) -> object:
    """Only `YYYY-MM-DD`: pydantic alone would also take timestamps and numbers as dates."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("must be a date in YYYY-MM-DD format")


# A date in and out of the API, `YYYY-MM-DD` only, in the API's range; fields with tighter
# bounds check them too and say so in their description.
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date_only),
    AfterValidator(_date_in_range),
    WithJsonSchema(
        {"type": "string", "format": "date", "description": f"YYYY-MM-DD, {DATE_RANGE}"},
        mode="validation",
    ),
]


def _utc_iso(value: datetime) -> str:
    # A moment read from the database is in UTC already, and was checked on its way in.
    moment = value if value.tzinfo is UTC else _as_utc(value)
    return moment.isoformat().replace("+00:00", "Z")


_ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}")


def _iso_datetime_only(value: object) -> object:
    """ISO-8601 text or a datetime: pydantic alone would also read numbers as Unix times."""
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATETIME.match(value)):
        return value
    raise ValueError("must be an ISO-8601 date-time, e.g. 2026-04-15T10:00:00Z")


# A query bound given as a date (that whole day in the clinic's time zone) or as a timestamp; the
# handler parses it (scheduling.schemas.parse_bound) and checks its range, the document names
# both forms.
DateOrDateTime = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date", "description": f"YYYY-MM-DD, {DATE_RANGE}"},
                {
                    "type": "string",
                    "format": "date-time",
                    "description": f"ISO-8601, {DATE_RANGE}",
                },
            ]
        }
    ),
]


# A timestamp in and out of the API: naive input is UTC, offsets are converted, output ends in Z.
# Input lies in the API's range (fields with tighter bounds check them too).
UtcDateTime = Annotated[
    datetime,
    BeforeValidator(_iso_datetime_only),
    AfterValidator(_as_utc),
    PlainSerializer(_utc_iso, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "description": f"ISO-8601, {DATE_RANGE}"},
        mode="validation",
    ),
    # Without it the output schema would be a plain string, and clients would not parse it.
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]


_STATUS_DESCRIPTIONS = {
    400: "The request is malformed or invalid",
    401: "Not authenticated, or the token is invalid or expired",
    403: "The caller's role may not do this",
    404: "The resource does not exist",
    409: "The request conflicts with the current state",
    412: "If-Match names a version other than the current one: reload and retry",
    413: "The request body is larger than 1 MiB",
    415: "The file's type is not accepted",
    429: "Too many requests; retry after the number of seconds in Retry-After",
    503: "A dependency (the database) is unavailable",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI declarations of the error statuses an operation can return."""
    return {
        status: {"model": Error, "description": _STATUS_DESCRIPTIONS[status]} for status in statuses
    }


# A list filtered by a time range spans at most this much, so that no request makes PostgreSQL
# walk and count years of rows (OWASP API4:2023). An open end is allowed: pages bound the rest.
MAX_RANGE = timedelta(days=366)


def check_range(start: datetime | None, end: datetime | None, *, names: tuple[str, str]) -> None:
    """400 `invalid_range` when a range is reversed or longer than MAX_RANGE."""
    if start is None or end is None:
        return
    first, last = names
    if end < start:
        raise BadRequest(f"{last} must not be before {first}", code=ErrorCode.invalid_range)
    if end - start > MAX_RANGE:
        message = f"at most {MAX_RANGE.days} days after {first}"
        raise BadRequest(
            f"The range from {first} to {last} may span at most {MAX_RANGE.days} days",
            code=ErrorCode.invalid_range,
            details=[{"field": last, "message": message}],
        )


MAX_PER_PAGE = 100
# The largest page whose offset still fits PostgreSQL's bigint: beyond it a 400, not a 500.
MAX_PAGE = (2**63 - 1) // MAX_PER_PAGE


def _whole_number(value: object) -> object:
    """A JSON number with no fraction is an integer (JSON Schema's `integer` admits 2500.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# An integer of a request body that takes no text and no booleans ("25", true), nor a fraction
# (25.5), but takes a whole number written as a float (2500.0), as JSON Schema's `integer` does.
# Put after `Field(strict=True, ge=..., le=...)`, so that the bounds stay the document's
# `minimum` and `maximum`: `Annotated[int, Field(strict=True, ge=0, le=99), WHOLE]`.
WHOLE = BeforeValidator(_whole_number)


# Ids are PostgreSQL bigints: a path or query id outside 1..2**63 - 1 is a 400, never a 500.
MAX_ID = 2**63 - 1

# The version column of a resource that can be updated (see clinichub.preconditions).
Version = Annotated[
    int, Field(description="Incremented by every change; the ETag of GET is this number in quotes")
]
# An id in a request body.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


@dataclass(frozen=True)
class PageParams:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class Pagination(ResponseModel):
    total: int = Field(description="Number of items matching the query")
    pages: int = Field(description="Number of pages; 0 when there are no items")
    page: int
    per_page: int = Field(description="The effective page size, after capping")
    has_next: bool
    has_prev: bool

    @classmethod
    def of(cls, params: PageParams, total: int) -> "Pagination":
        pages = math.ceil(total / params.per_page)
        return cls(
            total=total,
            pages=pages,
            page=params.page,
            per_page=params.per_page,
            has_next=params.page < pages,
            has_prev=params.page > 1,
        )


_MOMENT: TypeAdapter[datetime] = TypeAdapter(UtcDateTime)


def parse_bound(raw: str | None, field: str, tz: tzinfo, *, end: bool) -> datetime | None:
    """An ISO datetime (UTC unless it has an offset), or a bare date meaning the start (or, for
    an end bound, the end) of that day in the clinic time zone; either in the API's range
    (400 naming `field` otherwise)."""
    if raw is None:
        return None
    # Only the forms the document names, YYYY-MM-DD and YYYY-MM-DDTHH:MM...: Python's ISO parser
    # also reads the basic (20260415) and week (2026-W16-3) forms, and pydantic's lax one reads
    # numbers as Unix times.
    if _ISO_DATE.fullmatch(raw):
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            pass
        else:
            window = local_day(check_date_bounds(day, field), tz)
            return window.end if end else window.start
    try:
        if not _ISO_DATETIME.match(raw):
            raise ValueError(raw)
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest(
            f"Invalid value for {field}: expected an ISO date or datetime",
            details=[{"field": field, "message": "expected YYYY-MM-DD or an ISO datetime"}],
        ) from None
    try:
        return _MOMENT.validate_python(moment)
    except ValueError:  # outside the range (UtcDateTime's check)
        raise out_of_bounds(field, f"must be {DATE_RANGE}") from None
