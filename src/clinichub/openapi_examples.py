"""Examples of the OpenAPI document, by operation: requests, answers and errors.

They follow the original ClinicHub README where it gave one (logging in, the patients, the
appointment that is completed and invoiced) and the demo clinic elsewhere. A test validates
every example against its schema, so they cannot drift from the API.
"""

from typing import Any

from clinichub.auth.errors import INVALID_TOKEN, TOKEN_MISSING
from clinichub.errors import EMAIL_EXISTS
from clinichub.users.errors import USER_NOT_FOUND

Example = dict[str, Any]
Examples = dict[str, Example]


def _one(summary: str, value: Any) -> Examples:
    return {"example": {"summary": summary, "value": value}}


def _error(error: str, code: str, **context: Any) -> Example:
    return {"error": error, "code": code, **context}


def _named(name: str, summary: str, value: Any) -> Example:
    return {name: {"summary": summary, "value": value}}


PAGE_1 = {"total": 1, "pages": 1, "page": 1, "per_page": 10, "has_next": False, "has_prev": False}
CREATED_AT = "2026-04-14T09:00:00Z"

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
CPT_CODE = {
    "code": "99213",
    "description": "Office visit, established patient, low complexity",
    "category": "Office Visit",
    "price_cents": 15000,
    "currency": "USD",
    "is_active": True,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}
CHARGE = {
    "cpt_record_id": 5,
    "appointment_id": 1,
    "patient_id": 1,
    "cpt_code": "99213",
    "description": "Office visit, established patient, low complexity",
    "quantity": 1,
    "unit_price_cents": 15000,
    "amount_cents": 15000,
    "currency": "USD",
    "modifier": None,
    "service_date": "2026-04-15",
    "status": "pending",
    "created_at": "2026-04-15T10:35:00Z",
}
INVOICE = {
    "invoice_id": 1,
    "appointment_id": 1,
    "patient_id": 1,
    "cpt_id": 5,
    "status": "unpaid",
    "lines": [
        {
            "cpt_record_id": 5,
            "code": "99213",
            "description": "Office visit, established patient, low complexity",
            "quantity": 1,
            "unit_price_cents": 15000,
            "amount_cents": 15000,
            "modifier": None,
        }
    ],
    "total_cents": 15000,
    "patient_due_cents": 2500,
    "insurance_due_cents": 12500,
    "currency": "USD",
    "plan": {
        "plan_id": 1,
        "carrier_name": "Blue Cross Blue Shield",
        "member_id": "XJH123456789",
        "plan_type": "PPO",
        "copay_cents": 2500,
    },
    "issued_at": "2026-04-15T11:00:00Z",
    "paid_at": None,
    "version": 1,
}
INVOICE_PAID = {**INVOICE, "status": "paid", "paid_at": "2026-04-15T22:30:00Z", "version": 2}

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
    "cpt_codes_create": _one(
        "A lab test",
        {
            "code": "87880",
            "description": "Rapid strep test",
            "category": "Lab Test",
            "price_cents": 2000,
        },
    ),
    "cpt_codes_update": {
        **_named("price", "Re-price", {"price_cents": 16000}),
        **_named("retire", "Deactivate", {"is_active": False}),
    },
    "charges_create": _one("A blood count", {"cpt_code": "85025", "quantity": 1}),
    "invoices_create": _one("Invoice appointment 1", {"appointment_id": 1}),
    "invoices_update": {
        **_named("paid", "Pay an invoice", {"status": "paid"}),
        **_named("unpaid", "Mark unpaid", {"status": "unpaid"}),
    },
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
    "cpt_codes_list": {"200": _one("One code", {"cpt_codes": [CPT_CODE], "pagination": PAGE_1})},
    "cpt_codes_create": {
        "201": _one(
            "Added",
            {
                "message": "CPT code created successfully",
                "cpt_code": {
                    **CPT_CODE,
                    "code": "87880",
                    "description": "Rapid strep test",
                    "category": "Lab Test",
                    "price_cents": 2000,
                },
            },
        )
    },
    "cpt_codes_update": {
        "200": _one(
            "Re-priced",
            {
                "message": "CPT code updated successfully",
                "cpt_code": {**CPT_CODE, "price_cents": 16000},
            },
        )
    },
    "charges_create": {
        "201": _one(
            "Added",
            {
                "message": "Charge created successfully",
                "charge": {
                    **CHARGE,
                    "cpt_record_id": 6,
                    "cpt_code": "85025",
                    "description": "Complete blood count with differential",
                    "unit_price_cents": 3500,
                    "amount_cents": 3500,
                },
            },
        )
    },
    "charges_list_for_appointment": {"200": _one("The visit's charge", {"charges": [CHARGE]})},
    "charges_list": {"200": _one("One charge", {"cpt_records": [CHARGE], "pagination": PAGE_1})},
    "charges_delete": {
        "200": _one("Deleted", {"message": "Charge deleted successfully", "cpt_record_id": 5})
    },
    "invoices_create": {
        "201": _one("Invoiced", {"message": "Invoice created successfully", "invoice": INVOICE})
    },
    "invoices_list": {
        "200": _one("One invoice", {"invoices": [INVOICE_PAID], "pagination": PAGE_1})
    },
    "invoices_get": {"200": _one("An invoice", INVOICE)},
    "invoices_update": {
        "200": {
            **_named("paid", "Paid", {"message": "Invoice updated", "invoice": INVOICE_PAID}),
            **_named("unpaid", "Unpaid", {"message": "Invoice updated", "invoice": INVOICE}),
        }
    },
    "reports_daily_revenue": {
        "200": _one(
            "One paid invoice",
            {
                "date": "2026-04-15",
                "currency": "USD",
                "invoices_paid": 1,
                "billed_cents": 15000,
                "patient_collected_cents": 2500,
                "insurance_receivable_cents": 12500,
            },
        )
    },
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
            "invalid_request",
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
        _error("Forbidden: insufficient permissions", "forbidden"),
    ),
    "409": _named(
        "conflict",
        "Conflicts with existing data",
        _error("The request conflicts with existing data", "conflict"),
    ),
    "412": _named(
        "precondition_failed",
        "Changed since it was read",
        _error(
            "The resource has changed since it was read (If-Match does not match its ETag): "
            "read it again and reapply the change",
            "precondition_failed",
        ),
    ),
    "413": _named(
        "too_large", "The body is too large", _error("Request body too large", "payload_too_large")
    ),
    "429": _named(
        "rate_limited",
        "Too many requests",
        _error("Too many requests, try again later", "rate_limited"),
    ),
    "500": _named(
        "internal_error", "An unexpected error", _error("Internal server error", "internal_error")
    ),
    "503": _named(
        "database_busy",
        "The database stayed busy",
        _error("The database is busy; try again shortly", "database_busy"),
    ),
}

