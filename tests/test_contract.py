"""The contract as served: what `openapi.json` promises is what the server does."""

import re
from typing import Any

import httpx
import pytest

import clinichub.errors
from clinichub.audit import errors as audit_errors
from clinichub.auth import errors as auth_errors
from clinichub.billing import errors as billing_errors
from clinichub.clinical import errors as clinical_errors
from clinichub.errors import Catalogued
from clinichub.patients import errors as patients_errors
from clinichub.scheduling import errors as scheduling_errors
from clinichub.schemas import MAX_ID
from clinichub.users import errors as users_errors
from clinichub.vocabulary import AppointmentStatus, PlanType, Role
from tests.kit import PAST_MONDAY, Clinic, Login, MakeStaff, clock

Document = dict[str, Any]
ERROR_MODULES = (
    audit_errors,
    auth_errors,
    billing_errors,
    clinical_errors,
    patients_errors,
    scheduling_errors,
    users_errors,
)
at = clock(PAST_MONDAY)

# The ids in request bodies: (operation, path, schema, field).
BODY_IDS = [
    ("appointments_create", "/api/appointments", "AppointmentCreate", "patient_id"),
    ("appointments_create", "/api/appointments", "AppointmentCreate", "provider_user_id"),
    ("invoices_create", "/api/invoices", "InvoiceCreate", "appointment_id"),
    ("medical_records_create", "/api/medical-records", "MedicalRecordCreate", "patient_id"),
    ("medical_records_create", "/api/medical-records", "MedicalRecordCreate", "appointment_id"),
    ("vitals_create", "/api/vitals", "VitalsCreate", "patient_id"),
    ("vitals_create", "/api/vitals", "VitalsCreate", "appointment_id"),
]


async def _document(client: httpx.AsyncClient) -> Document:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document: Document = response.json()
    return document


def _example(document: Document, path: str) -> dict[str, Any]:
    content = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    value: dict[str, Any] = next(iter(content["examples"].values()))["value"]
    return dict(value)


def _integer(schema: dict[str, Any]) -> dict[str, Any]:
    return next(
        (option for option in schema.get("anyOf", []) if option.get("type") == "integer"), schema
    )


@pytest.mark.parametrize(("operation", "path", "schema", "field"), BODY_IDS)
async def test_a_body_id_maximum_is_the_largest_id_the_server_accepts(
    client: httpx.AsyncClient, bearer: Login, operation: str, path: str, schema: str, field: str
) -> None:
    document = await _document(client)
    bound = _integer(document["components"]["schemas"][schema]["properties"][field])
    assert bound["maximum"] == MAX_ID
    assert isinstance(bound["maximum"], int) and isinstance(bound["minimum"], int)
    headers = await bearer(Role.admin)
    body = _example(document, path)

    body[field] = bound["maximum"]
    accepted = await client.post(path, json=body, headers=headers)
    # Valid input naming a row that does not exist: not a validation error.
    assert accepted.status_code != 400, accepted.json()

    body[field] = bound["maximum"] + 1
    refused = await client.post(path, json=body, headers=headers)
    assert refused.status_code == 400
    assert refused.json()["details"][0]["field"].endswith(field)


@pytest.mark.parametrize("value", ["yes", "true", 0, 1, "0"])
async def test_booleans_in_json_bodies_are_json_booleans(
    client: httpx.AsyncClient, bearer: Login, value: object
) -> None:
    headers = await bearer(Role.admin)
    code = {"code": "12345", "description": "Test", "category": "Test", "price_cents": 2500}
    response = await client.post(
        "/api/cpt_codes", json={**code, "is_active": value}, headers=headers
    )
    assert response.status_code == 400, response.json()
    assert response.json()["details"][0]["field"] == "is_active"

    created = await client.post(
        "/api/cpt_codes", json={**code, "is_active": False}, headers=headers
    )
    assert created.status_code == 201
    update = await client.put("/api/cpt_codes/12345", json={"is_active": value}, headers=headers)
    assert update.status_code == 400
    assert update.json()["details"][0]["field"] == "is_active"

    user = await client.get("/api/profile", headers=headers)
    user_id = user.json()["user_id"]
    refused = await client.put(f"/api/users/{user_id}", json={"is_active": value}, headers=headers)
    assert refused.status_code == 400
    assert refused.json()["details"][0]["field"] == "is_active"


