"""The service's login cannot rewrite history: it holds `clinichub_runtime`, which owns nothing and
may only read and append to the audit trail and the record history. The migration creates that
role safely on a shared server, and the service says when it runs with more than it needs."""

import asyncio
import importlib.util
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.kit import (
    CLINICHUB,
    ROOT,
    TEST_AUDIT_KEY,
    TEST_SECRET,
    clean_environment,
    running_server,
)

APPEND_ONLY = ("audit_events", "audit_seals", "medical_record_versions", "document_contents")
REWRITES = (
    "UPDATE {table} SET {column} = {column}",
    "DELETE FROM {table}",
    "TRUNCATE {table}",
    "ALTER TABLE {table} DISABLE TRIGGER {table}_no_update_or_delete",
    "DROP TRIGGER {table}_no_update_or_delete ON {table}",
    "ALTER TABLE {table} OWNER TO CURRENT_USER",
    "SET session_replication_role = replica",
)
FIRST_COLUMN = {
    "audit_events": "resource_type",
    "audit_seals": "hash",
    "medical_record_versions": "diagnosis",
    "document_contents": "content",
}


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _migration() -> ModuleType:
    path = next((ROOT / "alembic" / "versions").glob("*_0008_runtime_role.py"))
    spec = importlib.util.spec_from_file_location("runtime_role_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
async def as_runtime(runtime_database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(_plain(runtime_database_url))
    yield connection
    await connection.close()


@pytest.mark.parametrize("table", APPEND_ONLY)
@pytest.mark.parametrize("statement", REWRITES)
async def test_the_runtime_role_cannot_rewrite_history(
    as_runtime: asyncpg.Connection, table: str, statement: str
) -> None:
    sql = statement.format(table=table, column=FIRST_COLUMN[table])
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await as_runtime.execute(sql)


async def test_the_runtime_role_reads_and_appends(as_runtime: asyncpg.Connection) -> None:
    """The refusals above are privileges, not a login that can do nothing."""
    transaction = as_runtime.transaction()
    await transaction.start()
    try:
        event_id = await as_runtime.fetchval(
            "INSERT INTO audit_events (action, resource_type, outcome) "
            "VALUES ('read', 'patient', 'success') RETURNING event_id"
        )
        assert await as_runtime.fetchval(
            "SELECT count(*) FROM audit_events WHERE event_id = $1", event_id
        )
    finally:
        await transaction.rollback()


async def test_creating_the_role_is_safe_when_databases_migrate_at_once(server_url: str) -> None:
    """Two connections run the migration's role creation at the same moment, again and again:
    neither fails, whichever creates the role (a unique name stands in for the shared role, which
    other test runs on this server use)."""
    role = f"clinichub_race_{uuid.uuid4().hex[:8]}"
    sql = _migration().CREATE_ROLE.replace("clinichub_runtime", role)
    connections = [await asyncpg.connect(_plain(server_url)) for _ in range(2)]
    try:
        for _ in range(10):
            await asyncio.gather(*(connection.execute(sql) for connection in connections))
            assert await connections[0].fetchval(
                "SELECT count(*) FROM pg_roles WHERE rolname = $1", role
            )
            await connections[0].execute(f"DROP ROLE {role}")
    finally:
        await connections[0].execute(f"DROP ROLE IF EXISTS {role}")
        for connection in connections:
            await connection.close()


async def test_a_login_that_may_not_create_roles_is_told_what_to_run(server_url: str) -> None:
    role = f"clinichub_missing_{uuid.uuid4().hex[:8]}"
    login = f"clinichub_nocreate_{uuid.uuid4().hex[:8]}"
    sql = _migration().CREATE_ROLE.replace("clinichub_runtime", role)
    admin = await asyncpg.connect(_plain(server_url))
    try:
        await admin.execute(f"CREATE ROLE {login} LOGIN NOCREATEROLE PASSWORD 'x-{login}'")
        url = make_url(server_url).set(username=login, password=f"x-{login}")
        limited = await asyncpg.connect(_plain(url.render_as_string(hide_password=False)))
        try:
            with pytest.raises(asyncpg.RaiseError) as raised:
                await limited.execute(sql)
        finally:
            await limited.close()
        assert f"CREATE ROLE {role} NOLOGIN" in str(raised.value)
    finally:
        await admin.execute(f"DROP ROLE IF EXISTS {login}")
        await admin.close()


def test_migrate_uses_the_migration_url(
    server_url: str, runtime_database_url: str, tmp_path: Path
) -> None:
    """`clinichub migrate` runs as CLINICHUB_MIGRATION_DATABASE_URL when set: the service's own
    URL here is the runtime login, which could not create a table."""
    name = f"clinichub_migrate_{uuid.uuid4().hex[:12]}"
    asyncio.run(_execute(server_url, f'CREATE DATABASE "{name}"'))
    owner_url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        result = subprocess.run(
            [*CLINICHUB, "migrate"],
            env=clean_environment(
                CLINICHUB_DATABASE_URL=runtime_database_url,
                CLINICHUB_MIGRATION_DATABASE_URL=owner_url,
                CLINICHUB_SECRET_KEY=TEST_SECRET,
                CLINICHUB_AUDIT_KEY=TEST_AUDIT_KEY,
            ),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        tables = asyncio.run(_fetchval(owner_url, "SELECT count(*) FROM audit_events"))
        assert tables == 0
    finally:
        asyncio.run(_execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _execute(url: str, sql: str) -> None:
    connection = await asyncpg.connect(_plain(url))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _fetchval(url: str, sql: str) -> object:
    connection = await asyncpg.connect(_plain(url))
    try:
        return await connection.fetchval(sql)
    finally:
        await connection.close()


async def test_serve_warns_when_its_login_owns_the_tables(
    database_url: str, runtime_database_url: str, tmp_path: Path
) -> None:
    """As the owner: a warning at startup, and the health check says `owner`. As a login that
    holds only the runtime role: no warning, `runtime`."""
    for url, privileges in ((database_url, "owner"), (runtime_database_url, "runtime")):
        async with running_server(url, tmp_path, demo=False) as server:
            async with httpx.AsyncClient(base_url=server.base_url) as http:
                health = (await http.get("/api/health")).json()
            log = server.log
        assert health["database_privileges"] == privileges
        assert ("owns ClinicHub's tables" in log) is (privileges == "owner"), log


async def test_zero_setup_runs_the_service_as_a_runtime_login(tmp_path: Path) -> None:
    """`serve` with no database configured: the embedded server is migrated by its superuser and
    the service connects as a login that holds only the runtime role; the keys are generated
    into the data directory, readable by their owner only."""
    # Inside the repository's data folder: the embedded server runs as another user, who must
    # be able to reach its data directory.
    data_dir = ROOT / ".clinichub" / f"zero-setup-{uuid.uuid4().hex[:8]}"
    try:
        async with running_server(
            None, tmp_path, demo=False, CLINICHUB_DATA_DIR=str(data_dir)
        ) as server:
            async with httpx.AsyncClient(base_url=server.base_url) as http:
                health = (await http.get("/api/health")).json()
            log = server.log
        assert health["database_privileges"] == "runtime", log
        assert "owns ClinicHub's tables" not in log
        for name in ("secret_key", "audit_key", "database_password"):
            key = data_dir / name
            assert key.stat().st_mode & 0o777 == 0o600
            assert len(key.read_text().strip()) >= 32
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
