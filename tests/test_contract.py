"""The contract as served: what `openapi.json` promises is what the server does."""

import importlib
import pkgutil
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Annotated, Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from pydantic import Field, TypeAdapter, ValidationError

import clinichub
import clinichub.errors
from clinichub.audit import errors as audit_errors
from clinichub.auth import errors as auth_errors
from clinichub.billing import errors as billing_errors
from clinichub.billing.schemas import CptCodeUpdate
from clinichub.clinical import errors as clinical_errors
from clinichub.errors import AppError, Catalogued, ErrorCode
from clinichub.exception_handlers import validation_error_body
from clinichub.patients import errors as patients_errors
from clinichub.scheduling import errors as scheduling_errors
from clinichub.schemas import MAX_ID
from clinichub.users import errors as users_errors
from clinichub.users.schemas import UserUpdate
from clinichub.vocabulary import AppointmentStatus, AuditResource, PlanType, Role
from tests.kit import PAST_MONDAY, POLICY, ROOT, Clinic, Login, MakeStaff, clock

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


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if "$ref" in node else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()


def _reachable(document: Document, names: set[str]) -> set[str]:
    schemas = document["components"]["schemas"]
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(schemas[name]))
    return seen


def _typescript_type(name: str) -> str:
    """The body of `name`'s type in the generated TypeScript client, from `name: {` to `};`."""
    source = (ROOT / "clients" / "typescript" / "schema.d.ts").read_text()
    start = source.index(f"        {name}: {{\n")
    return source[start : source.index("\n        };\n", start)]


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
    assert len(with_body) == 22  # 21 JSON bodies and the document upload
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


async def test_responses_require_every_field_they_send_and_requests_leave_defaults_optional(
    client: httpx.AsyncClient, login: Login
) -> None:
    document = await _document(client)
    schemas = document["components"]["schemas"]
    successes: set[str] = set()
    request_bodies: set[str] = set()
    for path_item in document["paths"].values():
        for operation in path_item.values():
            request_bodies |= _refs(operation.get("requestBody", {}))
            if operation["operationId"] == "health_check":
                continue  # a 503 leaves database_privileges out: it is optional, and says so
            for status, response in operation["responses"].items():
                if status.startswith("2"):
                    successes |= _refs(response)
    for name in _reachable(document, successes):
        schema = schemas[name]
        assert set(schema.get("properties", {})) == set(schema.get("required", [])), name
    for name in _reachable(document, request_bodies):
        schema = schemas[name]
        defaulted = {
            key for key, value in schema.get("properties", {}).items() if "default" in value
        }
        assert defaulted.isdisjoint(schema.get("required", [])), name
    for name, field in [
        ("AppointmentCreate", "status"),
        ("AppointmentCreate", "visit_type"),
        ("ChargeCreate", "quantity"),
    ]:
        assert field not in schemas[name]["required"]
        assert f"\n            {field}?: " in _typescript_type(name)
    for name, field in [
        ("TokenResponse", "token_type"),
        ("LoginResponse", "token_type"),
        ("CptCodeRead", "currency"),
        ("ChargeRead", "currency"),
        ("PlanRead", "currency"),
        ("AuditVerification", "broken_seal_id"),
    ]:
        assert field in schemas[name]["required"]
        assert f"\n            {field}: " in _typescript_type(name)

    admin = await login(Role.admin)
    verification = await client.get("/api/audit/verify", headers=admin)
    assert {"broken_seal_id", "reason"} <= verification.json().keys()


def _catalogue() -> Iterator[Catalogued]:
    """Every catalogued error of the code base, in whichever module it is defined."""
    for module in pkgutil.walk_packages(clinichub.__path__, "clinichub."):
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, Catalogued):
                yield value


def _error_classes(kind: type[AppError] = AppError) -> Iterator[type[AppError]]:
    yield kind
    for subclass in kind.__subclasses__():
        yield from _error_classes(subclass)


