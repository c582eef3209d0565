"""The client address (of the audit trail and the per-address login counters) comes from
X-Forwarded-For only on connections from CLINICHUB_TRUSTED_PROXIES; otherwise, and by default,
it is the connection's own."""

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.models import AuditEvent
from clinichub.vocabulary import AuditAction, Role
from tests.kit import PASSWORD, MakeUser, running_server

WRONG = "not the password"


def client_of(app: FastAPI, client_ip: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(client_ip, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


@contextlib.asynccontextmanager
async def app_trusting(settings: Settings, *proxies: str) -> AsyncIterator[FastAPI]:
    app = create_app(settings.model_copy(update={"trusted_proxies": list(proxies)}))
    try:
        yield app
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()


async def failed_login_ip(
    app: FastAPI, http: httpx.AsyncClient, forwarded_for: str | None
) -> str | None:
    """The address that the audit trail records for a failed login sent with `forwarded_for`."""
    request_id = uuid.uuid4().hex
    headers = {"X-Request-ID": request_id}
    if forwarded_for is not None:
        headers["X-Forwarded-For"] = forwarded_for
    response = await http.post(
        "/api/login", json={"email": "someone@clinic.test", "password": WRONG}, headers=headers
    )
    assert response.status_code == 401, response.text
    async with app.state.sessionmaker() as db:
        ip = await db.scalar(
            select(AuditEvent.ip).where(
                AuditEvent.request_id == request_id, AuditEvent.action == AuditAction.login_failed
            )
        )
    return None if ip is None else str(ip)


async def login_status(http: httpx.AsyncClient, email: str, password: str, forwarded: str) -> int:
    response = await http.post(
        "/api/login",
        json={"email": email, "password": password},
        headers={"X-Forwarded-For": forwarded},
    )
    return response.status_code


async def test_without_trusted_proxies_forwarded_addresses_are_ignored(
    app: FastAPI, clean_db: None, make_user: MakeUser
) -> None:
    assert app.state.settings.trusted_proxies == []
    async with client_of(app, "127.0.0.1") as http:
        assert await failed_login_ip(app, http, "198.51.100.77") == "127.0.0.1"
        assert await failed_login_ip(app, http, None) == "127.0.0.1"
        # A fresh forwarded address per guess buys no fresh counter.
        user = await make_user(Role.admin)
        for n in range(10):
            assert await login_status(http, user.email, WRONG, f"198.51.100.{n + 1}") == 401
        assert await login_status(http, user.email, PASSWORD, "198.51.100.200") == 429


async def test_a_trusted_proxy_gives_the_client_address(
    settings: Settings, clean_db: None, make_user: MakeUser
) -> None:
    # A range written with its host bits set, and a single address.
    async with app_trusting(settings, "10.0.0.1/8", "192.0.2.10") as app:
        async with client_of(app, "10.1.2.3") as proxy:
            assert await failed_login_ip(app, proxy, "198.51.100.77") == "198.51.100.77"
            # The proxy appends the address it saw to what the client sent: the client's own
            # entries are not believed, and other trusted proxies on the way are skipped.
            assert await failed_login_ip(app, proxy, "6.6.6.6, 198.51.100.78") == "198.51.100.78"
            assert await failed_login_ip(app, proxy, "198.51.100.79, 10.9.9.9") == "198.51.100.79"
            # Without the header: the proxy's own address.
            assert await failed_login_ip(app, proxy, None) == "10.1.2.3"
            # An address that is not an IP is recorded as none.
            assert await failed_login_ip(app, proxy, "unknown") is None
            # Counters per client, behind the same proxy.
            user = await make_user(Role.doctor)
            for _ in range(10):
                assert await login_status(proxy, user.email, WRONG, "198.51.100.50") == 401
            assert await login_status(proxy, user.email, PASSWORD, "198.51.100.50") == 429
            assert await login_status(proxy, user.email, PASSWORD, "198.51.100.51") == 200
        async with client_of(app, "192.0.2.10") as other_proxy:
            assert await failed_login_ip(app, other_proxy, "198.51.100.80") == "198.51.100.80"
        # A connection from anywhere else: its forwarded address is ignored.
        async with client_of(app, "192.0.2.11") as direct:
            assert await failed_login_ip(app, direct, "198.51.100.81") == "192.0.2.11"


async def test_serve_believes_forwarded_addresses_only_from_trusted_proxies(
    app: FastAPI, clean_db: None, database_url: str, tmp_path: Path
) -> None:
    """A real `clinichub serve`: uvicorn's own default would believe X-Forwarded-For from
    127.0.0.1, so that any proxy on the host that passed the header on let clients pick their
    address."""
    async with (
        running_server(database_url, tmp_path, demo=False) as default,
        running_server(
            database_url, tmp_path, demo=False, CLINICHUB_TRUSTED_PROXIES="127.0.0.1"
        ) as trusting,
        httpx.AsyncClient(base_url=default.base_url, timeout=10) as to_default,
        httpx.AsyncClient(base_url=trusting.base_url, timeout=10) as to_trusting,
    ):
        ignored, used = await asyncio.gather(
            failed_login_ip(app, to_default, "198.51.100.90"),
            failed_login_ip(app, to_trusting, "198.51.100.91"),
        )
    assert ignored == "127.0.0.1"
    assert used == "198.51.100.91"
