"""Brute force: failed logins limited per account and client address, per account over every
address and per client address; the password change counted like a login; refreshes per
session; the counters in PostgreSQL (shared by server processes); the policy for new
passwords."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update

from clinichub.app import create_app
from clinichub.auth.tokens import TokenType, decode_token
from clinichub.config import Settings
from clinichub.housekeeping import COUNTER_RETENTION, prune
from clinichub.models import AuditEvent, RateLimitCounter
from clinichub.users.passwords import common_passwords
from clinichub.vocabulary import AuditAction, Role
from tests.kit import (
    CLINICHUB,
    PASSWORD,
    TEST_AUDIT_KEY,
    TEST_SECRET,
    MakeUser,
    clean_environment,
    free_port,
    run_cli,
)

LOCKED = {"error": "Too many login attempts", "code": "rate_limited"}
WRONG = "not the password"
STARTUP_TIMEOUT = 90


async def attempt(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/api/login", json={"email": email, "password": password})


async def fail(client: httpx.AsyncClient, email: str, times: int) -> None:
    for _ in range(times):
        assert (await attempt(client, email, WRONG)).status_code == 401


def assert_locked(response: httpx.Response, window_seconds: int = 900) -> None:
    assert response.status_code == 429, response.text
    assert response.json() == LOCKED
    assert 1 <= int(response.headers["retry-after"]) <= window_seconds


async def lock_events(app: FastAPI) -> list[AuditEvent]:
    async with app.state.sessionmaker() as db:
        rows = await db.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.login_locked)
        )
        return list(rows)


@contextlib.asynccontextmanager
async def app_of(settings: Settings, **changes: Any) -> AsyncIterator[FastAPI]:
    """An app built with other limits (same database)."""
    app = create_app(settings.model_copy(update=changes))
    try:
        yield app
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()


def client_of(app: FastAPI, client_ip: str) -> httpx.AsyncClient:
    """A client of `app` connecting from `client_ip`."""
    transport = httpx.ASGITransport(app=app, client=(client_ip, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


@contextlib.asynccontextmanager
async def app_with(
    settings: Settings, client_ip: str = "198.51.100.1", **changes: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app built with other limits (same database)."""
    async with app_of(settings, **changes) as app, client_of(app, client_ip) as http:
        yield http


# --- per account ------------------------------------------------------------------------------


async def test_ten_failures_lock_the_account_from_that_address_even_for_the_right_password(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI, settings: Settings
) -> None:
    user = await make_user(Role.nurse)
    await fail(client, user.email, 10)
    assert_locked(await attempt(client, user.email, PASSWORD))
    assert_locked(await attempt(client, user.email.upper(), WRONG))
    # The token form shares the counters.
    form = {"grant_type": "password", "username": user.email, "password": PASSWORD}
    token = await client.post("/api/token", data=form)
    assert_locked(token)
    # The lock is audited once, with the account, never with the password or the email.
    (event,) = await lock_events(app)
    assert event.actor_user_id == user.user_id
    assert event.resource_id == "account_address"
    assert str(event.ip) == "203.0.113.7"
    # Another account is not affected, nor the same account from another address.
    other = await make_user(Role.nurse)
    assert (await attempt(client, other.email, PASSWORD)).status_code == 200
    async with app_with(settings, client_ip="198.51.100.9") as elsewhere:
        assert (await attempt(elsewhere, user.email, PASSWORD)).status_code == 200


async def test_a_success_resets_the_count(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.doctor)
    await fail(client, user.email, 9)
    assert (await attempt(client, user.email, PASSWORD)).status_code == 200
    await fail(client, user.email, 9)
    assert (await attempt(client, user.email, PASSWORD)).status_code == 200


async def test_the_lock_ends_with_the_window(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.receptionist)
    await fail(client, user.email, 10)
    assert_locked(await attempt(client, user.email, PASSWORD))
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(RateLimitCounter).values(
                window_started_at=RateLimitCounter.window_started_at
                - func.make_interval(0, 0, 0, 0, 0, 15)
            )
        )
    assert (await attempt(client, user.email, PASSWORD)).status_code == 200


