"""Every date and timestamp the API takes has bounds: outside them, a 400 naming the field, and
the OpenAPI document states them."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from clinichub.vocabulary import Role
from tests.kit import RECORD, Login, new_patient

Json = dict[str, Any]


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def assert_field_error(response: httpx.Response, field: str) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_request", body
    assert field in [detail["field"] for detail in body["details"]], body
    assert body["error"].startswith(f"Invalid value for {field}"), body


@pytest.fixture
async def booking(client: httpx.AsyncClient, bearer: Login) -> tuple[dict[str, str], Json]:
    admin = await bearer(Role.admin)
    doctor = (await client.get("/api/profile", headers=await bearer(Role.doctor))).json()
    body = {"patient_id": await new_patient(client, admin), "provider_user_id": doctor["user_id"]}
    return admin, body


async def test_appointments_lie_from_2000_to_five_years_ahead(
    client: httpx.AsyncClient, booking: tuple[dict[str, str], Json]
) -> None:
    admin, body = booking
    now = datetime.now(UTC)
    horizon = now.replace(year=now.year + 5) if (now.month, now.day) != (2, 29) else now

    async def book(start: datetime, end: datetime) -> httpx.Response:
        times = {"scheduled_start": iso(start), "scheduled_end": iso(end)}
        return await client.post("/api/appointments", json={**body, **times}, headers=admin)

    millennium = datetime(2000, 1, 1, tzinfo=UTC)
    assert_field_error(
        await book(millennium - timedelta(minutes=30), millennium), "scheduled_start"
    )
    assert_field_error(await book(millennium - timedelta(days=400), millennium), "scheduled_start")
    late = horizon + timedelta(hours=1)
    assert_field_error(await book(horizon - timedelta(minutes=30), late), "scheduled_end")
    assert_field_error(await book(late, late + timedelta(minutes=30)), "scheduled_start")
    # History from 2000 on may be entered, and a visit booked up to five years ahead.
    past = await book(millennium, millennium + timedelta(minutes=30))
    assert past.status_code == 201, past.text
    ahead = horizon - timedelta(days=1)
    future = await book(ahead, ahead + timedelta(minutes=30))
    assert future.status_code == 201, future.text

    # Moving is held to the same bounds.
    path = f"/api/appointments/{future.json()['appointment']['appointment_id']}"
    for fields, field in [
        ({"scheduled_start": "1999-12-31T23:00:00Z"}, "scheduled_start"),
        ({"scheduled_end": iso(late)}, "scheduled_end"),
    ]:
        assert_field_error(await client.put(path, json=fields, headers=admin), field)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/appointments?date_from=1899-12-31", "date_from"),
        ("/api/appointments?date_to=2101-01-01", "date_to"),
        ("/api/appointments?date_from=1899-12-31T12:00:00Z", "date_from"),
        ("/api/appointments?date_to=2101-01-01T00:00:00Z", "date_to"),
        ("/api/appointments?date_to=9999-12-31", "date_to"),
        ("/api/invoices?issued_from=0001-01-01", "issued_from"),
        ("/api/invoices?issued_to=2101-01-01T06:00:00%2B05:00", "issued_to"),
        ("/api/audit/events?occurred_from=1899-12-31T23:59:59Z", "occurred_from"),
        ("/api/audit/events?occurred_to=2101-01-01T00:00:00Z", "occurred_to"),
        ("/api/audit/events?occurred_from=9999-12-31T23:00:00-05:00", "occurred_from"),
        ("/api/patients/1/access-log?occurred_to=2101-01-01T00:00:00Z", "occurred_to"),
        ("/api/reports/daily-revenue?date=1899-12-31", "date"),
        ("/api/reports/daily-revenue?date=9999-12-31", "date"),
        ("/api/reports/revenue?from=1899-12-31&to=1900-01-01", "from"),
        ("/api/reports/revenue?from=2100-12-31&to=2101-01-01", "to"),
        ("/api/providers/1/availability?date_from=2101-01-01&date_to=2101-01-02", "date_from"),
        ("/api/appointments/daily-counts?date_from=1899-12-31&date_to=1900-01-01", "date_from"),
        ("/api/appointments/daily-counts?date_from=2100-12-31&date_to=2101-01-01", "date_to"),
        ("/api/patients?dob=1899-12-31", "dob"),
    ],
)
async def test_query_dates_lie_from_1900_to_2100(
    client: httpx.AsyncClient, bearer: Login, path: str, field: str
) -> None:
    response = await client.get(path, headers=await bearer(Role.admin))
    assert_field_error(response, field)
    assert "from 1900-01-01 to 2100-12-31" in response.json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/appointments?date_from=1900-01-01&date_to=1900-12-31",
        "/api/invoices?issued_from=2100-01-01&issued_to=2100-12-31T23:59:59Z",
        "/api/audit/events?occurred_from=1900-01-01T00:00:00Z",
        "/api/reports/daily-revenue?date=2100-12-31",
        "/api/appointments/daily-counts?date_from=1900-01-01&date_to=1900-01-02",
        "/api/appointments/daily-counts?date_from=2100-12-30&date_to=2100-12-31",
    ],
)
async def test_the_bounds_themselves_are_accepted(
    client: httpx.AsyncClient, bearer: Login, path: str
) -> None:
    response = await client.get(path, headers=await bearer(Role.admin))
    assert response.status_code == 200, response.text


async def test_body_dates_have_bounds(client: httpx.AsyncClient, bearer: Login) -> None:
    admin = await bearer(Role.admin)
    patient_id = await new_patient(client, admin)
    record = {**RECORD, "patient_id": patient_id}
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()  # the tests' clinic day is UTC's
    for record_date, message in [
        (tomorrow.isoformat(), "must not be in the future"),
        ("1899-12-31", "must be from 1900-01-01 to 2100-12-31"),
        ("20260415", "must be a date in YYYY-MM-DD format"),
    ]:
        response = await client.post(
            "/api/medical-records", json={**record, "record_date": record_date}, headers=admin
        )
        assert_field_error(response, "record_date")
        assert response.json()["details"] == [{"field": "record_date", "message": message}]
    today = date.today().isoformat()
    written = await client.post(
        "/api/medical-records", json={**record, "record_date": "1900-01-01"}, headers=admin
    )
    assert written.status_code == 201, written.text
    plan = {"carrier_name": "Acme", "member_id": "M-1", "plan_type": "self_pay"}
    for effective_date in ("1899-12-31", "2101-01-01"):
        response = await client.post(
            f"/api/patients/{patient_id}/plan",
            json={**plan, "effective_date": effective_date},
            headers=admin,
        )
        assert_field_error(response, "effective_date")
    saved = await client.post(
        f"/api/patients/{patient_id}/plan", json={**plan, "effective_date": today}, headers=admin
    )
    assert saved.status_code == 201, saved.text
    for dob in ("1899-12-31", "2101-01-01"):
        response = await client.put(f"/api/patients/{patient_id}", json={"dob": dob}, headers=admin)
        assert_field_error(response, "dob")


def test_the_document_states_the_bounds(app: FastAPI) -> None:
    document = app.openapi()
    schemas = document["components"]["schemas"]

    def text(schema: Json) -> str:
        return str(schema)

    for model, field in [
        ("AppointmentCreate", "scheduled_start"),
        ("AppointmentCreate", "scheduled_end"),
        ("AppointmentUpdate", "scheduled_start"),
        ("AppointmentUpdate", "scheduled_end"),
    ]:
        assert "from 2000-01-01 to five years from now" in text(
            schemas[model]["properties"][field]
        ), (model, field)
    assert "1900-01-01 to today" in text(
        schemas["MedicalRecordCreate"]["properties"]["record_date"]
    )
    assert "1900-01-01 to 2100-12-31" in text(schemas["PlanCreate"]["properties"]["effective_date"])
    assert "1900-01-01 to today" in text(schemas["PatientCreate"]["properties"]["dob"])

    parameters = {
        (path, method, parameter["name"]): parameter
        for path, item in document["paths"].items()
        for method, operation in item.items()
        for parameter in operation.get("parameters", [])
    }
    for path, name in [
        ("/api/appointments", "date_from"),
        ("/api/appointments", "date_to"),
        ("/api/invoices", "issued_from"),
        ("/api/invoices", "issued_to"),
        ("/api/audit/events", "occurred_from"),
        ("/api/audit/events", "occurred_to"),
        ("/api/patients/{patient_id}/access-log", "occurred_from"),
        ("/api/reports/daily-revenue", "date"),
        ("/api/reports/revenue", "from"),
        ("/api/reports/revenue", "to"),
        ("/api/providers/{provider_user_id}/availability", "date_from"),
        ("/api/providers/{provider_user_id}/availability", "date_to"),
        ("/api/appointments/daily-counts", "date_from"),
        ("/api/appointments/daily-counts", "date_to"),
        ("/api/patients", "dob"),
    ]:
        parameter = parameters[(path, "get", name)]
        assert "1900-01-01 to 2100-12-31" in text(parameter), (path, name)
