"""The service behind PgBouncer in transaction mode, with the statement cache off by its setting.

In transaction mode consecutive transactions of one client connection may run on different server
connections, and one server connection serves many clients in turn: named prepared statements
that outlive a transaction clash or go missing unless the statement cache is off.
"""

import asyncio
import os
import pwd
import shutil
import socket
import stat
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from clinichub.models import Patient
from clinichub.vocabulary import Role
from tests.kit import Login, MakeUser, free_port, running_server

PGBOUNCER = shutil.which("pgbouncer") or next(
    (path for path in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if os.access(path, os.X_OK)),
    None,
)
pytestmark = pytest.mark.skipif(
    PGBOUNCER is None, reason="pgbouncer is not installed (Debian package `pgbouncer`)"
)
START_TIMEOUT = 15


@pytest.fixture
def config_dir() -> Iterator[Path]:
    """Readable by the unprivileged user PgBouncer switches to when started as root."""
    path = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    path.chmod(stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def write_config(database_url: str, config_dir: Path, port: int) -> tuple[Path, list[str]]:
    """PgBouncer's configuration in transaction mode in front of the test database, and the
    options that start it. Two server connections for many clients, so that clients share them
    all the time."""
    url = make_url(database_url)
    host = url.host or str(url.query.get("host", "127.0.0.1"))
    server = f"host={host} port={url.port or 5432} user={url.username}"
    if url.password:
        server += f" password={url.password}"
    config = config_dir / "pgbouncer.ini"
    config.write_text(
        f"""[databases]
* = {server}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = 2
max_client_conn = 200
; Session parameters cannot follow a client from one server connection to the next; the
; idle-transaction limit that ClinicHub asks for is PgBouncer's to enforce here (and the
; statement timeout the role's, in production).
ignore_startup_parameters = idle_in_transaction_session_timeout,statement_timeout
idle_transaction_timeout = 30
server_reset_query_always = 1
"""
    )
    config.chmod(0o644)
    # PgBouncer refuses to run as root; it can switch to another user itself: to the owner of
    # the server's socket directory (the embedded server's is private), else to nobody.
    owner = pwd.getpwuid(Path(host).stat().st_uid).pw_name if host.startswith("/") else "nobody"
    return config, ["-u", owner] if os.geteuid() == 0 else []


@asynccontextmanager
async def pgbouncer(database_url: str, config_dir: Path) -> AsyncIterator[str]:
    """PgBouncer in front of the test database; yields the URL through it."""
    port = free_port()
    config, user = write_config(database_url, config_dir, port)
    assert PGBOUNCER is not None
    log = config_dir / "pgbouncer.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            PGBOUNCER,
            *user,
            str(config),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=output,
            stderr=output,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.returncode is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "pgbouncer did not listen"
                await asyncio.sleep(0.1)
        through = make_url(database_url).set(host="127.0.0.1", port=port, query={})
        yield through.render_as_string(hide_password=False)
    finally:
        process.terminate()
        await process.wait()


async def test_the_service_works_behind_pgbouncer_in_transaction_mode(
    app: FastAPI,
    database_url: str,
    bearer: Login,
    make_user: MakeUser,
    tmp_path: Path,
    config_dir: Path,
) -> None:
    headers = await bearer(Role.receptionist)
    provider = await make_user(Role.doctor)
    patients = [
        Patient(first_name="Pool", last_name=f"Mode{n}", dob=date(1980, 1, 1)) for n in range(20)
    ]
    async with app.state.sessionmaker() as db, db.begin():
        db.add_all(patients)
    start = datetime.combine(date.today() + timedelta(days=30), datetime.min.time(), tzinfo=UTC)

    async with (
        pgbouncer(database_url, config_dir) as pooled_url,
        running_server(
            pooled_url,
            tmp_path,
            demo=False,
            workers=1,
            CLINICHUB_DB_STATEMENT_CACHE_SIZE="0",
            CLINICHUB_DB_POOL_SIZE="8",
        ) as server,
        httpx.AsyncClient(base_url=server.base_url, headers=headers, timeout=30) as http,
    ):
        # Many statements of many client connections, interleaved on two server connections:
        # reads, writes, a constraint violation answered 409, and rolled-back transactions.
        async def book(n: int, patient_id: int) -> httpx.Response:
            slot = start + timedelta(minutes=30 * (n // 2))
            return await http.post(
                "/api/appointments",
                json={
                    "patient_id": patient_id,
                    "provider_user_id": provider.user_id,
                    "scheduled_start": slot.isoformat(),
                    "scheduled_end": (slot + timedelta(minutes=30)).isoformat(),
                },
            )

        for _ in range(3):
            answers = await asyncio.gather(
                *(http.get(f"/api/patients/{p.patient_id}") for p in patients),
                *(http.get("/api/patients", params={"search": "mode"}) for _ in range(10)),
                *(http.get("/api/patients/999999") for _ in range(5)),
            )
            assert Counter(a.status_code for a in answers) == {200: 30, 404: 5}, [
                a.text for a in answers if a.status_code >= 500
            ]
        bookings = await asyncio.gather(
            *(book(n, patient.patient_id) for n, patient in enumerate(patients))
        )
        # Two bookings per slot: one of each pair wins.
        assert Counter(b.status_code for b in bookings) == {201: 10, 409: 10}, [
            b.text for b in bookings if b.status_code >= 500
        ]
        listed = await http.get(
            "/api/appointments", params={"provider_user_id": provider.user_id, "per_page": 100}
        )
        assert listed.status_code == 200, listed.text
        assert listed.json()["pagination"]["total"] == 10
