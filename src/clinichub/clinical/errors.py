"""The errors of medical records and vitals, each defined once: raised from here, shown as the
OpenAPI examples of their operations (`examples.py`)."""

from clinichub.errors import BadRequest, Catalogued, ErrorCode, Forbidden, NotFound

MEDICAL_RECORD_NOT_FOUND = Catalogued(NotFound, ErrorCode.not_found, "Medical record not found")
APPOINTMENT_NOT_FOUND = Catalogued(NotFound, ErrorCode.not_found, "Appointment not found")
APPOINTMENT_PATIENT_MISMATCH = Catalogued(
    BadRequest, ErrorCode.appointment_patient_mismatch, "The appointment belongs to another patient"
)
NOT_THE_AUTHOR = Catalogued(
    Forbidden, ErrorCode.forbidden, "Only the author or an admin may amend a medical record"
)
EMPTY_UPDATE = Catalogued(
    BadRequest, ErrorCode.empty_update, "Nothing to update: send at least one field"
)
NO_MEASUREMENT = Catalogued(
    BadRequest, ErrorCode.no_measurement, "At least one measurement is required"
)
RECORD_DATE_IN_FUTURE = Catalogued(
    BadRequest,
    ErrorCode.invalid_request,
    "Invalid value for record_date: must not be in the future",
)


def record_date_in_future() -> Exception:
    return RECORD_DATE_IN_FUTURE.error(
        details=[{"field": "record_date", "message": "must not be in the future"}]
    )


def appointment_of_another_patient() -> Exception:
    return APPOINTMENT_PATIENT_MISMATCH.error(
        details=[{"field": "appointment_id", "message": "belongs to another patient"}]
    )