async def test_whole_floats_are_integers_and_fractions_text_and_booleans_are_not(
    desk: Clinic,
) -> None:
    code = {"code": "12345", "description": "Test", "category": "Test"}
    created = await desk.call("POST", "/api/cpt_codes", 201, json={**code, "price_cents": 2500.0})
    assert created["cpt_code"]["price_cents"] == 2500
    updated = await desk.call("PUT", "/api/cpt_codes/12345", json={"price_cents": 3000.0})
    assert updated["cpt_code"]["price_cents"] == 3000

    patient_id = await desk.patient({"plan_type": "PPO", "copay_cents": 2500.0})
    plan = await desk.call("GET", f"/api/patients/{patient_id}/plan")
    assert plan["plan"]["copay_cents"] == 2500

    appointment_id, _ = await desk.visit(patient_id)
    body = {"cpt_code": "12345", "quantity": 2.0}
    charge = await desk.call("POST", f"/api/appointments/{appointment_id}/charges", 201, json=body)
    assert charge["charge"]["quantity"] == 2

    for value in (25.5, "2500", True):
        refused = await desk.client.post(
            "/api/cpt_codes",
            json={**code, "code": "12346", "price_cents": value},
            headers=desk.headers,
        )
        assert refused.status_code == 400, (value, refused.text)
        assert refused.json()["details"][0]["field"] == "price_cents"
    for value in (1.5, "2", True):
        refused = await desk.client.post(
            f"/api/appointments/{appointment_id}/charges",
            json={"cpt_code": "12345", "quantity": value},
            headers=desk.headers,
        )
        assert refused.status_code == 400, (value, refused.text)


def test_each_catalogued_code_has_one_status() -> None:
    statuses: dict[str, set[int]] = {}
    for module in (clinichub.errors, *ERROR_MODULES):
        for entry in vars(module).values():
            if isinstance(entry, Catalogued):
                statuses.setdefault(entry.code, set()).add(entry.status_code)
    assert statuses["appointment_not_completed"] == {409}
    assert {code: found for code, found in statuses.items() if len(found) > 1} == {}


async def test_a_visit_not_completed_is_a_409_for_its_invoice_and_its_charges(
    desk: Clinic,
) -> None:
    appointment_id = await desk.appointment(await desk.patient())
    invoice = await desk.client.post(
        "/api/invoices", json={"appointment_id": appointment_id}, headers=desk.headers
    )
    charge = await desk.client.post(
        f"/api/appointments/{appointment_id}/charges",
        json={"cpt_code": "99213"},
        headers=desk.headers,
    )
    for response in (invoice, charge):
        assert response.status_code == 409, response.text
        assert response.json()["code"] == "appointment_not_completed"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PATCH", "/api/patients", {"GET", "POST"}),
        ("POST", "/api/patients/1", {"DELETE", "GET", "PUT"}),
        ("DELETE", "/api/providers/1/working-hours", {"GET", "PUT"}),
        ("PUT", "/api/appointments", {"GET", "POST"}),
        ("DELETE", "/api/profile", {"GET"}),
    ],
)
async def test_a_405_allows_every_method_of_the_path(
    client: httpx.AsyncClient, bearer: Login, method: str, path: str, allowed: set[str]
) -> None:
    response = await client.request(method, path, headers=await bearer(Role.admin))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert set(response.headers["allow"].split(", ")) == allowed


