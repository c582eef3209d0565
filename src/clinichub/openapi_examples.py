"""Examples of the OpenAPI document, by operation: requests, answers and errors.

They follow the original ClinicHub README where it gave one (logging in, the patients, the
appointment that is completed and invoiced) and the demo clinic elsewhere. A test validates
every example against its schema, so they cannot drift from the API.
"""

from typing import Any

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
TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."

USER_SUMMARY = {
    "user_id": 1,
    "email": "admin@clinichub.com",
    "first_name": "Ada",
    "last_name": "Admin",
    "role": "admin",
}
USER = {
    "user_id": 2,
    "email": "doctor@clinichub.com",
    "first_name": "Gregory",
    "last_name": "Santos",
    "phone": "7871234567",
    "role": "doctor",
    "is_active": True,
    "version": 1,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}
PATIENT = {
    "patient_id": 1,
    "first_name": "John",
    "last_name": "Doe",
    "dob": "1990-05-10",
    "sex": "male",
    "email": "john.doe@email.com",
    "phone": "7871234567",
    "address": "123 Main St",
    "emergency_contact_name": "Jane Doe",
    "emergency_contact_phone": "7877654321",
    "version": 1,
    "created_at": CREATED_AT,
    "updated_at": CREATED_AT,
}
PATIENT_UPDATED = {
    **PATIENT,
    "phone": "7879998888",
    "address": "456 Updated St",
    "version": 2,
    "updated_at": "2026-04-14T09:05:00Z",
}
PLAN = {
    "plan_id": 1,
    "patient_id": 1,
    "carrier_name": "Blue Cross Blue Shield",
    "member_id": "XJH123456789",
    "group_id": "GRP-00451",
    "plan_type": "PPO",
    "copay_cents": 2500,
    "currency": "USD",
    "effective_date": "2026-01-01",
    "is_active": True,
    "created_at": CREATED_AT,
}
MEDICAL_RECORD = {
    "medical_record_id": 1,
    "patient_id": 1,
    "appointment_id": 1,
    "provider_user_id": 2,
    "record_date": "2026-04-15",
    "diagnosis": "Type 2 diabetes mellitus without complications",
    "icd10_codes": ["E11.9"],
    "treatment_plan": "Metformin 500 mg twice daily; HbA1c in 3 months",
    "notes": "Patient counselled on diet and exercise",
    "version": 1,
    "created_at": "2026-04-15T10:40:00Z",
    "updated_at": "2026-04-15T10:40:00Z",
    "updated_by_user_id": 2,
}
VITALS = {
    "vitals_id": 1,
    "patient_id": 1,
    "appointment_id": 1,
    "recorded_by_user_id": 3,
    "recorded_at": "2026-04-15T10:05:00Z",
    "height_m": 1.75,
    "weight_kg": 72.5,
    "blood_pressure": "120/80",
    "temperature_c": 36.8,
    "pulse_bpm": 72,
    "respiratory_rate": 16,
    "o2_saturation": 98,
    "pain_level": 0,
    "bmi": 23.7,
    "bmi_category": "normal",
}
AUDIT_EVENT = {
    "event_id": 1,
    "occurred_at": "2026-04-15T10:40:00Z",
    "actor_user_id": 2,
    "actor_role": "doctor",
    "action": "read",
    "resource_type": "patient",
    "resource_id": "1",
    "patient_id": 1,
    "outcome": "success",
    "request_id": "6f1c2b7e9d0a4c3b8e5f1a2d3c4b5a69",
    "ip": "203.0.113.7",
    "user_agent": "Mozilla/5.0",
}

REQUEST_EXAMPLES: dict[str, Examples] = {
    "auth_login": _one("The demo admin", {"email": "admin@clinichub.com", "password": "admin123"}),
    "auth_token": _one(
        "The demo admin, as a form",
        {"grant_type": "password", "username": "admin@clinichub.com", "password": "admin123"},
    ),
    "auth_refresh": _one("The refresh token from logging in", {"refresh_token": TOKEN}),
    "auth_change_password": _one(
        "A new passphrase",
        {"current_password": "admin123", "new_password": "a much longer passphrase"},
    ),
    "users_create": _one(
        "A doctor",
        {
            "email": "dr.rivera@clinichub.com",
            "password": "a long passphrase",
            "first_name": "Ana",
            "last_name": "Rivera",
            "role": "doctor",
            "phone": "7871234567",
        },
    ),
    "users_update": {
        **_named("deactivate", "Deactivate a user (ends their sessions)", {"is_active": False}),
        **_named("role", "Change a role", {"role": "nurse"}),
    },
    "patients_create": _one(
        "A new patient",
        {
            key: PATIENT[key]
            for key in PATIENT
            if key not in ("patient_id", "version", "created_at", "updated_at")
        },
    ),
    "patients_update": {
        **_named(
            "contact",
            "New phone and address",
            {"phone": "7879998888", "address": "456 Updated St"},
        ),
        **_named("clear", "Clear the email", {"email": None}),
    },
    "patients_save_plan": {
        **_named(
            "ppo",
            "A PPO with a copay",
            {
                "carrier_name": "Blue Cross Blue Shield",
                "member_id": "XJH123456789",
                "group_id": "GRP-00451",
                "plan_type": "PPO",
                "copay_cents": 2500,
                "effective_date": "2026-01-01",
            },
        ),
        **_named(
            "self_pay",
            "Self-pay (no copay)",
            {"carrier_name": "Self", "member_id": "SELF-1", "plan_type": "self_pay"},
        ),
    },
    "medical_records_create": _one(
        "A visit note",
        {
            key: MEDICAL_RECORD[key]
            for key in (
                "patient_id",
                "appointment_id",
                "diagnosis",
                "icd10_codes",
                "treatment_plan",
                "notes",
            )
        },
    ),
    "medical_records_update": _one(
        "Amend the plan", {"treatment_plan": "Metformin 1000 mg twice daily; HbA1c in 3 months"}
    ),
    "vitals_create": _one(
        "A full set",
        {
            key: VITALS[key]
            for key in VITALS
            if key not in ("vitals_id", "recorded_by_user_id", "recorded_at", "bmi", "bmi_category")
        },
    ),
}

