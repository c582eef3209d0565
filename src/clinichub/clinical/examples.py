"""The OpenAPI examples of the operations on medical records and vitals: requests, answers and
errors (the errors built from the catalogue, `errors.py`)."""

from clinichub.clinical.errors import MEDICAL_RECORD_NOT_FOUND, NO_MEASUREMENT, NOT_THE_AUTHOR
from clinichub.openapi_examples import PAGE_1, Example, Examples, _named, _one
from clinichub.patients.errors import PATIENT_NOT_FOUND

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

REQUEST_EXAMPLES: dict[str, Examples] = {
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

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
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
}

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "medical_records_update": {
        "403": _named(
            "not_the_author",
            "Another doctor's record",
            NOT_THE_AUTHOR.example(),
        )
    },
    "vitals_create": {
        "400": _named(
            "no_measurement",
            "Nothing measured",
            NO_MEASUREMENT.example(),
        )
    },
}

NOT_FOUND_BY_TAG: dict[str, Example] = {
    "medical_records": MEDICAL_RECORD_NOT_FOUND.example(),
    # A list or a record of vitals names a patient; vitals have no path of their own.
    "vitals": PATIENT_NOT_FOUND.example(),
}
