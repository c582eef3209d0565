"""The errors of patients and their plans, each defined once: raised from here, shown as the
OpenAPI examples of the patients' operations (`examples.py`)."""

from clinichub.errors import BadRequest, Catalogued, ErrorCode, NotFound

PATIENT_NOT_FOUND = Catalogued(NotFound, ErrorCode.not_found, "Patient not found")
# A field-level 400: raised with the field's detail (`dob_in_future`).
DOB_IN_FUTURE = Catalogued(
    BadRequest, ErrorCode.invalid_request, "Invalid value for dob: must not be in the future"
)


def dob_in_future() -> Exception:
    return DOB_IN_FUTURE.error(details=[{"field": "dob", "message": "must not be in the future"}])


# A field-level 400 of the list's `ids` filter (`invalid_ids`), saying what is wrong.
INVALID_IDS = Catalogued(BadRequest, ErrorCode.invalid_request, "Invalid value for ids: {reason}")


def invalid_ids(reason: str) -> Exception:
    return INVALID_IDS.error(reason=reason, details=[{"field": "ids", "message": reason}])
