"""Logs never hold passwords, tokens or patient data: every line logged (root logger, DEBUG) during
a clinic's day of requests, failures and a 500 included, is searched for them."""

import logging
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import text

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.logs import JsonFormatter
from clinichub.vocabulary import Role
from clinichub.web.dependencies import DbSession
from tests.kit import PASSWORD, MakeUser

# The first demo patient.
PATIENT = {
    "first_name": "José",
    "last_name": "Rodríguez",
    "dob": "1958-03-14",
    "sex": "male",
    "email": "jose.rodriguez@example.com",
    "phone": "7872345678",
    "address": "Calle Loíza 1520, San Juan, PR 00911",
    "emergency_contact_name": "Carmen Rodríguez",
    "emergency_contact_phone": "7872345679",
}
# The test client's own loggers: they log the URLs the test requests, not the server.
CLIENT_LOGGERS = ("httpx", "httpcore")


def logged_text(records: list[logging.LogRecord]) -> str:
    """Everything the records put in the service's log: each line as the service writes it
    (messages, tracebacks and extra fields)."""
    formatter = JsonFormatter()
    return "\n".join(
        formatter.format(record) for record in records if not record.name.startswith(CLIENT_LOGGERS)
    )


async def a_day_at_the_clinic(
    client: httpx.AsyncClient, app: FastAPI, make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Runs the workflow; returns the tokens it was given."""
    admin = await make_user(Role.admin, email="front.desk@clinic.test", password=PASSWORD)
    doctor = await make_user(Role.doctor)
    wrong = await client.post("/api/login", json={"email": admin.email, "password": PASSWORD + "!"})
    assert wrong.status_code == 401
    login = await client.post("/api/login", json={"email": admin.email, "password": PASSWORD})
    assert login.status_code == 200
    tokens = [login.json()["access_token"], login.json()["refresh_token"]]
    headers = {"Authorization": f"Bearer {tokens[0]}"}

    created = await client.post("/api/patients", json=PATIENT, headers=headers)
    assert created.status_code == 201, created.text
    patient_id = created.json()["patient"]["patient_id"]
    found = await client.get(
        "/api/patients", params={"search": "Rodríguez", "email": PATIENT["email"]}, headers=headers
    )
    assert found.json()["pagination"]["total"] == 1
    booked = await client.post(
        "/api/appointments",
        json={
            "patient_id": patient_id,
            "provider_user_id": doctor.user_id,
            "scheduled_start": "2025-03-03T14:00:00Z",
            "scheduled_end": "2025-03-03T14:30:00Z",
            "reason": "Chest pain since José's fall",
        },
        headers=headers,
    )
    assert booked.status_code == 201, booked.text
    appointment_id = booked.json()["appointment"]["appointment_id"]
    completed = await client.put(
        f"/api/appointments/{appointment_id}", json={"status": "completed"}, headers=headers
    )
    assert completed.status_code == 200
    invoice = await client.post(
        "/api/invoices", json={"appointment_id": appointment_id}, headers=headers
    )
    assert invoice.status_code == 201
    paid = await client.put(
        f"/api/invoices/{invoice.json()['invoice']['invoice_id']}",
        json={"status": "paid"},
        headers=headers,
    )
    assert paid.status_code == 200
    record = await client.post(
        "/api/medical-records",
        json={
            "patient_id": patient_id,
            "appointment_id": appointment_id,
            "diagnosis": "Rodríguez: contusion of the chest wall",
            "treatment_plan": "Ice, rest",
        },
        headers=headers,
    )
    assert record.status_code == 201
    for url in (
        f"/api/medical-records/{record.json()['record']['medical_record_id']}",
        f"/api/medical-records?patient_id={patient_id}",
        f"/api/patients/{patient_id}",
    ):
        assert (await client.get(url, headers=headers)).status_code == 200

    # Failing requests: a duplicate (409), invalid input echoing patient data (400), a body
    # too large (413), a stale token (401).
    duplicate = await client.post("/api/patients", json=PATIENT, headers=headers)
    assert duplicate.status_code == 409
    invalid = await client.post(
        "/api/patients", json=PATIENT | {"dob": "José Rodríguez"}, headers=headers
    )
    assert invalid.status_code == 400
    huge = await client.post(
        "/api/patients", json=PATIENT | {"address": "José " * 300_000}, headers=headers
    )
    assert huge.status_code == 413
    assert (
        await client.get("/api/profile", headers={"Authorization": "Bearer x"})
    ).status_code == 401

    refreshed = await client.post("/api/refresh", json={"refresh_token": tokens[1]})
    assert refreshed.status_code == 200
    tokens += [refreshed.json()["access_token"], refreshed.json()["refresh_token"]]

    # A 500, with a stack trace in the log.
    from clinichub.patients import repository

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(repository, "read_patient", broken)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as failing:
            crashed = await failing.get(f"/api/patients/{patient_id}", headers=headers)
        assert crashed.status_code == 500
    return tokens


async def test_logs_of_a_full_workflow_hold_no_secrets_or_patient_data(
    client: httpx.AsyncClient,
    app: FastAPI,
    make_user: MakeUser,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    tokens = await a_day_at_the_clinic(client, app, make_user, monkeypatch)
    logged = logged_text(caplog.records)
    assert "Unhandled error" in logged  # the 500 was logged, with its traceback
    assert "RuntimeError" in logged
    secrets = [PASSWORD, *tokens, *(str(value) for value in PATIENT.values() if value != "male")]
    secrets += ["José", "Rodríguez", "Rodriguez", "jose.rodriguez"]
    leaked = [secret for secret in secrets if secret.lower() in logged.lower()]
    assert leaked == []


async def test_a_constraint_violation_logs_the_constraint_not_the_values(
    settings: Settings, clean_db: None, caplog: pytest.LogCaptureFixture
) -> None:
    """A unique violation that no rule caught first: PostgreSQL's message names the key's value
    (the email); the log names only the constraint and the SQLSTATE."""
    app = create_app(settings)
    insert = text(
        "INSERT INTO patients (first_name, last_name, dob, email) "
        "VALUES ('José', 'Rodríguez', DATE '1958-03-14', 'jose.rodriguez@example.com')"
    )

    @app.post("/probe/twice")
    async def insert_twice(db: DbSession) -> dict[str, str]:
        await db.execute(insert)
        await db.execute(insert)
        return {"status": "inserted"}

    caplog.set_level(logging.DEBUG)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.post("/probe/twice")
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()
    assert response.status_code == 409
    logged = logged_text(caplog.records)
    assert "constraint uq_patients_email_active, SQLSTATE 23505" in logged
    for secret in ("jose.rodriguez", "José", "Rodríguez"):
        assert secret not in logged


class Echo(BaseModel):
    value: str


@pytest.mark.parametrize(
    ("statement", "sqlstate"),
    [
        # PostgreSQL quotes the value: invalid input syntax for type integer: "<value>".
        ("SELECT CAST(CAST(:value AS text) AS integer)", "22P02"),
        # The driver quotes it before sending: invalid input for query argument $1: '<value>'.
        ("SELECT :value + 1", None),
    ],
)
async def test_a_database_error_logs_no_value_a_client_sent(
    settings: Settings,
    clean_db: None,
    caplog: pytest.LogCaptureFixture,
    statement: str,
    sqlstate: str | None,
) -> None:
    app = create_app(settings)

    @app.post("/probe/echo")
    async def echo(body: Echo, db: DbSession) -> None:
        await db.execute(text(statement), {"value": body.value})

    caplog.set_level(logging.DEBUG)
    try:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.post("/probe/echo", json={"value": "José Rodríguez"})
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()
    assert response.status_code == 500
    logged = logged_text(caplog.records)
    assert "Unhandled error in POST /probe/echo" in logged  # logged, with its stack
    if sqlstate:
        assert f"SQLSTATE {sqlstate}" in logged
    for secret in ("José", "Rodríguez", "Jos\\u00e9"):
        assert secret not in logged