async def test_unknown_emails_lock_alike_and_nothing_is_stored_in_clear(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    await fail(client, "nobody@clinic.test", 10)
    assert_locked(await attempt(client, "nobody@clinic.test", WRONG))
    async with app.state.sessionmaker() as db:
        keys = list(await db.scalars(select(RateLimitCounter.key)))
    assert keys and all("nobody" not in key and "203.0.113.7" not in key for key in keys)


async def test_concurrent_guesses_get_no_more_than_the_limit(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    responses = await asyncio.gather(*(attempt(client, user.email, WRONG) for _ in range(25)))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [401] * 10 + [429] * 15


# --- per account over every address ----------------------------------------------------------


async def test_failures_from_many_addresses_do_not_lock_the_owner_out(
    app: FastAPI, make_user: MakeUser
) -> None:
    """Eleven wrong passwords, each from another address, used to lock the owner out for the
    window: anyone could keep an admin out with eleven requests a quarter of an hour."""
    user = await make_user(Role.admin)
    for n in range(11):
        async with client_of(app, f"198.51.100.{n + 1}") as guesser:
            assert (await attempt(guesser, user.email, WRONG)).status_code == 401
    async with client_of(app, "198.51.100.12") as owner:
        assert (await attempt(owner, user.email, PASSWORD)).status_code == 200
    assert await lock_events(app) == []


async def test_the_account_ceiling_locks_it_from_every_address(
    settings: Settings, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    async with app_of(settings, login_max_failures=2, login_account_max_failures=6) as app:
        async with client_of(app, "198.51.100.1") as first:
            await fail(first, user.email, 2)
            # Refused at this address: not counted against the account's ceiling.
            for _ in range(3):
                assert_locked(await attempt(first, user.email, WRONG))
        for address in ("198.51.100.2", "198.51.100.3"):
            async with client_of(app, address) as guesser:
                await fail(guesser, user.email, 2)
        # Six failures over three addresses reach the ceiling: locked everywhere.
        async with client_of(app, "198.51.100.4") as owner:
            assert_locked(await attempt(owner, user.email, PASSWORD))
        events = await lock_events(app)
    assert sorted(event.resource_id or "" for event in events) == [
        "account",
        "account_address",
        "account_address",
        "account_address",
    ]
    assert {event.actor_user_id for event in events} == {user.user_id}


async def test_an_ipv6_client_is_counted_by_its_64_prefix(
    app: FastAPI, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    for n in range(10):
        async with client_of(app, f"2001:db8:0:7::{n + 1:x}") as guesser:
            assert (await attempt(guesser, user.email, WRONG)).status_code == 401
    async with client_of(app, "2001:db8:0:7:ffff::1") as same_network:
        assert_locked(await attempt(same_network, user.email, PASSWORD))
    async with client_of(app, "2001:db8:0:8::1") as other_network:
        assert (await attempt(other_network, user.email, PASSWORD)).status_code == 200


# --- per client IP ----------------------------------------------------------------------------


async def test_the_ip_limit_stops_a_spray_across_accounts(
    settings: Settings, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.doctor)
    async with app_with(settings, login_ip_max_failures=3) as sprayer:
        for n in range(3):
            assert (await attempt(sprayer, f"guess{n}@clinic.test", WRONG)).status_code == 401
        assert_locked(await attempt(sprayer, user.email, PASSWORD))
    # Another address still gets in.
    async with app_with(settings, client_ip="198.51.100.2", login_ip_max_failures=3) as other:
        assert (await attempt(other, user.email, PASSWORD)).status_code == 200
    events = await lock_events(app)
    assert [event.resource_id for event in events] == ["ip"]


async def test_successful_logins_do_not_use_up_the_ip_limit(
    settings: Settings, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    async with app_with(settings, login_ip_max_failures=2) as clinic:
        for _ in range(4):
            assert (await attempt(clinic, user.email, PASSWORD)).status_code == 200


# --- the password change ----------------------------------------------------------------------


async def change_password(
    client: httpx.AsyncClient, access_token: str, current: str, new: str = "a brand new passphrase"
) -> httpx.Response:
    return await client.put(
        "/api/profile/password",
        headers={"Authorization": f"Bearer {access_token}"},
        json={"current_password": current, "new_password": new},
    )


async def password_events(app: FastAPI, user_id: int) -> list[AuditEvent]:
    async with app.state.sessionmaker() as db:
        rows = await db.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.actor_user_id == user_id,
                AuditEvent.resource_type.in_(["password", "auth_session"]),
                AuditEvent.action != AuditAction.login,
            )
            .order_by(AuditEvent.event_id)
        )
        return list(rows)


async def test_wrong_current_passwords_are_failed_logins_and_end_the_session(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI, settings: Settings
) -> None:
    """A stolen access token must not be a way to guess the password past the login limits."""
    user = await make_user(Role.admin)
    tokens = (await attempt(client, user.email, PASSWORD)).json()
    session_id = decode_token(
        tokens["access_token"], secret=TEST_SECRET, expected=TokenType.access
    ).session_id
    # Failed logins and wrong current passwords fill the same counters.
    await fail(client, user.email, 3)
    for n in range(7):
        response = await change_password(client, tokens["access_token"], f"guess number {n}")
        assert response.status_code == 400, response.text
        assert response.json()["code"] == "invalid_current_password"
    # Past the limit: 429 whatever the password, and the session is over.
    refused = await change_password(client, tokens["access_token"], PASSWORD)
    assert refused.status_code == 429, refused.text
    assert refused.json() == {"error": "Too many password attempts", "code": "rate_limited"}
    assert 1 <= int(refused.headers["retry-after"]) <= 900
    profile = await client.get(
        "/api/profile", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert profile.status_code == 401
    renewed = await client.post("/api/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert renewed.status_code == 401
    # Logins from that address are locked too; the owner elsewhere is not, and the password
    # never changed.
    assert_locked(await attempt(client, user.email, PASSWORD))
    async with client_of(app, "198.51.100.20") as owner:
        assert (await attempt(owner, user.email, PASSWORD)).status_code == 200
    # Audited: each wrong password, the lock, and the session's end; who, never a password.
    events = await password_events(app, user.user_id)
    assert [(e.action, e.outcome, e.resource_type, e.resource_id) for e in events] == [
        *[("login_failed", "failure", "password", str(user.user_id))] * 7,
        ("login_locked", "denied", "password", "account_address"),
        ("login_locked", "denied", "auth_session", str(session_id)),
    ]
    assert all(str(event.ip) == "203.0.113.7" and event.actor_role == "admin" for event in events)
    for event in events:
        assert "guess" not in str(vars(event)) and PASSWORD not in str(vars(event))


async def test_a_password_change_is_audited_and_resets_the_count(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.nurse)
    access = (await attempt(client, user.email, PASSWORD)).json()["access_token"]
    await fail(client, user.email, 5)
    assert (await change_password(client, access, "wrong")).status_code == 400
    weak = await change_password(client, access, PASSWORD, new="password1")
    assert weak.status_code == 400
    changed = await change_password(client, access, PASSWORD, new="a brand new passphrase")
    assert changed.status_code == 200, changed.text
    # The right current password ended the run of failures: nine more are allowed.
    await fail(client, user.email, 9)
    assert (await attempt(client, user.email, "a brand new passphrase")).status_code == 200
    events = await password_events(app, user.user_id)
    assert [(e.action, e.outcome, e.resource_id) for e in events] == [
        ("login_failed", "failure", str(user.user_id)),
        ("update", "failure", str(user.user_id)),
        ("update", "success", str(user.user_id)),
    ]


# --- refresh ----------------------------------------------------------------------------------


async def test_refresh_is_limited_per_session(settings: Settings, make_user: MakeUser) -> None:
    user = await make_user(Role.nurse)
    async with app_with(settings, refresh_max_per_minute=2) as http:
        login = await attempt(http, user.email, PASSWORD)
        refresh_token = login.json()["refresh_token"]
        for _ in range(2):
            response = await http.post("/api/refresh", json={"refresh_token": refresh_token})
            assert response.status_code == 200, response.text
            refresh_token = response.json()["refresh_token"]
        refused = await http.post("/api/refresh", json={"refresh_token": refresh_token})
        assert refused.status_code == 429
        assert refused.json()["code"] == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        # Another session of the same user is not affected.
        other = (await attempt(http, user.email, PASSWORD)).json()["refresh_token"]
        response = await http.post("/api/refresh", json={"refresh_token": other})
        assert response.status_code == 200


# --- two server processes ---------------------------------------------------------------------


@contextlib.asynccontextmanager
async def server(database_url: str, cwd: Path) -> AsyncIterator[httpx.AsyncClient]:
    """`clinichub serve` in a child process on a free port."""
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *CLINICHUB,
        "serve",
        "--port",
        str(port),
        env=clean_environment(
            CLINICHUB_DATABASE_URL=database_url,
            CLINICHUB_SECRET_KEY=TEST_SECRET,
            CLINICHUB_AUDIT_KEY=TEST_AUDIT_KEY,
        ),
        cwd=cwd,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output: list[str] = []
    listening = asyncio.Event()

    async def follow() -> None:
        assert process.stdout is not None
        async for raw in process.stdout:
            output.append(raw.decode(errors="replace"))
            if "Uvicorn running on" in output[-1]:
                listening.set()
        listening.set()

    reader = asyncio.create_task(follow())
    try:
        await asyncio.wait_for(listening.wait(), STARTUP_TIMEOUT)
        assert process.returncode is None, "".join(output)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            yield http
    finally:
        if process.returncode is None:
            process.terminate()
            await asyncio.wait_for(process.wait(), 30)
        await asyncio.wait_for(reader, 30)


async def test_two_processes_share_the_login_counters(
    database_url: str, make_user: MakeUser, tmp_path: Path
) -> None:
    user = await make_user(Role.nurse)
    async with contextlib.AsyncExitStack() as stack:
        first, second = await asyncio.gather(
            stack.enter_async_context(server(database_url, tmp_path)),
            stack.enter_async_context(server(database_url, tmp_path)),
        )
        for n in range(10):
            response = await attempt(first if n % 2 else second, user.email, WRONG)
            assert response.status_code == 401, response.text
        assert_locked(await attempt(first, user.email, PASSWORD))
        assert_locked(await attempt(second, user.email, PASSWORD))


# --- new passwords ----------------------------------------------------------------------------


def new_user(**changes: str) -> dict[str, str]:
    return {
        "email": "dr.rivera@example.com",
        "password": "a long passphrase",
        "first_name": "Ana",
        "last_name": "Rivera",
        "role": "doctor",
    } | changes


def test_the_common_password_list_is_the_top_ten_thousand() -> None:
    passwords = common_passwords()
    assert len(passwords) == 10_000
    assert {"123456", "password", "qwerty", "iloveyou", "password123"} <= passwords
    assert "a long passphrase" not in passwords


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("password123", "too common"),
        ("Password123", "too common"),  # case does not make it less common
        ("qwertyuiop", "too common"),
        ("dr.rivera@example.com", "must not be the email"),
        ("DR.RIVERA@example.com", "must not be the email"),
        ("dr.rivera", "must not be the email"),
    ],
)
async def test_create_refuses_common_passwords_and_the_email(
    client: httpx.AsyncClient, login: Any, password: str, problem: str
) -> None:
    admin = await login(Role.admin)
    response = await client.post("/api/users", headers=admin, json=new_user(password=password))
    assert response.status_code == 400, response.text
    error = response.json()
    assert problem in error["error"]
    assert error["code"] == "invalid_request"
    assert error["details"] == [{"field": "password", "message": error["error"]}]


async def test_change_password_refuses_a_common_one(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    tokens = (await attempt(client, user.email, PASSWORD)).json()
    response = await client.put(
        "/api/profile/password",
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
        json={"current_password": PASSWORD, "new_password": "iloveyou1"},
    )
    assert response.status_code == 400
    assert "too common" in response.json()["error"]
    assert response.json()["details"][0]["field"] == "new_password"


async def test_the_minimum_length_is_a_setting(
    settings: Settings, make_user: MakeUser, app: FastAPI
) -> None:
    await make_user(Role.admin, email="boss@clinic.test")
    async with app_with(settings, password_min_length=15) as http:
        token = (await attempt(http, "boss@clinic.test", PASSWORD)).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        short = await http.post(
            "/api/users", headers=headers, json=new_user(password="fourteen chars")
        )
        assert short.status_code == 400
        assert "at least 15 characters" in short.json()["error"]
        ok = await http.post(
            "/api/users", headers=headers, json=new_user(password="fifteen chars!!")
        )
        assert ok.status_code == 201, ok.text


async def test_cli_refuses_a_common_password(
    app: FastAPI, clean_db: None, database_url: str, tmp_path: Path
) -> None:
    result = await run_cli(
        "create-user",
        "--email",
        "new@example.com",
        "--role",
        "nurse",
        "--first-name",
        "New",
        "--last-name",
        "Person",
        "--password",
        "sunshine1",
        env=clean_environment(
            CLINICHUB_DATABASE_URL=database_url,
            CLINICHUB_SECRET_KEY=TEST_SECRET,
            CLINICHUB_AUDIT_KEY=TEST_AUDIT_KEY,
        ),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "too common" in result.stderr


async def test_housekeeping_prunes_old_counters(client: httpx.AsyncClient, app: FastAPI) -> None:
    await fail(client, "someone@clinic.test", 1)
    assert await prune(app.state.side_sessionmaker) == (0, 0)
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(RateLimitCounter).values(
                window_started_at=func.now() - COUNTER_RETENTION - timedelta(seconds=1)
            )
        )
    # The account's from the address, the account's from every address, and the address's.
    assert await prune(app.state.side_sessionmaker) == (0, 3)