async def test_every_operation_with_a_body_documents_the_413_it_can_answer(
    client: httpx.AsyncClient, bearer: Login
) -> None:
    document = await _document(client)
    with_body = [
        (path, method)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if "requestBody" in operation
    ]
    assert len(with_body) == 21
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert ("413" in operation["responses"]) == ((path, method) in with_body), (
                method,
                path,
            )

    too_large = b'{"first_name": "' + b"a" * (1024 * 1024) + b'"}'
    response = await client.post(
        "/api/patients",
        content=too_large,
        headers={**await bearer(Role.admin), "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_an_invoice_plan_type_is_one_of_the_plan_types(desk: Clinic) -> None:
    document = await _document(desk.client)
    schemas = document["components"]["schemas"]
    plan_type = schemas["InvoicePlan"]["properties"]["plan_type"]
    assert plan_type == {"$ref": "#/components/schemas/PlanType"}
    assert set(schemas["PlanType"]["enum"]) == {item.value for item in PlanType}

    patient_id = await desk.patient({"plan_type": "PPO", "copay_cents": 2500})
    appointment_id, _ = await desk.visit(patient_id)
    invoice = await desk.invoice(appointment_id)
    assert invoice["plan"]["plan_type"] in schemas["PlanType"]["enum"]


async def test_an_audit_events_actor_role_is_a_role_or_null(
    client: httpx.AsyncClient, login: Login
) -> None:
    document = await _document(client)
    schemas = document["components"]["schemas"]
    actor_role = schemas["AuditEventRead"]["properties"]["actor_role"]
    assert actor_role["anyOf"] == [{"$ref": "#/components/schemas/Role"}, {"type": "null"}]
    assert set(schemas["Role"]["enum"]) == {item.value for item in Role}

    admin = await login(Role.admin)
    await client.get("/api/patients", headers=admin)
    response = await client.get("/api/audit/events", headers=admin)
    assert response.status_code == 200
    roles = {event["actor_role"] for event in response.json()["events"]}
    assert "admin" in roles
    assert roles <= set(schemas["Role"]["enum"]) | {None}


async def test_a_provider_is_a_doctor_or_a_nurse(clinic: Clinic, make_staff: MakeStaff) -> None:
    document = await _document(clinic.client)
    schemas = document["components"]["schemas"]
    assert schemas["ProviderRead"]["properties"]["role"] == {
        "$ref": "#/components/schemas/ProviderRole"
    }
    assert set(schemas["ProviderRole"]["enum"]) == {"doctor", "nurse"}

    await make_staff(Role.nurse)
    await make_staff(Role.receptionist)
    listing = await clinic.call("GET", "/api/providers")
    assert {provider["role"] for provider in listing["providers"]} == {"doctor", "nurse"}


@pytest.mark.parametrize("status", ["checked_in", "in_progress", "completed", "cancelled"])
async def test_a_booking_starts_in_one_of_the_initial_statuses(clinic: Clinic, status: str) -> None:
    document = await _document(clinic.client)
    schemas = document["components"]["schemas"]
    field = schemas["AppointmentCreate"]["properties"]["status"]
    assert field["$ref"] == "#/components/schemas/InitialStatus"
    assert set(schemas["InitialStatus"]["enum"]) == {"scheduled", "confirmed"}

    refused = await clinic.book(at(9), at(9, 30), status=status, expect=400)
    assert refused.json()["details"][0]["field"] == "status"
    for allowed, hour in (("scheduled", 9), ("confirmed", 10)):
        booked = await clinic.booked(at(hour), at(hour, 30), status=allowed)
        assert booked["status"] == allowed


STATUS_FILTERS = [
    ("scheduled", True),
    ("confirmed,cancelled", True),
    (" scheduled , no_show ", True),
    ("scheduled,,completed,", True),
    ("", True),
    ("bogus", False),
    ("scheduled,bogus", False),
    ("SCHEDULED", False),
    ("scheduled;confirmed", False),
    ("scheduled confirmed", False),
]


async def test_the_status_filter_pattern_is_what_the_server_accepts(clinic: Clinic) -> None:
    document = await _document(clinic.client)
    parameters = document["paths"]["/api/appointments"]["get"]["parameters"]
    schema = next(p for p in parameters if p["name"] == "status")["schema"]
    string = next(option for option in schema["anyOf"] if option.get("type") == "string")
    pattern = re.compile(string["pattern"])
    for status in AppointmentStatus:
        assert pattern.search(status.value)
    for value, accepted in STATUS_FILTERS:
        assert bool(pattern.search(value)) is accepted, value
        response = await clinic.client.get(
            "/api/appointments", params={"status": value}, headers=clinic.headers
        )
        assert response.status_code == (200 if accepted else 400), value
