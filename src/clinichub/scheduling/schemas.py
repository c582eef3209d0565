from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from clinichub.billing.schemas import CptCodeValue
from clinichub.clinic_time import Interval
from clinichub.scheduling import errors
from clinichub.schemas import (
    Id,
    Omittable,
    Pagination,
    RequestModel,
    ResponseModel,
    Text,
    UtcDateTime,
    Version,
    not_null,
)
from clinichub.vocabulary import AppointmentStatus, InitialStatus, ProviderRole, VisitType

Reason = Annotated[Text, StringConstraints(max_length=500)]
Notes = Annotated[Text, StringConstraints(max_length=5000)]


def _wall_clock(value: time) -> time:
    if value.tzinfo is not None or value.second or value.microsecond:
        raise ValueError("a local time in whole minutes, HH:MM")
    return value


# A clinic-local wall time in whole minutes, "09:00" in and out (one schema for both ways).
ClockTime = Annotated[
    time,
    AfterValidator(_wall_clock),
    PlainSerializer(lambda value: value.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}),
]


# --- Appointments -----------------------------------------------------------------------------


_APPOINTMENT_TIME = "ISO-8601; from 2000-01-01 to five years from now"


class AppointmentCreate(RequestModel):
    patient_id: Id
    provider_user_id: Id
    scheduled_start: UtcDateTime = Field(description=_APPOINTMENT_TIME)
    scheduled_end: UtcDateTime = Field(description=_APPOINTMENT_TIME)
    status: InitialStatus = Field(
        default=InitialStatus.scheduled,
        description="A booking starts `scheduled` or `confirmed`; later statuses come by update",
    )
    visit_type: VisitType = VisitType.in_person
    reason: Reason | None = None
    notes: Notes | None = None
    cpt_code: CptCodeValue | None = Field(
        default=None, description="The procedure planned; billed on completion"
    )


class AppointmentUpdate(RequestModel):
    """Only the fields sent are changed; reason, notes and cpt_code may be cleared with null."""

    scheduled_start: Omittable[UtcDateTime] = Field(default=None, description=_APPOINTMENT_TIME)
    scheduled_end: Omittable[UtcDateTime] = Field(default=None, description=_APPOINTMENT_TIME)
    status: Omittable[AppointmentStatus] = None
    visit_type: Omittable[VisitType] = None
    reason: Reason | None = None
    notes: Notes | None = None
    cpt_code: CptCodeValue | None = None

    _not_null = not_null("scheduled_start", "scheduled_end", "status", "visit_type")


class AppointmentRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    appointment_id: int
    patient_id: int
    provider_user_id: int
    scheduled_start: UtcDateTime
    scheduled_end: UtcDateTime
    status: AppointmentStatus
    visit_type: VisitType
    reason: str | None
    notes: str | None
    cpt_code: str | None
    cancellation_reason: str | None
    telehealth_url: str | None = Field(
        description="The video visit's link, for telehealth visits (null in person)"
    )
    cpt_id: int | None = Field(description="The charge created when the visit was completed")
    created_at: UtcDateTime
    updated_at: UtcDateTime
    version: Version


class AppointmentCreated(ResponseModel):
    message: str = Field(examples=["Appointment created successfully"])
    appointment: AppointmentRead


class AppointmentUpdated(ResponseModel):
    message: str = Field(examples=["Appointment updated successfully"])
    appointment: AppointmentRead


class AppointmentCancelled(ResponseModel):
    message: str = Field(examples=["Appointment cancelled successfully"])
    appointment_id: int


class AppointmentList(ResponseModel):
    appointments: list[AppointmentRead]
    pagination: Pagination


class AppointmentSort(StrEnum):
    scheduled_start = "scheduled_start"
    scheduled_end = "scheduled_end"
    created_at = "created_at"
    status = "status"
    appointment_id = "appointment_id"


