"""Idempotency-Key on the creating POSTs: a retry replays the first answer and creates nothing,
another body with the key is a 409, a retry in flight is a 409, and concurrent requests with one
key create one resource."""

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update

from clinichub.idempotency import repository
from clinichub.idempotency.rules import request_fingerprint
from clinichub.models import IdempotencyKey, Patient
from clinichub.vocabulary import Role
from tests.kit import Clinic, Login

PATIENT = {"first_name": "Maria", "last_name": "Retry", "dob": "1985-03-04"}


def key(value: str) -> dict[str, str]:
    return {"Idempotency-Key": value}


async def patients(app: FastAPI) -> int:
    async with app.state.sessionmaker() as db:
        return await db.scalar(select(func.count()).select_from(Patient)) or 0


async def test_a_retry_replays_the_first_response(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    first = await client.post("/api/patients", json=PATIENT, headers=admin | key("k-1"))
    assert first.status_code == 201
    assert "idempotent-replayed" not in first.headers
    # Same body, other key order and spacing: the same request.
    retry = await client.post(
        "/api/patients",
        content='{"dob": "1985-03-04",  "last_name": "Retry", "first_name": "Maria"}',
        headers=admin | key("k-1") | {"Content-Type": "application/json"},
    )
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()
    assert await patients(app) == 1
    # Another key creates another patient.
    other = await client.post(
        "/api/patients", json=PATIENT | {"first_name": "Marta"}, headers=admin | key("k-2")
    )
    assert other.status_code == 201
    assert await patients(app) == 2


async def test_the_same_key_with_another_body_is_a_409(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    assert (await client.post("/api/patients", json=PATIENT, headers=admin | key("k"))).is_success
    reuse = await client.post(
        "/api/patients", json=PATIENT | {"last_name": "Other"}, headers=admin | key("k")
    )
    assert reuse.status_code == 409
    assert reuse.json()["code"] == "idempotency_key_reuse"
    # On another endpoint too: the method and path are part of the request.
    elsewhere = await client.post("/api/vitals", json={"patient_id": 1}, headers=admin | key("k"))
    assert elsewhere.status_code == 409
    assert elsewhere.json()["code"] == "idempotency_key_reuse"
    assert await patients(app) == 1


async def test_keys_are_per_user(client: httpx.AsyncClient, login: Login, app: FastAPI) -> None:
    """Two people who happen to pick the same key each get their own request run."""
    for headers in (await login(Role.admin), await login(Role.nurse)):
        response = await client.post("/api/patients", json=PATIENT, headers=headers | key("k"))
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
    assert await patients(app) == 2


async def test_a_key_in_flight_is_a_409(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    user_id = (await client.get("/api/profile", headers=admin)).json()["user_id"]
    body = b'{"first_name":"Maria","last_name":"Retry","dob":"1985-03-04"}'
    # A claim without an answer yet: what a retry sees while the first request still runs.
    async with app.state.sessionmaker() as db, db.begin():
        fingerprint = request_fingerprint("POST", "/api/patients", body)
        assert await repository.claim(db, user_id, "busy", fingerprint)
    headers = admin | key("busy") | {"Content-Type": "application/json"}
    response = await client.post("/api/patients", content=body, headers=headers)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_in_progress"
    assert await patients(app) == 0
    # A claim abandoned long ago (its process died) is taken over.
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(IdempotencyKey).values(claimed_at=func.now() - timedelta(minutes=10))
        )
    response = await client.post("/api/patients", content=body, headers=headers)
    assert response.status_code == 201
    assert await patients(app) == 1


async def test_concurrent_requests_with_one_key_create_one_resource(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    responses = await asyncio.gather(
        *(client.post("/api/patients", json=PATIENT, headers=admin | key("race")) for _ in range(8))
    )
    assert await patients(app) == 1
    created = [r for r in responses if r.status_code == 201]
    assert created, [r.text for r in responses]
    assert all(r.json() == created[0].json() for r in created)
    for response in responses:
        if response.status_code != 201:
            assert response.status_code == 409
            assert response.json()["code"] == "idempotency_key_in_progress"
    # Once the first has answered, every retry gets its answer.
    retry = await client.post("/api/patients", json=PATIENT, headers=admin | key("race"))
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"


async def test_client_errors_are_replayed_and_server_errors_released(
    client: httpx.AsyncClient, login: Login, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = await login(Role.admin)
    # A decision of the handler (a 404 for a patient that is not there) is stored.
    vitals = {"patient_id": 999, "pulse_bpm": 70}
    missing = await client.post("/api/vitals", json=vitals, headers=admin | key("v"))
    assert missing.status_code == 404
    again = await client.post("/api/vitals", json=vitals, headers=admin | key("v"))
    assert again.status_code == 404
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == missing.json()

    # A validation error before the handler ran is not stored: the key is free.
    invalid = await client.post("/api/patients", json={}, headers=admin | key("p"))
    assert invalid.status_code == 400

    # A server error releases the key, and a retry runs again.
    from clinichub.patients import repository as patients_repository

    real = patients_repository.create_patient

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database went away")

    monkeypatch.setattr(patients_repository, "create_patient", broken)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as failing:
        crashed = await failing.post("/api/patients", json=PATIENT, headers=admin | key("p"))
    assert crashed.status_code == 500
    monkeypatch.setattr(patients_repository, "create_patient", real)
    retried = await client.post("/api/patients", json=PATIENT, headers=admin | key("p"))
    assert retried.status_code == 201
    assert "idempotent-replayed" not in retried.headers
    assert await patients(app) == 1


@pytest.mark.parametrize("value", ["", "é-not-ascii", "x" * 256, "tab\there"])
async def test_an_invalid_key_is_a_400(
    client: httpx.AsyncClient, login: Login, app: FastAPI, value: str
) -> None:
    admin = await login(Role.admin)
    response = await client.post(
        "/api/patients",
        json=PATIENT,
        headers=[
            *((name.encode(), header.encode()) for name, header in admin.items()),
            (b"Idempotency-Key", value.encode()),
        ],
    )
    assert response.status_code == 400, response.text
    assert response.json()["details"][0]["field"] == "Idempotency-Key"
    assert await patients(app) == 0


async def test_every_creating_post_takes_a_key(desk: Clinic, app: FastAPI) -> None:
    """Each of them replays: patients, appointments, charges, invoices, records, vitals, users."""
    patient_id = await desk.patient()
    appointment_id, _ = await desk.visit(patient_id)
    booked_start = "2031-01-06T10:00:00Z"
    bodies: list[tuple[str, dict[str, Any]]] = [
        ("/api/patients", PATIENT),
        (
            "/api/appointments",
            {
                "patient_id": patient_id,
                "provider_user_id": desk.doctor_id,
                "scheduled_start": booked_start,
                "scheduled_end": "2031-01-06T10:30:00Z",
            },
        ),
        (f"/api/appointments/{appointment_id}/charges", {"cpt_code": "85025"}),
        ("/api/invoices", {"appointment_id": appointment_id}),
        (
            "/api/medical-records",
            {"patient_id": patient_id, "diagnosis": "Flu", "treatment_plan": "Rest"},
        ),
        ("/api/vitals", {"patient_id": patient_id, "pulse_bpm": 72}),
        (
            "/api/users",
            {
                "email": "retry.user@example.com",
                "password": "a long passphrase",
                "first_name": "Ray",
                "last_name": "Try",
                "role": "nurse",
            },
        ),
    ]
    for n, (url, body) in enumerate(bodies):
        headers = desk.headers | key(f"every-{n}")
        first = await desk.client.post(url, json=body, headers=headers)
        assert first.status_code == 201, (url, first.text)
        retry = await desk.client.post(url, json=body, headers=headers)
        assert retry.status_code == 201, (url, retry.text)
        assert retry.headers["idempotent-replayed"] == "true", url
        assert retry.json() == first.json(), url


async def test_expired_keys_are_pruned_and_can_be_used_again(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    assert (await client.post("/api/patients", json=PATIENT, headers=admin | key("old"))).is_success
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(update(IdempotencyKey).values(expires_at=func.now()))
    again = await client.post(
        "/api/patients", json=PATIENT | {"first_name": "Mara"}, headers=admin | key("old")
    )
    assert again.status_code == 201
    assert "idempotent-replayed" not in again.headers
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(update(IdempotencyKey).values(expires_at=func.now()))
        assert await repository.prune(db) == 1


async def test_openapi_documents_the_header(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    creating = {
        "patients_create",
        "appointments_create",
        "charges_create",
        "invoices_create",
        "medical_records_create",
        "vitals_create",
        "users_create",
    }
    found = set()
    for path in document["paths"].values():
        for operation in path.values():
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            if "Idempotency-Key" in headers:
                found.add(operation["operationId"])
                assert "409" in operation["responses"]
                assert "Idempotent-Replayed" in operation["responses"]["201"]["headers"]
    assert found == creating
