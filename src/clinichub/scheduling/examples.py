"""The OpenAPI examples of scheduling's operations (`appointments_*`, `providers_*`): requests,
answers and errors, the errors built from scheduling's catalogue."""

from clinichub.billing import errors as billing
from clinichub.openapi_examples import (
    CREATED_AT,
    ERROR_EXAMPLES,
    PAGE_1,
    Example,
    Examples,
    _named,
    _one,
)
from clinichub.scheduling import errors
from clinichub.scheduling.rules import MAX_COUNT_DAYS
from clinichub.vocabulary import AppointmentStatus

APPOINTMENT = {
    "appointment_id": 1,
    "patient_id": 1,
    "provider_user_id": 2,
    "scheduled_start": "2026-04-15T10:00:00Z",
    "scheduled_end": "2026-04-15T10:30:00Z",
    "status": "scheduled",
    "visit_type": "in_person",
    "reason": "General checkup",
    "notes": "First visit",
    "cpt_code": None,
    "cancellation_reason": None,
    "telehealth_url": None,
    "cpt_id": None,
    "version": 1,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}
APPOINTMENT_COMPLETED = {
    **APPOINTMENT,
    "status": "completed",
    "cpt_id": 5,
    "version": 2,
    "updated_at": "2026-04-15T10:35:00Z",
}
HOURS = [
    {"weekday": 0, "start_time": "09:00", "end_time": "12:00"},
    {"weekday": 0, "start_time": "13:00", "end_time": "17:00"},
    {"weekday": 1, "start_time": "09:00", "end_time": "17:00"},
]
WORKING_HOURS = {"provider_user_id": 2, "hours": HOURS}


def _day(day: str, **counts: int) -> Example:
    by_status = {status.value: counts.get(status.value, 0) for status in AppointmentStatus}
    return {"date": day, "total": sum(by_status.values()), "by_status": by_status}


DAILY_COUNTS = {
    "date_from": "2026-04-13",
    "date_to": "2026-04-15",
    "days": [
        _day("2026-04-13", completed=9, cancelled=1, no_show=1),
        _day("2026-04-14", checked_in=1, in_progress=1, scheduled=6, confirmed=4),
        _day("2026-04-15"),
    ],
}

_BOOKING_CONFLICTS = {
    **_named(
        "appointment_conflict",
        "The provider is busy",
        errors.APPOINTMENT_CONFLICT.example(conflict_appointment_id=1),
    ),
    **_named(
        "patient_conflict",
        "The patient is busy",
        errors.PATIENT_CONFLICT.example(conflict_appointment_id=1),
    ),
    **_named(
        "outside_working_hours",
        "Outside the provider's hours",
        errors.OUTSIDE_WORKING_HOURS.example(),
    ),
}


REQUEST_EXAMPLES: dict[str, Examples] = {
    "appointments_create": _one(
        "A checkup",
        {
            "patient_id": 1,
            "provider_user_id": 2,
            "scheduled_start": "2026-04-15T10:00:00Z",
            "scheduled_end": "2026-04-15T10:30:00Z",
            "status": "scheduled",
            "reason": "General checkup",
            "notes": "First visit",
        },
    ),
    "appointments_update": {
        **_named("complete", "Mark as completed (creates the charge)", {"status": "completed"}),
        **_named(
            "reschedule",
            "Move to another time",
            {
                "scheduled_start": "2026-04-16T14:00:00Z",
                "scheduled_end": "2026-04-16T14:30:00Z",
            },
        ),
        **_named("confirm", "Confirm", {"status": "confirmed"}),
    },
    "providers_set_working_hours": _one("Monday with a lunch break, and Tuesday", {"hours": HOURS}),
}


RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "appointments_create": {
        "201": _one(
            "Booked", {"message": "Appointment created successfully", "appointment": APPOINTMENT}
        )
    },
    "appointments_list": {
        "200": _one("One appointment", {"appointments": [APPOINTMENT], "pagination": PAGE_1})
    },
    "appointments_daily_counts": {"200": _one("A past day, today and an empty day", DAILY_COUNTS)},
    "appointments_get": {"200": _one("An appointment", APPOINTMENT)},
    "appointments_update": {
        "200": _one(
            "Completed, with its charge",
            {"message": "Appointment updated successfully", "appointment": APPOINTMENT_COMPLETED},
        )
    },
    "appointments_cancel": {
        "200": _one(
            "Cancelled", {"message": "Appointment cancelled successfully", "appointment_id": 1}
        )
    },
    "providers_list": {
        "200": _one(
            "One provider",
            {
                "providers": [
                    {
                        "provider_user_id": 2,
                        "first_name": "Gregory",
                        "last_name": "Santos",
                        "role": "doctor",
                        "working_hours": HOURS,
                    }
                ],
                "pagination": PAGE_1,
            },
        )
    },
    "providers_get_working_hours": {"200": _one("A week", WORKING_HOURS)},
    "providers_set_working_hours": {
        "200": _one(
            "Replaced",
            {"message": "Working hours updated successfully", "working_hours": WORKING_HOURS},
        )
    },
    "providers_availability": {
        "200": _one(
            "Two free slots",
            {
                "provider_user_id": 2,
                "duration_minutes": 30,
                "slots": [
                    {"start": "2026-04-15T10:00:00Z", "end": "2026-04-15T10:30:00Z"},
                    {"start": "2026-04-15T10:30:00Z", "end": "2026-04-15T11:00:00Z"},
                ],
            },
        )
    },
}


OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "appointments_daily_counts": {
        "400": {
            **ERROR_EXAMPLES["400"],
            **_named(
                "reversed",
                "date_to before date_from",
                errors.COUNTS_REVERSED.example(
                    details=[{"field": "date_to", "message": "must not be before date_from"}]
                ),
            ),
            **_named(
                "too_long",
                f"More than {MAX_COUNT_DAYS} days",
                errors.COUNTS_TOO_LONG.example(
                    days=MAX_COUNT_DAYS,
                    details=[
                        {
                            "field": "date_to",
                            "message": f"at most {MAX_COUNT_DAYS} days from date_from",
                        }
                    ],
                ),
            ),
        }
    },
    "appointments_create": {"409": _BOOKING_CONFLICTS},
    "appointments_update": {
        "409": {
            **_BOOKING_CONFLICTS,
            **_named(
                "invalid_status_transition",
                "A forbidden status change",
                errors.INVALID_STATUS_TRANSITION.example(current="completed", new="scheduled"),
            ),
            **_named(
                "visit_not_started",
                "Completed before its day, or a no-show before its start",
                errors.VISIT_NOT_STARTED.example(),
            ),
            **_named(
                "cpt_code_inactive",
                "The planned or default code was deactivated",
                billing.CPT_CODE_INACTIVE.example(code="99215", cpt_code="99215"),
            ),
        }
    },
    "appointments_cancel": {
        "409": _named("already_cancelled", "Already cancelled", errors.ALREADY_CANCELLED.example())
    },
}


# The 404 of each operation of a tag, when the operation has none of its own.
NOT_FOUND_BY_TAG: dict[str, Example] = {
    "appointments": errors.APPOINTMENT_NOT_FOUND.example(),
    "providers": errors.PROVIDER_NOT_FOUND.example(),
}
