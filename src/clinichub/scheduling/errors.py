"""The errors of scheduling: each code, status and message defined once, raised by the rules,
the repository and the service, and shown in the OpenAPI document (scheduling/examples.py)."""

from clinichub.billing import errors as billing
from clinichub.errors import BadRequest, Catalogued, Conflict, ErrorCode, Forbidden, NotFound
from clinichub.patients import errors as patients

# One entry, one code, wherever an appointment is looked up: scheduling's operations, charges
# and invoices (billing defines it, as billing may not import scheduling).
APPOINTMENT_NOT_FOUND = billing.APPOINTMENT_NOT_FOUND
PATIENT_NOT_FOUND = patients.PATIENT_NOT_FOUND
PROVIDER_NOT_FOUND = Catalogued(NotFound, ErrorCode.not_found, "Provider not found or inactive")
NOT_A_PROVIDER = Catalogued(
    BadRequest, ErrorCode.not_a_provider, "User {user_id} is not a provider"
)
FORBIDDEN = Catalogued(Forbidden, ErrorCode.forbidden, "Forbidden: insufficient permissions")

# Booking: the window and the initial status.
INVALID_TIME = Catalogued(
    BadRequest, ErrorCode.invalid_request, "Invalid value for {field}: {problem}"
)
END_BEFORE_START = Catalogued(
    BadRequest, ErrorCode.invalid_request, "scheduled_end must be after scheduled_start"
)
TOO_LONG = Catalogued(
    BadRequest, ErrorCode.invalid_request, "An appointment cannot be longer than 12 hours"
)
INVALID_INITIAL_STATUS = Catalogued(
    BadRequest,
    ErrorCode.invalid_request,
    "A new appointment must have status 'scheduled' or 'confirmed'",
)
INVALID_STATUS_FILTER = Catalogued(
    BadRequest, ErrorCode.invalid_request, "Invalid status: {name} (allowed: {allowed})"
)

# The calendar.
APPOINTMENT_CONFLICT = Catalogued(
    Conflict,
    ErrorCode.appointment_conflict,
    "Provider already has an appointment during that time slot",
)
PATIENT_CONFLICT = Catalogued(
    Conflict, ErrorCode.patient_conflict, "Patient already has an appointment during that time slot"
)
OUTSIDE_WORKING_HOURS = Catalogued(
    Conflict,
    ErrorCode.outside_working_hours,
    "The appointment is outside the provider's working hours",
)

# The status lifecycle.
INVALID_STATUS_TRANSITION = Catalogued(
    Conflict,
    ErrorCode.invalid_status_transition,
    "Cannot change status from '{current}' to '{new}'",
)
CANNOT_RESCHEDULE = Catalogued(
    Conflict, ErrorCode.cannot_reschedule, "Cannot reschedule an appointment with status '{status}'"
)
ALREADY_CANCELLED = Catalogued(
    Conflict, ErrorCode.already_cancelled, "Appointment is already cancelled"
)
APPOINTMENT_COMPLETED = Catalogued(
    Conflict,
    ErrorCode.appointment_completed,
    "Cannot change the CPT code of a completed appointment",
)
VISIT_NOT_STARTED = Catalogued(
    Conflict, ErrorCode.visit_not_started, "Cannot complete a visit before the day it is scheduled"
)
NO_SHOW_NOT_STARTED = Catalogued(
    Conflict,
    ErrorCode.visit_not_started,
    "Cannot mark a visit as a no-show before its scheduled start",
)

# Working hours and availability.
EMPTY_WORKING_HOURS = Catalogued(
    BadRequest,
    ErrorCode.invalid_working_hours,
    "Working hours on weekday {weekday}: end_time must be after start_time",
)
OVERLAPPING_WORKING_HOURS = Catalogued(
    BadRequest,
    ErrorCode.invalid_working_hours,
    "Working hours overlap on weekday {weekday}: {first} and {second}",
)
AVAILABILITY_REVERSED = Catalogued(
    BadRequest, ErrorCode.invalid_request, "date_to must not be before date_from"
)
AVAILABILITY_TOO_LONG = Catalogued(
    BadRequest, ErrorCode.invalid_request, "The date range may span at most {days} days"
)

# The daily counts of the calendar.
COUNTS_REVERSED = Catalogued(
    BadRequest, ErrorCode.invalid_range, "date_to must not be before date_from"
)
COUNTS_TOO_LONG = Catalogued(
    BadRequest,
    ErrorCode.invalid_range,
    "The range from date_from to date_to may span at most {days} days",
)
