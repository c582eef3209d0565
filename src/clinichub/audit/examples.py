"""The OpenAPI examples of the audit trail's operations, a patient's access log among them:
answers and errors (the errors built from the catalogue, `errors.py`)."""

from clinichub.audit.errors import AUDIT_HEAD_MISSING
from clinichub.audit.rules import HEAD_MISSING
from clinichub.openapi_examples import PAGE_1, Examples, _named, _one

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

RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = {
    "patients_access_log": {
        "200": _one("One read", {"events": [AUDIT_EVENT], "pagination": PAGE_1})
    },
    "audit_list_events": {
        "200": _one("One event", {"events": [AUDIT_EVENT], "pagination": PAGE_1})
    },
    "audit_verify": {
        "200": {
            **_named(
                "valid",
                "An intact trail",
                {
                    "valid": True,
                    "events_checked": 1200,
                    "seals_checked": 12,
                    "broken_seal_id": None,
                    "reason": None,
                },
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
                    "reason": HEAD_MISSING,
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
}

OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = {
    "audit_head": {
        "404": _named(
            "audit_head_missing",
            "Nothing sealed yet",
            AUDIT_HEAD_MISSING.example(),
        )
    },
}
