"""Object- and property-level authorization (OWASP API1:2023, API3:2023).

The matrix (the role policy, `POLICY` in tests/kit.py) covers every operation under /api, read
from the app's routes: an operation added without a row there fails the test. Each role gets
exactly the status of its row, for a request that passes authorization but names nothing that
exists (ids 999999) or sends an empty body: 403 means refused for the role; anything else means
let through to the handler.
"""

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from clinichub.vocabulary import Role
from tests.kit import EVERYONE, POLICY, PUBLIC, VISIT_STEPS, A, D, Login, new_patient

# The role policy is one table, kit.POLICY: an operation added without a row there fails here.
EXPECTED = POLICY


def api_operations(app: FastAPI) -> list[tuple[str, str, str]]:
    """(operation_id, method, path with ids filled in) of every protected API operation, from
    the OpenAPI document that FastAPI builds from `app.routes` (included routers resolved)."""
    operations = []
    for path, item in app.openapi()["paths"].items():
        if not path.startswith("/api"):
            continue
        for method, operation in item.items():
            operation_id = operation["operationId"]
            if operation_id in PUBLIC:
                continue
            concrete = re.sub(r"\{code\}", "99999", path)
            concrete = re.sub(r"\{[a-z_]+\}", "999999", concrete)
            operations.append((operation_id, method.upper(), concrete))
    return sorted(operations)


def test_every_operation_has_a_rule(app: FastAPI) -> None:
    operations = {operation_id for operation_id, _, _ in api_operations(app)}
    assert operations == set(EXPECTED), (
        f"without a rule: {sorted(operations - set(EXPECTED))}; "
        f"rules for nothing: {sorted(set(EXPECTED) - operations)}"
    )


async def test_each_role_gets_exactly_its_status(
    client: httpx.AsyncClient, bearer: Login, app: FastAPI
) -> None:
    mismatches = []
    for operation_id, method, path in api_operations(app):
        # No token at all: 401, whatever the operation.
        body: dict[str, Any] | None = {} if method in {"POST", "PUT"} else None
        anonymous = await client.request(method, path, json=body)
        if anonymous.status_code != 401:
            mismatches.append((operation_id, "anonymous", anonymous.status_code))
        for role, expected in EXPECTED[operation_id].items():
            # A fresh caller per request: logging out must not spoil the next one.
            headers = await bearer(role)
            response = await client.request(method, path, json=body, headers=headers)
            if response.status_code != expected:
                mismatches.append((operation_id, role.value, response.status_code))
    assert mismatches == []


# --- state level: the steps of a visit, by role ----------------------------------------------

# kit.VISIT_STEPS: (status the visit is brought to first, the update, who may make it): each
# role gets 200 or 403.


@pytest.mark.parametrize(("first", "update", "allowed"), VISIT_STEPS)
async def test_each_role_may_take_exactly_its_steps_of_a_visit(
    client: httpx.AsyncClient,
    bearer: Login,
    first: str | None,
    update: dict[str, Any],
    allowed: tuple[Role, ...],
) -> None:
    admin = await bearer(A)
    doctor = (await client.get("/api/profile", headers=await bearer(D))).json()["user_id"]
    for hour, role in enumerate(EVERYONE):
        patient_id = await new_patient(
            client, admin, first_name="Pat", last_name=f"Role{hour}", dob="1980-01-01"
        )
        # Earlier today (UTC, the tests' clinic time zone): it may be completed or missed.
        start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(
            hours=hour + 1
        )
        booked = await client.post(
            "/api/appointments",
            json={
                "patient_id": patient_id,
                "provider_user_id": doctor,
                "scheduled_start": start.isoformat(),
                "scheduled_end": (start + timedelta(minutes=30)).isoformat(),
                "cpt_code": "99213",
            },
            headers=admin,
        )
        assert booked.status_code == 201, booked.text
        path = f"/api/appointments/{booked.json()['appointment']['appointment_id']}"
        if first is not None:
            assert (await client.put(path, json={"status": first}, headers=admin)).is_success
        response = await client.put(path, json=update, headers=await bearer(role))
        assert response.status_code == (200 if role in allowed else 403), (role, response.text)


# --- property level: no body sets what the server owns ----------------------------------------

# (method, path, fields the body may not set): ids, timestamps, audit fields, roles outside the
# admin's user endpoint, computed values (BMI, money amounts), versions.
FORBIDDEN_FIELDS: list[tuple[str, str, list[str]]] = [
    (
        "POST",
        "/api/patients",
        ["patient_id", "created_at", "updated_at", "deleted_at", "version", "role"],
    ),
    ("PUT", "/api/patients/1", ["patient_id", "created_at", "updated_at", "version", "role"]),
    ("POST", "/api/patients/1/plan", ["plan_id", "patient_id", "is_active", "created_at"]),
    (
        "POST",
        "/api/appointments",
        [
            "appointment_id",
            "created_at",
            "updated_at",
            "telehealth_url",
            "cpt_id",
            "version",
            "role",
        ],
    ),
    (
        "PUT",
        "/api/appointments/1",
        ["appointment_id", "patient_id", "provider_user_id", "cpt_id", "telehealth_url", "version"],
    ),
    (
        "POST",
        "/api/appointments/1/charges",
        [
            "cpt_record_id",
            "unit_price_cents",
            "amount_cents",
            "description",
            "status",
            "created_at",
        ],
    ),
    (
        "POST",
        "/api/invoices",
        [
            "invoice_id",
            "total_cents",
            "patient_due_cents",
            "insurance_due_cents",
            "status",
            "paid_at",
            "issued_at",
            "plan_id",
            "lines",
        ],
    ),
    ("PUT", "/api/invoices/1", ["total_cents", "patient_due_cents", "paid_at", "version"]),
    (
        "POST",
        "/api/medical-records",
        ["medical_record_id", "provider_user_id", "version", "created_at", "updated_by_user_id"],
    ),
    (
        "PUT",
        "/api/medical-records/1",
        ["patient_id", "provider_user_id", "version", "updated_at", "updated_by_user_id"],
    ),
    (
        "POST",
        "/api/vitals",
        ["vitals_id", "bmi", "bmi_category", "recorded_by_user_id", "recorded_at"],
    ),
    ("POST", "/api/users", ["user_id", "password_hash", "is_active", "created_at", "version"]),
    (
        "PUT",
        "/api/users/1",
        ["user_id", "email", "password", "password_hash", "created_at", "version"],
    ),
    ("PUT", "/api/profile/password", ["role", "user_id", "is_active", "email"]),
    ("POST", "/api/cpt_codes", ["created_at", "updated_at"]),
    ("PUT", "/api/cpt_codes/99213", ["code", "created_at", "updated_at"]),
    ("PUT", "/api/providers/1/working-hours", ["provider_user_id"]),
]


@pytest.mark.parametrize(
    ("method", "path", "field"),
    [(method, path, field) for method, path, fields in FORBIDDEN_FIELDS for field in fields],
)
async def test_no_body_sets_server_owned_fields(
    client: httpx.AsyncClient, bearer: Login, method: str, path: str, field: str
) -> None:
    value: Any = 1
    response = await client.request(
        method, path, json={field: value}, headers=await bearer(Role.admin)
    )
    assert response.status_code == 400, response.text
    assert {"field": field, "message": "Unknown field"} in response.json()["details"]