NOT_FOUND_BY_TAG: dict[str, Example] = {
    "auth": _error("Resource not found", "not_found"),
    "users": USER_NOT_FOUND.example(),
    "appointments": _error("Appointment not found", "not_found"),
    "providers": _error("Provider not found or inactive", "not_found"),
    "cpt_codes": _error("CPT code not found", "cpt_code_not_found"),
    "charges": _error("Appointment not found", "appointment_not_found"),
    "invoices": _error("Invoice not found", "invoice_not_found"),
    "reports": _error("Resource not found", "not_found"),
    "audit": _error("Resource not found", "not_found"),
}

EMAIL_EXISTS_EXAMPLES = _named(
    "email_exists", "The email belongs to another", EMAIL_EXISTS.example()
)
_BOOKING_CONFLICTS = {
    **_named(
        "appointment_conflict",
        "The provider is busy",
        _error(
            "Provider already has an appointment during that time slot",
            "appointment_conflict",
            conflict_appointment_id=1,
        ),
    ),
    **_named(
        "patient_conflict",
        "The patient is busy",
        _error(
            "Patient already has an appointment during that time slot",
            "patient_conflict",
            conflict_appointment_id=1,
        ),
    ),
    **_named(
        "outside_working_hours",
        "Outside the provider's hours",
        _error("The appointment is outside the provider's working hours", "outside_working_hours"),
    ),
}


OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "appointments_create": {"409": _BOOKING_CONFLICTS},
    "appointments_update": {
        "409": {
            **_BOOKING_CONFLICTS,
            **_named(
                "invalid_status_transition",
                "A forbidden status change",
                _error(
                    "Cannot change status from 'completed' to 'scheduled'",
                    "invalid_status_transition",
                ),
            ),
            **_named(
                "visit_not_started",
                "Completed before its day, or a no-show before its start",
                _error(
                    "Cannot complete a visit before the day it is scheduled", "visit_not_started"
                ),
            ),
            **_named(
                "cpt_code_inactive",
                "The planned or default code was deactivated",
                _error(
                    "CPT code 99215 is inactive or not in the catalogue: set another cpt_code "
                    "to complete the visit",
                    "cpt_code_inactive",
                    cpt_code="99215",
                ),
            ),
        }
    },
    "appointments_cancel": {
        "409": _named(
            "already_cancelled",
            "Already cancelled",
            _error("Appointment is already cancelled", "already_cancelled"),
        )
    },
    "cpt_codes_create": {
        "409": _named(
            "cpt_code_exists",
            "An existing code",
            _error("CPT code already exists", "cpt_code_exists"),
        )
    },
    "charges_create": {
        "409": _named(
            "already_invoiced",
            "The visit is invoiced",
            _error("Appointment has already been invoiced", "already_invoiced"),
        )
    },
    "charges_delete": {
        "409": _named(
            "already_invoiced",
            "The visit is invoiced",
            _error("Appointment has already been invoiced", "already_invoiced"),
        )
    },
    "invoices_create": {
        "400": _named(
            "appointment_not_completed",
            "Not completed",
            _error("Appointment must be completed", "appointment_not_completed"),
        ),
        "404": _named(
            "appointment_not_found",
            "No such appointment",
            _error("Appointment not found", "appointment_not_found"),
        ),
        "409": _named(
            "invoice_exists", "Already invoiced", _error("Invoice already exists", "invoice_exists")
        ),
    },
    "invoices_update": {
        "400": _named(
            "invalid_status", "Neither paid nor unpaid", _error("Invalid status", "invalid_status")
        )
    },
}