SOURCE = ROOT / "src" / "clinichub"


async def test_an_error_code_is_one_of_the_codes_the_api_returns(
    client: httpx.AsyncClient,
) -> None:
    document = await _document(client)
    schemas = document["components"]["schemas"]
    assert schemas["Error"]["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}
    offered = set(schemas["ErrorCode"]["enum"])
    assert offered == {code.value for code in ErrorCode}

    catalogued = {entry.code.value for entry in _catalogue()}
    defaults = {kind.default_code.value for kind in _error_classes()}
    assert {"appointment_conflict", "email_exists", "last_admin"} <= catalogued
    assert catalogued | defaults <= offered
    # Every other code is named where it is produced (exception handlers, middleware), never
    # written as a bare string (`code=` takes an ErrorCode: mypy checks those), and each code
    # the document offers is produced somewhere.
    source = "\n".join(path.read_text() for path in SOURCE.rglob("*.py"))
    assert re.findall(r"[\"']code[\"']:\s*[\"'][a-z_]+[\"']", source) == []
    named = set(re.findall(r"\bErrorCode\.([a-z_]+)", source))
    assert offered == named | catalogued | defaults


async def test_an_error_body_has_the_declared_keys_only(client: httpx.AsyncClient) -> None:
    document = await _document(client)
    schemas = document["components"]["schemas"]
    assert schemas["Error"]["additionalProperties"] is False
    assert schemas["ErrorDetail"]["additionalProperties"] is False
    error = Draft202012Validator({"$ref": "#/components/schemas/Error", **document})
    assert error.is_valid(
        {"error": "Appointment is already cancelled", "code": "already_cancelled"}
    )
    assert not error.is_valid({"error": "Gone", "code": "gone"})
    assert not error.is_valid({"error": "Conflict", "code": "conflict", "hint": "retry"})
    detail = {"field": "dob", "message": "Field required"}
    assert error.is_valid({"error": "Missing", "code": "invalid_request", "details": [detail]})
    assert not error.is_valid(
        {"error": "Missing", "code": "invalid_request", "details": [{**detail, "value": 1}]}
    )

    # The `client` fixture checks every error the suite meets against the same schema; these
    # come from the framework and the edge rather than from the catalogue.
    for response in (
        await client.get("/api/nowhere"),
        await client.patch("/api/patients"),
        await client.get("/api/patients"),
        await client.post("/api/login", content=b'{"email": "a", "email": "b"}'),
    ):
        assert response.status_code in (401, 400, 404, 405)
        assert error.is_valid(response.json()), response.json()


async def test_an_audit_events_resource_type_is_one_of_the_audit_resources(
    desk: Clinic,
) -> None:
    document = await _document(desk.client)
    schemas = document["components"]["schemas"]
    resource = {"$ref": "#/components/schemas/AuditResource"}
    assert schemas["AuditEventRead"]["properties"]["resource_type"] == resource
    assert set(schemas["AuditResource"]["enum"]) == {item.value for item in AuditResource}
    parameters = document["paths"]["/api/audit/events"]["get"]["parameters"]
    query = next(p for p in parameters if p["name"] == "resource_type")["schema"]
    assert query["anyOf"] == [resource, {"type": "null"}]

    # The types made of parts: a field of a change, and the area of an operation that refuses
    # some role (its tag, recorded with `access_denied`).
    for field in UserUpdate.model_fields:
        AuditResource(f"user.{field}")
    for field in CptCodeUpdate.model_fields:
        AuditResource(f"cpt_code.{field}")
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if 403 in POLICY.get(operation["operationId"], {}).values():
                AuditResource(operation["tags"][0])

    patient_id = await desk.patient({"plan_type": "PPO", "copay_cents": 2500})
    invoice = await desk.invoice((await desk.visit(patient_id))[0])
    await desk.pay(invoice["invoice_id"])
    await desk.call("GET", "/api/appointments", params={"patient_id": patient_id})
    await desk.call("PUT", "/api/cpt_codes/99213", json={"price_cents": 9900})
    listing = await desk.call("GET", "/api/audit/events", params={"per_page": 100})
    recorded = {event["resource_type"] for event in listing["events"]}
    assert {"patient", "appointment_list", "invoice.status", "cpt_code.price_cents"} <= recorded
    assert recorded <= set(schemas["AuditResource"]["enum"])

    only = await desk.call("GET", "/api/audit/events", params={"resource_type": "invoice.status"})
    assert {event["resource_type"] for event in only["events"]} == {"invoice.status"}
    refused = await desk.client.get(
        "/api/audit/events", params={"resource_type": "invoices.status"}, headers=desk.headers
    )
    assert refused.status_code == 400
    assert refused.json()["details"][0]["field"] == "resource_type"


def _non_standard_keywords(node: Any, where: str = "#") -> Iterator[str]:
    """Pydantic's own names of bounds (`ge`, `le`, ...) where JSON Schema expects `minimum`,
    `maximum`, ...: validators and generators ignore them."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"ge", "gt", "le", "lt", "min_length", "max_length"}:
                yield f"{where}/{key}"
            # Under `properties` the keys are field names, under examples values.
            if key not in ("examples", "example", "properties"):
                yield from _non_standard_keywords(value, f"{where}/{key}")
            elif key == "properties":
                for name, schema in value.items():
                    yield from _non_standard_keywords(schema, f"{where}/properties/{name}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _non_standard_keywords(value, f"{where}/{index}")


def _body_schema(document: Document, name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", **document})


async def _agree(
    clinic: Clinic, document: Document, name: str, path: str, bodies: list[dict[str, Any]]
) -> None:
    """The document's schema `name` takes exactly the bodies the server takes at `path`."""
    schema = _body_schema(document, name)
    for body in bodies:
        response = await clinic.client.post(path, json=body, headers=clinic.headers)
        assert response.status_code in (200, 201, 400), (body, response.text)
        assert schema.is_valid(body) == (response.status_code != 400), (body, response.text)


async def test_limits_are_standard_json_schema_keywords(clinic: Clinic) -> None:
    document = await _document(clinic.client)
    assert list(_non_standard_keywords(document)) == []
    vitals = document["components"]["schemas"]["VitalsCreate"]["properties"]
    height = next(option for option in vitals["height_m"]["anyOf"] if option["type"] == "number")
    assert (height["minimum"], height["maximum"]) == (0.3, 2.72)
    temperature = vitals["temperature_c"]["anyOf"][0]
    assert (temperature["minimum"], temperature["maximum"]) == (30, 45)


async def test_the_vitals_schema_asks_for_a_measurement_as_the_server_does(
    clinic: Clinic,
) -> None:
    document = await _document(clinic.client)
    patient = {"patient_id": clinic.patient_id}
    await _agree(
        clinic,
        document,
        "VitalsCreate",
        "/api/vitals",
        [
            patient,
            {**patient, "appointment_id": None},
            {**patient, "height_m": None, "pulse_bpm": None},
            {**patient, "pulse_bpm": 72},
            {**patient, "height_m": None, "blood_pressure": "120/80"},
            {**patient, "pain_level": 0},
            {**patient, "height_m": 2.73},
            {**patient, "height_m": 2.72, "weight_kg": 500},
            {**patient, "weight_kg": 0.2},
            {**patient, "temperature_c": 45.1},
            {**patient, "blood_pressure": "120-80"},
            {**patient, "blood_pressure": "1200/80"},
        ],
    )


async def test_the_plan_schema_asks_for_a_copay_unless_self_pay(clinic: Clinic) -> None:
    document = await _document(clinic.client)
    plan = {"carrier_name": "Acme Health", "member_id": "M-1001"}
    await _agree(
        clinic,
        document,
        "PlanCreate",
        f"/api/patients/{clinic.patient_id}/plan",
        [
            {**plan, "plan_type": "PPO"},
            {**plan, "plan_type": "HMO", "copay_cents": None},
            {**plan, "plan_type": "Medicare", "copay_cents": 0},
            {**plan, "plan_type": "PPO", "copay_cents": 2500},
            {**plan, "plan_type": "self_pay"},
            {**plan, "plan_type": "self_pay", "copay_cents": None},
            {**plan, "plan_type": "self_pay", "copay_cents": 0},
        ],
    )


PHONES = [
    "7871234567",
    "(787) 123-4567",
    "+1 787.123.4567",
    "-------1234567",
    "1234567",
    "123456",
    "(787) 12-34",
    "+1 (787) 123-4567 ext",
    "787-12a-4567",
    "12345678901234567890",
    "123456789012345678901",
    "----------------",
]


async def test_the_phone_pattern_is_what_the_server_accepts(clinic: Clinic) -> None:
    document = await _document(clinic.client)
    person = {"first_name": "Ana", "last_name": "Rivera", "dob": "1990-05-10"}
    await _agree(
        clinic,
        document,
        "PatientCreate",
        "/api/patients",
        [{**person, "phone": phone} for phone in PHONES]
        + [{**person, "emergency_contact_phone": phone} for phone in PHONES],
    )


async def test_the_new_password_bounds_hold_in_every_deployment(clinic: Clinic) -> None:
    document = await _document(clinic.client)
    schemas = document["components"]["schemas"]
    for name, field in (("UserCreate", "password"), ("PasswordChange", "new_password")):
        bounds = schemas[name]["properties"][field]
        assert (bounds["minLength"], bounds["maxLength"]) == (8, 72)
    user = {"first_name": "Ana", "last_name": "Rivera", "role": "nurse"}
    await _agree(
        clinic,
        document,
        "UserCreate",
        "/api/users",
        [
            {**user, "email": f"nurse{length}@clinic.local", "password": ("Kq7vZ" * 41)[:length]}
            for length in (7, 8, 40, 72, 73, 200)
        ],
    )
    # Past ASCII the document's count of characters is looser than the server's of bytes.
    two_bytes = "é" * 37
    response = await clinic.client.post(
        "/api/users",
        json={**user, "email": "nurse.e@clinic.local", "password": two_bytes},
        headers=clinic.headers,
    )
    assert response.status_code == 400
    assert _body_schema(document, "UserCreate").is_valid(
        {**user, "email": "nurse.e@clinic.local", "password": two_bytes}
    )


NOT_ISO_DATES = ["0", "1776240000", "20260415", "2026-W16-3", "2026-4-15", "15/04/2026"]


@pytest.mark.parametrize("value", NOT_ISO_DATES)
async def test_a_date_not_written_yyyy_mm_dd_is_a_400(clinic: Clinic, value: str) -> None:
    doctor = clinic.doctor_id
    queries = [
        ("/api/reports/daily-revenue", "date", "2026-04-15", {}),
        ("/api/patients", "dob", "1990-05-10", {}),
        (
            f"/api/providers/{doctor}/availability",
            "date_from",
            "2026-04-15",
            {"date_to": "2026-04-16"},
        ),
        (
            f"/api/providers/{doctor}/availability",
            "date_to",
            "2026-04-16",
            {"date_from": "2026-04-15"},
        ),
        ("/api/appointments", "date_from", "2026-04-15", {}),
        ("/api/appointments", "date_to", "2026-04-15T10:00:00Z", {}),
        ("/api/invoices", "issued_from", "2026-04-15", {}),
        ("/api/invoices", "issued_to", "2026-04-15T10:00:00", {}),
        ("/api/audit/events", "occurred_from", "2026-04-15T10:00:00Z", {}),
    ]
    for path, name, good, others in queries:
        accepted = await clinic.client.get(
            path, params={name: good, **others}, headers=clinic.headers
        )
        assert accepted.status_code == 200, (path, name, accepted.text)
        refused = await clinic.client.get(
            path, params={name: value, **others}, headers=clinic.headers
        )
        assert refused.status_code == 400, (path, name, refused.text)
        assert refused.json()["details"][0]["field"] == name

    patient = {"first_name": "Ana", "last_name": "Rivera"}
    record = {"patient_id": clinic.patient_id, "diagnosis": "Flu", "treatment_plan": "Rest"}
    plan = {"carrier_name": "Acme Health", "member_id": "M-1", "plan_type": "self_pay"}
    booking = {"patient_id": clinic.patient_id, "provider_user_id": doctor}
    bodies: list[tuple[str, dict[str, Any], str]] = [
        ("/api/patients", patient, "dob"),
        ("/api/medical-records", record, "record_date"),
        (f"/api/patients/{clinic.patient_id}/plan", plan, "effective_date"),
        ("/api/appointments", {**booking, "scheduled_end": at(9, 30)}, "scheduled_start"),
        ("/api/appointments", {**booking, "scheduled_start": at(9)}, "scheduled_end"),
    ]
    for path, body, name in bodies:
        for sent in (value, int(value) if value.isdigit() else value):
            refused = await clinic.client.post(
                path, json={**body, name: sent}, headers=clinic.headers
            )
            assert refused.status_code == 400, (path, name, sent, refused.text)
            assert refused.json()["details"][0]["field"] == name


async def test_messages_write_dates_in_iso_never_as_python_values(clinic: Clinic) -> None:
    booking = {"patient_id": clinic.patient_id, "provider_user_id": clinic.doctor_id}
    early = {"scheduled_start": "1999-12-31T09:00:00Z", "scheduled_end": "1999-12-31T09:30:00Z"}
    refusals = [
        await clinic.client.post(
            "/api/patients",
            json={"first_name": "Ana", "last_name": "Rivera", "dob": "1899-12-31"},
            headers=clinic.headers,
        ),
        await clinic.client.post(
            "/api/appointments", json={**booking, **early}, headers=clinic.headers
        ),
        await clinic.client.get(
            "/api/audit/events",
            params={"occurred_from": "1899-12-31T23:59:59Z"},
            headers=clinic.headers,
        ),
        await clinic.client.get(
            f"/api/providers/{clinic.doctor_id}/availability",
            params={"date_from": "2101-01-01", "date_to": "2101-01-02"},
            headers=clinic.headers,
        ),
    ]
    for response in refusals:
        assert response.status_code == 400, response.text
        body = response.json()
        texts = [body["error"], *(detail["message"] for detail in body["details"])]
        assert all("datetime" not in text for text in texts), texts
        assert any(re.search(r"\b(1900-01-01|2000-01-01)\b", text) for text in texts), texts

    # The formatter writes a bound as the API does, whatever pydantic holds or says.
    bounded: list[tuple[Any, object, str]] = [
        (Annotated[date, Field(ge=date(1900, 1, 1))], date(1899, 12, 31), "1900-01-01"),
        (
            Annotated[datetime, Field(lt=datetime(2101, 1, 1))],
            datetime(2101, 1, 1),
            "2101-01-01T00:00:00",
        ),
        (Annotated[time, Field(gt=time(9))], time(8), "09:00:00"),
    ]
    for kind, value, written in bounded:
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(kind).validate_python(value)
        errors = [{**error, "loc": ("body", "day")} for error in caught.value.errors()]
        body = validation_error_body(errors)
        assert body["details"][0]["message"].endswith(f" {written}"), body
    legacy = {
        "type": "greater_than_equal",
        "loc": ("body", "dob"),
        "msg": "Input should be greater than or equal to datetime.date(1900, 1, 1)",
        "ctx": {"ge": date(1900, 1, 1)},
    }
    assert validation_error_body([legacy])["details"] == [
        {"field": "dob", "message": "Input should be greater than or equal to 1900-01-01"}
    ]
