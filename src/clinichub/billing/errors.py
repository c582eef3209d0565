"""The errors of billing: each code, status and message defined once, raised by the rules, the
repository and the service, and shown in the OpenAPI document (billing/examples.py)."""

from clinichub.errors import BadRequest, Catalogued, Conflict, ErrorCode, NotFound

# One code wherever an appointment is looked up (scheduling's operations use this entry too).
APPOINTMENT_NOT_FOUND = Catalogued(
    NotFound, ErrorCode.appointment_not_found, "Appointment not found"
)

CPT_CODE_NOT_FOUND = Catalogued(NotFound, ErrorCode.cpt_code_not_found, "CPT code not found")
CPT_CODE_EXISTS = Catalogued(Conflict, ErrorCode.cpt_code_exists, "CPT code already exists")
INVALID_CPT_CODE = Catalogued(
    BadRequest, ErrorCode.invalid_cpt_code, "Unknown or inactive CPT code: {code}"
)
CPT_CODE_INACTIVE = Catalogued(
    Conflict,
    ErrorCode.cpt_code_inactive,
    "CPT code {code} is inactive or not in the catalogue: set another cpt_code to complete "
    "the visit",
)
CPT_RECORD_NOT_FOUND = Catalogued(NotFound, ErrorCode.cpt_record_not_found, "CPT record not found")
INVOICE_NOT_FOUND = Catalogued(NotFound, ErrorCode.invoice_not_found, "Invoice not found")

# A 409 as CHARGES_NOT_EDITABLE, which has the same code: the appointment's state conflicts.
APPOINTMENT_NOT_COMPLETED = Catalogued(
    Conflict, ErrorCode.appointment_not_completed, "Appointment must be completed"
)
NO_CPT_RECORD = Catalogued(BadRequest, ErrorCode.no_cpt_record, "No CPT record for appointment")
INVOICE_EXISTS = Catalogued(Conflict, ErrorCode.invoice_exists, "Invoice already exists")
CHARGES_NOT_EDITABLE = Catalogued(
    Conflict,
    ErrorCode.appointment_not_completed,
    "Charges can only be changed on a completed appointment",
)
ALREADY_INVOICED = Catalogued(
    Conflict, ErrorCode.already_invoiced, "Appointment has already been invoiced"
)
INVALID_STATUS = Catalogued(BadRequest, ErrorCode.invalid_status, "Invalid status")
# The revenue report's range (billing.rules.check_report_range).
REPORT_RANGE_REVERSED = Catalogued(
    BadRequest, ErrorCode.invalid_range, "to must not be before from"
)
REPORT_RANGE_TOO_LONG = Catalogued(
    BadRequest, ErrorCode.invalid_range, "A report may span at most {max_days} days"
)
