"""One transaction per request: a failed commit is never a 2xx, an error rolls everything back.

These tests build their own app (same settings, own engine) and add throwaway routes to it, so
the shared `app` fixture stays exactly as production builds it.
"""

import json
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.db.privileges import RUNTIME_ROLE
from clinichub.logs import JsonFormatter
from clinichub.web.dependencies import DbSession


class ProbeFailure(RuntimeError):
    pass


LEAKY_MESSAGE = "connection string postgresql://secret@db/leak"


@dataclass(frozen=True)
class Probe:
    app: FastAPI
    http: httpx.AsyncClient
    table: str

    async def rows(self) -> list[str]:
        async with self.app.state.engine.connect() as connection:
            result = await connection.execute(text(f"SELECT code FROM {self.table} ORDER BY code"))
            return [row.code for row in result]


@pytest.fixture
async def probe(settings: Settings, owner_engine: AsyncEngine) -> AsyncIterator[Probe]:
    app = create_app(settings)
    table = f"txn_probe_{uuid.uuid4().hex[:12]}"
    insert = text(f"INSERT INTO {table} (code) VALUES (:code)")

    # The unique check is deferred to COMMIT, so the handler itself runs without an error and
    # only the commit in the session dependency can fail.
    @app.post("/probe/duplicates")
    async def insert_duplicates(db: DbSession) -> dict[str, str]:
        await db.execute(insert, {"code": "same"})
        await db.execute(insert, {"code": "same"})
        return {"status": "inserted"}

    @app.post("/probe/distinct")
    async def insert_distinct(db: DbSession) -> dict[str, str]:
        await db.execute(insert, {"code": "first"})
        await db.execute(insert, {"code": "second"})
        return {"status": "inserted"}

    @app.post("/probe/crash")
    async def insert_then_crash(db: DbSession) -> dict[str, str]:
        await db.execute(insert, {"code": "written before the crash"})
        raise ProbeFailure(LEAKY_MESSAGE)

    async with owner_engine.begin() as connection:
        await connection.execute(
            text(
                f"CREATE TABLE {table} (id serial PRIMARY KEY, code text NOT NULL, "
                f"CONSTRAINT {table}_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED)"
            )
        )
        await connection.execute(text(f"GRANT SELECT, INSERT ON {table} TO {RUNTIME_ROLE}"))
        await connection.execute(text(f"GRANT USAGE ON {table}_id_seq TO {RUNTIME_ROLE}"))
    # The app re-raises unhandled errors after answering them; the client must see the answer.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield Probe(app=app, http=http, table=table)
    finally:
        async with owner_engine.begin() as connection:
            await connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
        await app.state.engine.dispose()


async def test_successful_request_commits(probe: Probe) -> None:
    response = await probe.http.post("/probe/distinct")
    assert response.status_code == 200
    assert await probe.rows() == ["first", "second"]


async def test_failed_commit_is_a_409_and_nothing_is_committed(probe: Probe) -> None:
    response = await probe.http.post("/probe/duplicates")
    assert not response.is_success
    assert response.status_code == 409
    assert response.json() == {
        "error": "The request conflicts with existing data",
        "code": "conflict",
    }
    assert "inserted" not in response.text
    assert await probe.rows() == []


async def test_unexpected_error_is_a_bare_500_and_rolls_back(
    probe: Probe, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="clinichub.errors"):
        response = await probe.http.post("/probe/crash", headers={"X-Request-ID": "support-42"})
    assert response.status_code == 500
    assert response.json() == {"error": "Internal server error", "code": "internal_error"}
    for leak in ("Traceback", "ProbeFailure", "postgresql://", "secret", "probe/crash"):
        assert leak not in response.text
    # The id under which the stack trace was logged reaches the client. The handler answers
    # outside the middleware that sets the id for log lines, so it passes the id itself.
    assert response.headers["x-request-id"] == "support-42"
    [logged] = [record for record in caplog.records if record.name == "clinichub.errors"]
    assert json.loads(JsonFormatter().format(logged))["request_id"] == "support-42"
    assert await probe.rows() == []


async def test_app_still_serves_after_a_failed_commit(probe: Probe) -> None:
    assert (await probe.http.post("/probe/duplicates")).status_code == 409
    # The connection that saw the failed commit went back to the pool in a usable state.
    for _ in range(3):
        health = await probe.http.get("/api/health")
        assert health.status_code == 200
    assert (await probe.http.post("/probe/distinct")).status_code == 200
    assert await probe.rows() == ["first", "second"]
