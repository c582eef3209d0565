"""The OpenAPI examples of the patients' operations: requests, answers and errors (the errors
built from the catalogue, `errors.py`)."""

from clinichub.openapi_examples import (
    CREATED_AT,
    EMAIL_EXISTS_EXAMPLES,
    PAGE_1,
    Example,
    Examples,
    _named,
    _one,
)
from clinichub.patients.errors import PATIENT_NOT_FOUND

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

REQUEST_EXAMPLES: dict[str, Examples] = {
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
}

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
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
}


OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "patients_create": {"409": EMAIL_EXISTS_EXAMPLES},
    "patients_update": {"409": EMAIL_EXISTS_EXAMPLES},
}

NOT_FOUND_BY_TAG: dict[str, Example] = {"patients": PATIENT_NOT_FOUND.example()}
