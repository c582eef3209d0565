"""Deadlocks and serialization failures are retried, and a database that stays busy is a 503 with
`Retry-After`, never a 500: concurrent bookings of one slot get only 201s and 409s."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import text

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.transient_retry import ATTEMPTS
from clinichub.vocabulary import Role
from clinichub.web.dependencies import DbSession
from tests.kit import Login, MakeUser

CLIENTS = 16
ROUNDS = 6


async def test_concurrent_bookings_of_one_slot_get_only_201_and_409(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login
) -> None:
    """16 clients book the same slot at once over 2 patients x 2 providers, round after round
    (each round a new slot): PostgreSQL's two exclusion constraints deadlock now and then, and
    every request still ends in a booking or a conflict, with at most one booking per provider
    and per patient in each slot."""
    admin = await login(Role.admin)
    providers = [(await make_user(Role.doctor)).user_id for _ in range(2)]
    patients = []
    for name in ("Ada", "Grace"):
        created = await client.post(
            "/api/patients",
            json={"first_name": name, "last_name": "Race", "dob": "1980-01-01"},
            headers=admin,
        )
        patients.append(created.json()["patient"]["patient_id"])
    statuses: Counter[int] = Counter()
    for round_ in range(ROUNDS):
        start, end = f"2030-01-07T{8 + round_:02d}:00:00Z", f"2030-01-07T{8 + round_:02d}:30:00Z"
        bodies = [
            {
                "patient_id": patients[i % 2],
                "provider_user_id": providers[(i // 2) % 2],
                "scheduled_start": start,
                "scheduled_end": end,
                "reason": "Follow-up",
            }
            for i in range(CLIENTS)
        ]
        responses = await asyncio.gather(
            *(client.post("/api/appointments", json=body, headers=admin) for body in bodies)
        )
        statuses.update(response.status_code for response in responses)
        booked = [r.json()["appointment"] for r in responses if r.status_code == 201]
        assert booked, [r.text for r in responses]
        assert len({b["provider_user_id"] for b in booked}) == len(booked)
        assert len({b["patient_id"] for b in booked}) == len(booked)
        stored = await client.get(
            "/api/appointments", params={"date_from": start, "date_to": end}, headers=admin
        )
        assert sorted(a["appointment_id"] for a in stored.json()["appointments"]) == sorted(
            b["appointment_id"] for b in booked
        )
    assert set(statuses) <= {201, 409}, statuses


class Probe(BaseModel):
    note: str


@pytest.fixture
async def probe_app(settings: Settings, clean_db: None) -> AsyncIterator[FastAPI]:
    app = create_app(settings.model_copy(update={"db_statement_timeout_ms": 200}))
    yield app
    await app.state.engine.dispose()
    await app.state.side_engine.dispose()


async def _post(app: FastAPI, path: str, body: dict[str, Any]) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        return await http.post(path, json=body)


RAISE_DEADLOCK = text(
    "DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected'; END $$"
)


async def test_a_deadlock_is_retried_with_the_same_body(probe_app: FastAPI) -> None:
    seen: list[str] = []

    @probe_app.post("/probe/deadlock-twice")
    async def deadlock_twice(body: Probe, db: DbSession) -> dict[str, int]:
        seen.append(body.note)
        if len(seen) < 3:
            await db.execute(RAISE_DEADLOCK)
        return {"attempts": len(seen)}

    response = await _post(probe_app, "/probe/deadlock-twice", {"note": "same body"})
    assert response.status_code == 200, response.text
    assert response.json() == {"attempts": 3}
    assert seen == ["same body"] * 3


async def test_a_deadlock_that_persists_is_a_503_with_retry_after(probe_app: FastAPI) -> None:
    attempts = 0

    @probe_app.post("/probe/deadlock-always")
    async def deadlock_always(body: Probe, db: DbSession) -> None:
        nonlocal attempts
        attempts += 1
        await db.execute(RAISE_DEADLOCK)

    response = await _post(probe_app, "/probe/deadlock-always", {"note": "x"})
    assert response.status_code == 503
    assert response.json() == {
        "error": "The database is busy; try again shortly",
        "code": "database_busy",
    }
    assert int(response.headers["retry-after"]) >= 1
    assert attempts == ATTEMPTS


async def test_a_statement_past_the_timeout_is_cancelled_with_a_503(probe_app: FastAPI) -> None:
    attempts = 0

    @probe_app.post("/probe/slow")
    async def slow(body: Probe, db: DbSession) -> None:
        nonlocal attempts
        attempts += 1
        await db.execute(text("SELECT pg_sleep(5)"))

    started = asyncio.get_running_loop().time()
    response = await _post(probe_app, "/probe/slow", {"note": "x"})
    assert response.status_code == 503
    assert response.json()["code"] == "database_busy"
    assert "retry-after" in response.headers
    assert attempts == 1  # a timeout is not retried: it would only wait as long again
    assert asyncio.get_running_loop().time() - started < 4


async def test_a_server_out_of_connections_is_a_503(probe_app: FastAPI) -> None:
    attempts = 0

    @probe_app.post("/probe/full")
    async def full(body: Probe, db: DbSession) -> None:
        nonlocal attempts
        attempts += 1
        await db.execute(
            text(
                "DO $$ BEGIN RAISE EXCEPTION 'full' USING ERRCODE = 'too_many_connections'; END $$"
            )
        )

    response = await _post(probe_app, "/probe/full", {"note": "x"})
    assert response.status_code == 503
    assert response.json()["code"] == "database_busy"
    assert "retry-after" in response.headers
    assert attempts == 1
