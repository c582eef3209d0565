"""Several server processes on one database: PostgreSQL is the only shared state, so sessions,
booking conflicts and audit sealing behave as they do in one process."""

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import psutil
from fastapi import FastAPI
from sqlalchemy import func, select

from clinichub.models import AuditEvent, AuditSeal, Patient
from clinichub.vocabulary import Role
from tests.kit import PASSWORD, LiveServer, Login, MakeUser, running_server

READY_TIMEOUT = 60


async def wait_healthy(server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=5) as http:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if (await http.get("/api/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"server on port {server.port} never became healthy:\n{server.log}")


@asynccontextmanager
async def two_servers(
    database_url: str, cwd: Path, **settings: str
) -> AsyncIterator[tuple[LiveServer, LiveServer]]:
    """Two `clinichub serve` processes on different ports, against the same database."""
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(
            running_server(database_url, cwd, demo=False, workers=1, **settings)
        )
        b = await stack.enter_async_context(
            running_server(database_url, cwd, demo=False, workers=1, **settings)
        )
        assert a.port != b.port
        yield a, b


async def make_patients(app: FastAPI, count: int) -> list[int]:
    patients = [
        Patient(first_name="Scale", last_name=f"Out{n}", dob=date(1980, 1, 1)) for n in range(count)
    ]
    async with app.state.sessionmaker() as db, db.begin():
        db.add_all(patients)
    return [patient.patient_id for patient in patients]


async def test_a_session_started_on_one_process_ends_on_every_process(
    database_url: str, make_user: MakeUser, tmp_path: Path
) -> None:
    user = await make_user(Role.receptionist)
    async with (
        two_servers(database_url, tmp_path) as (a, b),
        httpx.AsyncClient(base_url=a.base_url, timeout=10) as on_a,
        httpx.AsyncClient(base_url=b.base_url, timeout=10) as on_b,
    ):
        login = await on_a.post("/api/login", json={"email": user.email, "password": PASSWORD})
        assert login.status_code == 200, login.text
        first = login.json()

        refreshed = await on_b.post("/api/refresh", json={"refresh_token": first["refresh_token"]})
        assert refreshed.status_code == 200, refreshed.text
        second = refreshed.json()
        bearer = {"Authorization": f"Bearer {second['access_token']}"}
        assert (await on_b.get("/api/profile", headers=bearer)).status_code == 200

        logout = await on_a.post("/api/logout", headers=bearer)
        assert logout.status_code == 200, logout.text

        for access_token in (first["access_token"], second["access_token"]):
            profile = await on_b.get(
                "/api/profile", headers={"Authorization": f"Bearer {access_token}"}
            )
            assert profile.status_code == 401, profile.text
        for refresh_token in (first["refresh_token"], second["refresh_token"]):
            refused = await on_b.post("/api/refresh", json={"refresh_token": refresh_token})
            assert refused.status_code == 401, refused.text


async def test_concurrent_bookings_of_one_slot_across_processes_give_one_201(
    app: FastAPI, database_url: str, bearer: Login, make_user: MakeUser, tmp_path: Path
) -> None:
    headers = await bearer(Role.receptionist)
    provider = await make_user(Role.doctor)
    patients = await make_patients(app, 40)
    start = datetime.combine(date.today() + timedelta(days=30), datetime.min.time(), tzinfo=UTC)
    start += timedelta(hours=10)

    def booking(patient_id: int) -> dict[str, object]:
        return {
            "patient_id": patient_id,
            "provider_user_id": provider.user_id,
            "scheduled_start": start.isoformat(),
            "scheduled_end": (start + timedelta(minutes=30)).isoformat(),
        }

    async with (
        two_servers(database_url, tmp_path) as (a, b),
        httpx.AsyncClient(headers=headers, timeout=30) as http,
    ):
        responses = await asyncio.gather(
            *(
                http.post(f"{(a, b)[n % 2].base_url}/api/appointments", json=booking(patient_id))
                for n, patient_id in enumerate(patients)
            )
        )
    statuses = Counter(response.status_code for response in responses)
    assert statuses == {201: 1, 409: 39}, [r.text for r in responses if r.status_code >= 500]
    winner = next(r.json()["appointment"] for r in responses if r.status_code == 201)
    for response in responses:
        if response.status_code == 409:
            assert response.json()["code"] == "appointment_conflict"
            # The loser is told who holds the slot, whichever process booked it.
            assert response.json()["conflict_appointment_id"] in (winner["appointment_id"], None)


async def test_audit_sealing_runs_in_one_process_at_a_time(
    app: FastAPI, database_url: str, bearer: Login, tmp_path: Path
) -> None:
    headers = await bearer(Role.admin)
    [patient_id] = await make_patients(app, 1)
    # Both processes try to seal every 50 ms, everything already written: their rounds collide.
    fast_sealing = {
        "CLINICHUB_AUDIT_SEAL_INTERVAL_SECONDS": "0.05",
        "CLINICHUB_AUDIT_SEAL_GRACE_SECONDS": "0",
    }
    async with (
        two_servers(database_url, tmp_path, **fast_sealing) as (a, b),
        httpx.AsyncClient(headers=headers, timeout=10) as http,
    ):
        # One request at a time (no event can commit behind a newer one), alternating processes,
        # for long enough that many sealing rounds of both run in between.
        for n in range(80):
            server = (a, b)[n % 2]
            read = await http.get(f"{server.base_url}/api/patients/{patient_id}")
            assert read.status_code == 200, read.text
            await asyncio.sleep(0.02)

        async with app.state.sessionmaker() as db:
            newest = await db.scalar(select(func.max(AuditEvent.event_id)))
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                sealed = await db.scalar(select(func.max(AuditSeal.last_event_id)))
                await db.rollback()  # a fresh snapshot for the next look
                if sealed == newest:
                    break
                await asyncio.sleep(0.1)
            assert sealed == newest

        verification = await http.get(f"{b.base_url}/api/audit/verify")
        assert verification.status_code == 200, verification.text
        result = verification.json()
        assert result["valid"] is True, result
        assert result["events_checked"] >= 80

    async with app.state.sessionmaker() as db:
        seals = (await db.scalars(select(AuditSeal).order_by(AuditSeal.seal_id))).all()
    assert len(seals) >= 2
    # No two seals overlap and none is skipped: each starts right after the one before it and
    # links to its hash; a second sealer working at the same time would fork the chain.
    for before, after in itertools.pairwise(seals):
        assert after.first_event_id == before.last_event_id + 1
        assert after.previous_hash == before.hash


async def test_serve_with_workers_runs_that_many_worker_processes(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    async with running_server(database_url, tmp_path, demo=False, workers=2) as server:
        await wait_healthy(server)
        deadline = time.monotonic() + READY_TIMEOUT
        while server.log.count("Application startup complete") < 2:
            assert time.monotonic() < deadline, server.log
            await asyncio.sleep(0.1)
        workers = [
            child
            for child in psutil.Process(server.process.pid).children()
            if "spawn_main" in " ".join(child.cmdline())
        ]
        assert len(workers) == 2, server.log
        # Each worker announces itself, and each ran the application's startup.
        for worker in workers:
            assert f"Started server process [{worker.pid}]" in server.log

        async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
            answers = await asyncio.gather(*(http.get("/api/health") for _ in range(20)))
        assert all(answer.status_code == 200 for answer in answers)