@dataclass(frozen=True)
class AppointmentQuery:
    """The filters of the list, as sent (the audit trail records them so)."""

    patient_id: int | None = None
    provider_user_id: int | None = None
    status: str | None = None
    visit_type: VisitType | None = None
    date_from: str | None = None
    date_to: str | None = None
    invoiced: bool | None = None


@dataclass(frozen=True)
class AppointmentFilters:
    patient_id: int | None = None
    provider_user_id: int | None = None
    statuses: tuple[AppointmentStatus, ...] = ()
    visit_type: VisitType | None = None
    # Appointments overlapping [start, end) are listed; either end may be open.
    start: datetime | None = None
    end: datetime | None = None
    # True: only appointments with an invoice; False: only those without; None: both.
    invoiced: bool | None = None


_STATUS_NAME = "|".join(AppointmentStatus)
# What parse_statuses takes: statuses separated by commas; blanks around a name and empty items
# are ignored, and the empty string filters nothing.
STATUS_FILTER_PATTERN = rf"^\s*(?:(?:{_STATUS_NAME})\s*)?(?:,\s*(?:(?:{_STATUS_NAME})\s*)?)*$"
StatusFilter = Annotated[str, WithJsonSchema({"type": "string", "pattern": STATUS_FILTER_PATTERN})]


def parse_statuses(raw: str | None) -> tuple[AppointmentStatus, ...]:
    """`scheduled,confirmed` -> both; an unknown name is a 400 naming the allowed values."""
    statuses = []
    for name in (raw or "").split(","):
        if not name.strip():
            continue
        try:
            statuses.append(AppointmentStatus(name.strip()))
        except ValueError:
            allowed = ", ".join(AppointmentStatus)
            raise errors.INVALID_STATUS_FILTER.error(
                name=name.strip(),
                allowed=allowed,
                details=[{"field": "status", "message": f"one or more of: {allowed}"}],
            ) from None
    return tuple(statuses)


class StatusCounts(ResponseModel):
    """How many appointments of one day are in each status; every status is present, zeros
    included (one field per AppointmentStatus, so clients read them without guessing keys)."""

    scheduled: int
    confirmed: int
    checked_in: int
    in_progress: int
    completed: int
    cancelled: int
    no_show: int


class DailyCount(ResponseModel):
    date: Annotated[date, Field(description="A day of the clinic's calendar (its time zone)")]
    total: int = Field(description="Appointments starting that day, in any status")
    by_status: StatusCounts


class DailyCounts(ResponseModel):
    date_from: date
    date_to: date
    days: list[DailyCount] = Field(
        description="Every day from date_from to date_to, in order, days without appointments "
        "included"
    )


# --- Providers and availability ---------------------------------------------------------------


class WorkingHoursRange(BaseModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    weekday: int = Field(ge=0, le=6, description="0 = Monday ... 6 = Sunday")
    start_time: ClockTime = Field(examples=["09:00"])
    end_time: ClockTime = Field(examples=["17:00"])


class WorkingHoursUpdate(RequestModel):
    hours: list[WorkingHoursRange] = Field(max_length=100)


class WorkingHoursRead(ResponseModel):
    provider_user_id: int
    hours: list[WorkingHoursRange] = Field(
        description="Clinic-local wall times; empty means the provider accepts any time"
    )


class WorkingHoursUpdated(ResponseModel):
    message: str = Field(examples=["Working hours updated successfully"])
    working_hours: WorkingHoursRead


class ProviderRead(ResponseModel):
    provider_user_id: int
    first_name: str
    last_name: str
    role: ProviderRole
    working_hours: list[WorkingHoursRange]


class ProviderList(ResponseModel):
    providers: list[ProviderRead]
    pagination: Pagination


class Slot(ResponseModel):
    start: UtcDateTime
    end: UtcDateTime

    @classmethod
    def of(cls, interval: Interval) -> "Slot":
        return cls(start=interval.start, end=interval.end)


class Availability(ResponseModel):
    provider_user_id: int
    duration_minutes: int
    slots: list[Slot]