_LOGIN = {
    "message": "Login successful",
    "access_token": TOKEN,
    "refresh_token": TOKEN,
    "token_type": "bearer",
    "expires_in": 900,
    "user": USER_SUMMARY,
}
_PROFILE = {"message": "Access granted", **USER_SUMMARY}

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "auth_login": {"200": _one("Logged in", _LOGIN)},
    "auth_token": {"200": _one("Logged in", _LOGIN)},
    "auth_refresh": {
        "200": _one(
            "New tokens",
            {
                "message": "Token refreshed",
                "access_token": TOKEN,
                "refresh_token": TOKEN,
                "token_type": "bearer",
                "expires_in": 900,
            },
        )
    },
    "auth_logout": {"200": _one("Logged out", {"message": "Logged out successfully"})},
    "auth_profile": {"200": _one("The demo admin", _PROFILE)},
    "auth_change_password": {"200": _one("Changed", {"message": "Password changed successfully"})},
    "auth_protected": {
        "200": _one("A valid token", {"message": "Access granted", "user_id": 1, "role": "admin"})
    },
    "users_create": {
        "201": _one("Created", {"message": "User created successfully", "user": USER})
    },
    "users_list": {"200": _one("One user", {"users": [USER], "pagination": PAGE_1})},
    "users_get": {"200": _one("A doctor", USER)},
    "users_update": {
        "200": _one(
            "Updated",
            {
                "message": "User updated successfully",
                "user": {**USER, "is_active": False, "version": 2},
            },
        )
    },
    "patients_list": {"200": _one("One patient", {"patients": [PATIENT], "pagination": PAGE_1})},
    "patients_create": {
        "201": _one("Created", {"message": "Patient created successfully", "patient": PATIENT})
    },
    "patients_get": {"200": _one("A patient", PATIENT)},
    "patients_update": {
        "200": _one(
            "Updated", {"message": "Patient updated successfully", "patient": PATIENT_UPDATED}
        )
    },
    "patients_delete": {
        "200": _one("Archived", {"message": "Patient deleted successfully", "patient_id": 1})
    },
    "patients_get_plan": {
        "200": {
            **_named("active", "An active plan", {"plan": PLAN}),
            **_named("none", "No active plan", {"plan": None}),
        }
    },
    "patients_save_plan": {"201": _one("Saved", {"message": "Plan saved", "plan": PLAN})},
    "patients_list_plans": {
        "200": _one(
            "A current and a past plan",
            {
                "plans": [
                    PLAN,
                    {
                        **PLAN,
                        "plan_id": 2,
                        "carrier_name": "Aetna",
                        "plan_type": "HMO",
                        "copay_cents": 3000,
                        "is_active": False,
                        "created_at": "2025-01-10T09:00:00Z",
                    },
                ]
            },
        )
    },
    "patients_access_log": {
        "200": _one("One read", {"events": [AUDIT_EVENT], "pagination": PAGE_1})
    },
    "medical_records_create": {
        "201": _one(
            "Written",
            {"message": "Medical record created successfully", "record": MEDICAL_RECORD},
        )
    },
    "medical_records_list": {
        "200": _one("One record", {"records": [MEDICAL_RECORD], "pagination": PAGE_1})
    },
    "medical_records_get": {"200": _one("A record", MEDICAL_RECORD)},
    "medical_records_update": {
        "200": _one(
            "Amended: version 2",
            {
                "message": "Medical record updated successfully",
                "record": {
                    **MEDICAL_RECORD,
                    "treatment_plan": "Metformin 1000 mg twice daily; HbA1c in 3 months",
                    "version": 2,
                    "updated_at": "2026-04-16T08:00:00Z",
                },
            },
        )
    },
    "medical_records_history": {
        "200": _one(
            "One version",
            {
                "medical_record_id": 1,
                "versions": [
                    {
                        "version": 1,
                        "diagnosis": MEDICAL_RECORD["diagnosis"],
                        "icd10_codes": MEDICAL_RECORD["icd10_codes"],
                        "treatment_plan": MEDICAL_RECORD["treatment_plan"],
                        "notes": MEDICAL_RECORD["notes"],
                        "changed_by_user_id": 2,
                        "changed_at": "2026-04-15T10:40:00Z",
                    }
                ],
            },
        )
    },
    "vitals_create": {
        "201": _one("Recorded", {"message": "Vitals recorded successfully", "vitals": VITALS})
    },
    "vitals_list": {"200": _one("One set", {"vitals": [VITALS], "pagination": PAGE_1})},
    "audit_list_events": {
        "200": _one("One event", {"events": [AUDIT_EVENT], "pagination": PAGE_1})
    },
    "audit_verify": {
        "200": {
            **_named(
                "valid",
                "An intact trail",
                {"valid": True, "events_checked": 1200, "seals_checked": 12},
            ),
            **_named(
                "broken",
                "A tampered trail",
                {
                    "valid": False,
                    "events_checked": 1200,
                    "seals_checked": 7,
                    "broken_seal_id": 7,
                    "reason": "An event in the sealed range was altered, or the seal was not "
                    "made with the key",
                },
            ),
            **_named(
                "head_missing",
                "The newest seals were removed",
                {
                    "valid": False,
                    "events_checked": 1150,
                    "seals_checked": 11,
                    "broken_seal_id": 12,
                    "reason": "The anchored head is no longer in the chain: seals were removed "
                    "or replaced",
                },
            ),
        }
    },
    "audit_head": {
        "200": _one(
            "The newest seal",
            {"seal_id": 12, "hash": "9f86d081" * 8, "sealed_at": "2026-04-15T10:40:10Z"},
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
            _error("Authorization token is missing", "token_missing"),
        ),
        **_named(
            "invalid_token",
            "Invalid or expired token",
            _error("Invalid or expired token", "invalid_token"),
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
    "users": _error("User not found", "not_found"),
    "patients": _error("Patient not found", "not_found"),
    "reports": _error("Resource not found", "not_found"),
    "medical_records": _error("Medical record not found", "not_found"),
    "vitals": _error("Patient not found", "not_found"),
    "audit": _error("Resource not found", "not_found"),
}

_BAD_LOGIN = _named(
    "invalid_credentials",
    "Wrong email or password",
    _error("Invalid email or password", "invalid_credentials"),
)
_EMAIL_EXISTS = _named(
    "email_exists", "The email belongs to another", _error("Email already exists", "email_exists")
)

_LOGIN_LIMIT = _named(
    "rate_limited",
    "Too many failed logins for the account or the address",
    _error("Too many login attempts", "rate_limited"),
)

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "auth_login": {"401": _BAD_LOGIN, "429": _LOGIN_LIMIT},
    "auth_token": {"401": _BAD_LOGIN, "429": _LOGIN_LIMIT},
    "auth_refresh": {
        "429": _named(
            "rate_limited",
            "Too many refreshes of one session",
            _error("Too many token refreshes", "rate_limited"),
        ),
        "401": {
            **ERROR_EXAMPLES["401"],
            **_named(
                "token_reused",
                "A refresh token sent twice: the session is ended",
                _error("Invalid or expired token", "token_reused"),
            ),
        },
    },
    "auth_change_password": {
        "400": _named(
            "invalid_current_password",
            "Wrong current password",
            _error("Current password is incorrect", "invalid_current_password"),
        ),
        "429": _named(
            "rate_limited",
            "Too many wrong current passwords or failed logins: the session is ended",
            _error("Too many password attempts", "rate_limited"),
        ),
    },
    "users_create": {
        "400": {
            **ERROR_EXAMPLES["400"],
            **_named(
                "duplicate_key",
                "A JSON object names a key twice (refused in every body)",
                _error(
                    "A JSON object names the same key twice",
                    "duplicate_key",
                    details=[{"field": "role", "message": "duplicate key"}],
                ),
            ),
            **_named(
                "hidden_character",
                "A name or free text with a bidirectional override (refused in every text field)",
                _error(
                    "Invalid value for first_name: must not contain invisible or bidirectional "
                    "control characters (U+202E)",
                    "invalid_request",
                    details=[
                        {
                            "field": "first_name",
                            "message": "must not contain invisible or bidirectional control "
                            "characters (U+202E)",
                        }
                    ],
                ),
            ),
        },
        "409": _EMAIL_EXISTS,
    },
    "users_update": {
        "409": _named(
            "last_admin",
            "The last active admin",
            _error("Cannot demote or deactivate the last active admin", "last_admin"),
        )
    },
    "patients_create": {"409": _EMAIL_EXISTS},
    "patients_update": {"409": _EMAIL_EXISTS},
    "medical_records_update": {
        "403": _named(
            "not_the_author",
            "Another doctor's record",
            _error("Only the author or an admin may amend a medical record", "forbidden"),
        )
    },
    "audit_head": {
        "404": _named(
            "audit_head_missing",
            "Nothing sealed yet",
            _error("Nothing is sealed yet", "audit_head_missing"),
        )
    },
    "vitals_create": {
        "400": _named(
            "no_measurement",
            "Nothing measured",
            _error("At least one measurement is required", "no_measurement"),
        )
    },
}
