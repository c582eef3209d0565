"""Authentication over HTTP: login, every token error, refresh rotation and theft detection,
logout, password change, and roles read from the database on every request."""

import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from clinichub.auth.tokens import TokenType, encode_token, token_digest
from clinichub.models import AuthSession, User
from clinichub.vocabulary import Role
from tests.kit import PASSWORD, TEST_SECRET, Login, MakeUser

INVALID_TOKEN = "Invalid or expired token"
INVALID_CREDENTIALS = "Invalid email or password"
OTHER_SECRET = "another-secret-key-that-is-long-enough-for-hs256"


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str
    user_id: int
    session_id: uuid.UUID

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.access)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def log_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> Tokens:
    response = await client.post("/api/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body = response.json()
    claims = jwt.decode(body["access_token"], TEST_SECRET, algorithms=["HS256"])
    return Tokens(
        access=body["access_token"],
        refresh=body["refresh_token"],
        user_id=body["user"]["user_id"],
        session_id=uuid.UUID(claims["sid"]),
    )


async def refresh(client: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await client.post("/api/refresh", json={"refresh_token": refresh_token})


def assert_invalid_token(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.json()["error"] == INVALID_TOKEN
    assert response.headers["www-authenticate"] == "Bearer"


def assert_bad_login(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.json() == {"error": INVALID_CREDENTIALS, "code": "invalid_credentials"}
    assert response.headers["www-authenticate"] == "Bearer"


async def token_works(client: httpx.AsyncClient, access: str) -> bool:
    response = await client.get("/api/protected", headers=bearer(access))
    assert response.status_code in (200, 401), response.text
    return response.status_code == 200


# --- Hand-made JWTs, for the forgeries PyJWT will not produce ---------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def payload_of(token: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(_unb64(token.split(".")[1]))
    return payload


def sign(payload: dict[str, Any], *, alg: str = "HS256", secret: str = TEST_SECRET) -> str:
    header = _b64(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    body = _b64(json.dumps(payload).encode())
    signing_input = f"{header}.{body}".encode()
    if alg == "none":
        return f"{header}.{body}."
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    return f"{header}.{body}.{_b64(hmac.new(secret.encode(), signing_input, digest).digest())}"


def _tampered_payload(tokens: Tokens) -> str:
    # Same user and session, so only the signature check can catch it.
    header, _, signature = tokens.access.split(".")
    payload = payload_of(tokens.access)
    payload |= {"role": "admin", "exp": payload["exp"] + 3600}
    return f"{header}.{_b64(json.dumps(payload).encode())}.{signature}"


def _tampered_signature(tokens: Tokens) -> str:
    header, payload, signature = tokens.access.split(".")
    raw = bytearray(_unb64(signature))
    raw[0] ^= 0xFF
    return f"{header}.{payload}.{_b64(bytes(raw))}"


def _expired(tokens: Tokens) -> str:
    return encode_token(
        token_type=TokenType.access,
        user_id=tokens.user_id,
        session_id=tokens.session_id,
        role="nurse",
        secret=TEST_SECRET,
        now=datetime.now(UTC) - timedelta(hours=1),
        lifetime=timedelta(minutes=15),
    )


def _other_key(tokens: Tokens) -> str:
    return encode_token(
        token_type=TokenType.access,
        user_id=tokens.user_id,
        session_id=tokens.session_id,
        role="nurse",
        secret=OTHER_SECRET,
        now=datetime.now(UTC),
        lifetime=timedelta(minutes=15),
    )


def _unknown_session(tokens: Tokens) -> str:
    return encode_token(
        token_type=TokenType.access,
        user_id=tokens.user_id,
        session_id=uuid.uuid4(),
        role="nurse",
        secret=TEST_SECRET,
        now=datetime.now(UTC),
        lifetime=timedelta(minutes=15),
    )


def _without(claim: str) -> Callable[[Tokens], str]:
    def forge(tokens: Tokens) -> str:
        payload = payload_of(tokens.access)
        del payload[claim]
        return sign(payload)

    return forge


def _with(**claims: Any) -> Callable[[Tokens], str]:
    def forge(tokens: Tokens) -> str:
        return sign(payload_of(tokens.access) | claims)

    return forge


ACCESS_FORGERIES: dict[str, Callable[[Tokens], str]] = {
    "not-a-jwt": lambda tokens: "not-a-jwt",
    "garbage-segments": lambda tokens: "abc.def.ghi",
    "empty-signature": lambda tokens: tokens.access.rsplit(".", 1)[0] + ".",
    "tampered-payload": _tampered_payload,
    "tampered-signature": _tampered_signature,
    "expired": _expired,
    "alg-none": lambda tokens: sign(payload_of(tokens.access), alg="none"),
    "alg-none-with-signature": lambda tokens: (
        sign(payload_of(tokens.access), alg="none") + tokens.access.rsplit(".", 1)[1]
    ),
    "hs512-same-key": lambda tokens: sign(payload_of(tokens.access), alg="HS512"),
    "other-key": _other_key,
    "refresh-as-access": lambda tokens: tokens.refresh,
    "unknown-session": _unknown_session,
    "no-exp": _without("exp"),
    "no-iat": _without("iat"),
    "no-sub": _without("sub"),
    "no-jti": _without("jti"),
    "no-type": _without("type"),
    "no-sid": _without("sid"),
    "sub-not-a-number": _with(sub="admin"),
    "sid-not-a-uuid": _with(sid="not-a-uuid"),
    "type-unknown": _with(type="id"),
}


# --- Login ------------------------------------------------------------------------------------


async def test_login_success_returns_tokens_and_user(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(
        Role.doctor, email="ana.rivera@clinic.test", first_name="Ana", last_name="Rivera"
    )
    response = await client.post(
        "/api/login",
        json={"email": "ana.rivera@clinic.test", "password": PASSWORD},
        headers={"User-Agent": "front-desk/1.0"},
    )

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "message",
        "access_token",
        "refresh_token",
        "token_type",
        "expires_in",
        "user",
    }
    assert body["message"] == "Login successful"
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    assert body["user"] == {
        "user_id": user.user_id,
        "email": "ana.rivera@clinic.test",
        "first_name": "Ana",
        "last_name": "Rivera",
        "role": "doctor",
    }
    assert "password" not in response.text
    assert "$2b$" not in response.text

    access = jwt.decode(body["access_token"], TEST_SECRET, algorithms=["HS256"])
    assert access["sub"] == str(user.user_id)
    assert access["role"] == "doctor"
    assert access["type"] == "access"
    assert access["exp"] - access["iat"] == 15 * 60
    assert {"sid", "jti"} <= set(access)
    refresh_claims = jwt.decode(body["refresh_token"], TEST_SECRET, algorithms=["HS256"])
    assert refresh_claims["type"] == "refresh"
    assert refresh_claims["sid"] == access["sid"]
    assert refresh_claims["exp"] - refresh_claims["iat"] == 7 * 24 * 3600
    assert refresh_claims["jti"] != access["jti"]

    # One session row per login; it stores a digest of the refresh token, never the token.
    async with app.state.sessionmaker() as db:
        sessions = (
            await db.scalars(select(AuthSession).where(AuthSession.user_id == user.user_id))
        ).all()
    assert len(sessions) == 1
    (session,) = sessions
    assert str(session.session_id) == access["sid"]
    assert session.refresh_token_hash == token_digest(body["refresh_token"])
    assert session.refresh_token_hash != body["refresh_token"]
    assert session.revoked_at is None
    assert session.user_agent == "front-desk/1.0"
    assert str(session.ip) == "203.0.113.7"

    assert (await client.get("/api/protected", headers=bearer(body["access_token"]))).is_success


async def test_each_login_is_a_new_session(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.nurse)
    first = await log_in(client, user.email)
    second = await log_in(client, user.email)
    assert first.session_id != second.session_id
    assert await token_works(client, first.access)
    assert await token_works(client, second.access)


@pytest.mark.parametrize(
    ("client_host", "stored"),
    [("testclient", None), ("unknown", None), ("", None), ("2001:db8::7", "2001:db8::7")],
)
async def test_login_from_a_client_address_that_is_not_an_ip(
    app: FastAPI, make_user: MakeUser, client_host: str, stored: str | None
) -> None:
    # Proxies may forward `unknown` (RFC 7239), test clients say `testclient`: a login, not a 500.
    user = await make_user(Role.nurse)
    transport = httpx.ASGITransport(app=app, client=(client_host, 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.post("/api/login", json={"email": user.email, "password": PASSWORD})
        assert response.status_code == 200, response.text
        access = response.json()["access_token"]
        assert (await http.get("/api/protected", headers=bearer(access))).status_code == 200
    async with app.state.sessionmaker() as db:
        ip = await db.scalar(select(AuthSession.ip).where(AuthSession.user_id == user.user_id))
    assert (None if ip is None else str(ip)) == stored


@pytest.mark.parametrize(
    "typed", ["Ana.Rivera@Clinic.Test", "ANA.RIVERA@CLINIC.TEST", "  ana.rivera@clinic.test "]
)
async def test_login_email_is_case_insensitive(
    client: httpx.AsyncClient, make_user: MakeUser, typed: str
) -> None:
    user = await make_user(Role.nurse, email="ana.rivera@clinic.test")
    response = await client.post("/api/login", json={"email": typed, "password": PASSWORD})
    assert response.status_code == 200, response.text
    assert response.json()["user"]["user_id"] == user.user_id
    assert response.json()["user"]["email"] == "ana.rivera@clinic.test"


async def test_login_wrong_password(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.doctor)
    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": PASSWORD + "x"})
    )
    # The password is compared exactly: no trimming, no case folding.
    for near_miss in (PASSWORD.upper(), f" {PASSWORD}", f"{PASSWORD} "):
        assert_bad_login(
            await client.post("/api/login", json={"email": user.email, "password": near_miss})
        )


async def test_login_unknown_email(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    await make_user(Role.doctor, email="known@clinic.test")
    assert_bad_login(
        await client.post("/api/login", json={"email": "unknown@clinic.test", "password": PASSWORD})
    )


async def test_login_inactive_account(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.doctor, is_active=False)
    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": PASSWORD})
    )


@pytest.mark.parametrize(
    ("body", "message", "field"),
    [
        ({"email": "someone@clinic.test"}, "Missing required field: password", "password"),
        ({"password": PASSWORD}, "Missing required field: email", "email"),
        ({}, "Missing required field: email", "email"),
    ],
)
async def test_login_missing_fields(
    client: httpx.AsyncClient, body: dict[str, str], message: str, field: str
) -> None:
    response = await client.post("/api/login", json=body)
    assert response.status_code == 400
    error = response.json()
    assert error["error"] == message
    assert error["code"] == "invalid_request"
    assert {"field": field, "message": "Field required"} in error["details"]
    assert "www-authenticate" not in response.headers


async def test_login_without_a_json_body(client: httpx.AsyncClient) -> None:
    no_body = await client.post("/api/login")
    assert no_body.status_code == 400
    assert no_body.json()["error"] == "Request body is required"
    not_json = await client.post(
        "/api/login", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 400
    assert not_json.json()["error"] == "Request body is not valid JSON"
    wrong_type = await client.post("/api/login", json={"email": ["a"], "password": 12345678})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["code"] == "invalid_request"


async def test_login_with_a_nul_character_is_not_a_500(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    in_email = await client.post(
        "/api/login", json={"email": user.email + "\x00", "password": PASSWORD}
    )
    assert in_email.status_code == 400
    assert in_email.json()["code"] == "invalid_request"
    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": PASSWORD + "\x00"})
    )


async def test_login_with_overlong_password_is_a_failed_login(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    longest = "a" * 72
    user = await make_user(Role.nurse, password=longest)
    assert (
        await client.post("/api/login", json={"email": user.email, "password": longest})
    ).is_success
    # bcrypt only reads 72 bytes: a longer password with the right prefix must not get in.
    for overlong in (longest + "b", "a" * 200, "é" * 500):
        assert len(overlong.encode()) > 72
        assert_bad_login(
            await client.post("/api/login", json={"email": user.email, "password": overlong})
        )
    assert_bad_login(
        await client.post("/api/login", json={"email": "nobody@clinic.test", "password": "x" * 300})
    )


# --- Token errors -----------------------------------------------------------------------------


async def test_missing_token(client: httpx.AsyncClient) -> None:
    for method, path in (
        ("GET", "/api/profile"),
        ("GET", "/api/protected"),
        ("POST", "/api/logout"),
        ("GET", "/api/users"),
    ):
        response = await client.request(method, path)
        assert response.status_code == 401, path
        assert response.json() == {
            "error": "Authorization token is missing",
            "code": "token_missing",
        }
        assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("forge", ACCESS_FORGERIES.values(), ids=ACCESS_FORGERIES.keys())
async def test_invalid_access_tokens_are_rejected(
    client: httpx.AsyncClient, make_user: MakeUser, forge: Callable[[Tokens], str]
) -> None:
    user = await make_user(Role.nurse)
    tokens = await log_in(client, user.email)
    assert await token_works(client, tokens.access)

    forged = forge(tokens)
    for path in ("/api/protected", "/api/profile", "/api/users"):
        assert_invalid_token(await client.get(path, headers=bearer(forged)))
    # The forgery did not disturb the real session.
    assert await token_works(client, tokens.access)


REFRESH_FORGERIES: dict[str, Callable[[Tokens], str]] = {
    "not-a-jwt": lambda tokens: "not-a-jwt",
    "access-as-refresh": lambda tokens: tokens.access,
    "expired": lambda tokens: encode_token(
        token_type=TokenType.refresh,
        user_id=tokens.user_id,
        session_id=tokens.session_id,
        secret=TEST_SECRET,
        now=datetime.now(UTC) - timedelta(days=8),
        lifetime=timedelta(days=7),
    ),
    "other-key": lambda tokens: encode_token(
        token_type=TokenType.refresh,
        user_id=tokens.user_id,
        session_id=tokens.session_id,
        secret=OTHER_SECRET,
        now=datetime.now(UTC),
        lifetime=timedelta(days=7),
    ),
    "alg-none": lambda tokens: sign(payload_of(tokens.refresh), alg="none"),
    "other-user": lambda tokens: sign(payload_of(tokens.refresh) | {"sub": "999999"}),
}


@pytest.mark.parametrize("forge", REFRESH_FORGERIES.values(), ids=REFRESH_FORGERIES.keys())
async def test_invalid_refresh_tokens_are_rejected(
    client: httpx.AsyncClient, make_user: MakeUser, forge: Callable[[Tokens], str]
) -> None:
    user = await make_user(Role.receptionist)
    tokens = await log_in(client, user.email)
    assert_invalid_token(await refresh(client, forge(tokens)))


async def test_refresh_requires_a_token(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/refresh", json={})
    assert response.status_code == 400
    assert response.json()["error"] == "Missing required field: refresh_token"


async def test_deleted_user_token_is_rejected(
    client: httpx.AsyncClient, make_user: MakeUser, owner_engine: AsyncEngine
) -> None:
    """The service never deletes a user; a database administrator might."""
    user = await make_user(Role.doctor)
    tokens = await log_in(client, user.email)
    assert await token_works(client, tokens.access)
    async with owner_engine.begin() as connection:
        await connection.execute(delete(User).where(User.user_id == user.user_id))
    assert_invalid_token(await client.get("/api/profile", headers=tokens.headers))
    assert_invalid_token(await refresh(client, tokens.refresh))


# --- Refresh rotation and reuse ---------------------------------------------------------------


async def test_refresh_rotates_the_pair(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.doctor)
    first = await log_in(client, user.email)

    response = await refresh(client, first.refresh)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"message", "access_token", "refresh_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    assert body["access_token"] != first.access
    assert body["refresh_token"] != first.refresh
    claims = jwt.decode(body["access_token"], TEST_SECRET, algorithms=["HS256"])
    assert claims["sid"] == str(first.session_id)
    assert claims["sub"] == str(user.user_id)

    assert await token_works(client, body["access_token"])
    # The new refresh token rotates again.
    again = await refresh(client, body["refresh_token"])
    assert again.status_code == 200, again.text
    assert await token_works(client, again.json()["access_token"])


async def test_used_refresh_token_is_rejected(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    tokens = await log_in(client, user.email)
    assert (await refresh(client, tokens.refresh)).status_code == 200
    assert_invalid_token(await refresh(client, tokens.refresh))


async def test_reused_refresh_token_revokes_the_whole_session(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.nurse)
    stolen = await log_in(client, user.email)
    elsewhere = await log_in(client, user.email)

    second = (await refresh(client, stolen.refresh)).json()
    third = (await refresh(client, second["refresh_token"])).json()
    assert await token_works(client, third["access_token"])

    replay = await refresh(client, stolen.refresh)
    assert_invalid_token(replay)

    # Everything the session issued is dead, including the newest pair.
    assert_invalid_token(await refresh(client, third["refresh_token"]))
    assert not await token_works(client, third["access_token"])
    assert not await token_works(client, second["access_token"])
    assert not await token_works(client, stolen.access)
    async with app.state.sessionmaker() as db:
        revoked_at = await db.scalar(
            select(AuthSession.revoked_at).where(AuthSession.session_id == stolen.session_id)
        )
    assert revoked_at is not None
    # Other sessions of the same user are untouched.
    assert await token_works(client, elsewhere.access)
    assert (await refresh(client, elsewhere.refresh)).status_code == 200


# --- Logout -----------------------------------------------------------------------------------


async def test_logout_kills_access_and_refresh_token(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.receptionist)
    tokens = await log_in(client, user.email)
    other = await log_in(client, user.email)

    response = await client.post("/api/logout", headers=tokens.headers)
    assert response.status_code == 200
    assert response.json() == {"message": "Logged out successfully"}

    assert_invalid_token(await client.get("/api/profile", headers=tokens.headers))
    assert_invalid_token(await refresh(client, tokens.refresh))
    assert_invalid_token(await client.post("/api/logout", headers=tokens.headers))
    # Only the caller's session ended.
    assert await token_works(client, other.access)


# --- Password change --------------------------------------------------------------------------

NEW_PASSWORD = "a brand new passphrase"


async def test_change_password_with_wrong_current_password(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    tokens = await log_in(client, user.email)
    response = await client.put(
        "/api/profile/password",
        headers=tokens.headers,
        json={"current_password": "not my password", "new_password": NEW_PASSWORD},
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "Current password is incorrect",
        "code": "invalid_current_password",
    }
    assert "www-authenticate" not in response.headers
    # Nothing changed: the session lives and the old password still works.
    assert await token_works(client, tokens.access)
    await log_in(client, user.email, PASSWORD)
    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": NEW_PASSWORD})
    )


@pytest.mark.parametrize(
    ("new_password", "problem"),
    [
        ("short", "at least 8 characters"),
        ("seven77", "at least 8 characters"),
        ("x" * 73, "at most 72 bytes"),
        ("é" * 37, "at most 72 bytes"),  # 37 characters, 74 bytes
    ],
)
async def test_change_password_rejects_weak_or_overlong_passwords(
    client: httpx.AsyncClient, make_user: MakeUser, new_password: str, problem: str
) -> None:
    user = await make_user(Role.doctor)
    tokens = await log_in(client, user.email)
    response = await client.put(
        "/api/profile/password",
        headers=tokens.headers,
        json={"current_password": PASSWORD, "new_password": new_password},
    )
    assert response.status_code == 400
    error = response.json()
    assert error["code"] == "invalid_request"
    assert problem in error["error"]
    assert error["details"][0]["field"] == "new_password"
    await log_in(client, user.email, PASSWORD)


async def test_change_password_requires_both_fields(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    tokens = await log_in(client, user.email)
    response = await client.put(
        "/api/profile/password", headers=tokens.headers, json={"new_password": NEW_PASSWORD}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "Missing required field: current_password"


async def test_change_password_needs_a_token_before_the_body_is_checked(
    client: httpx.AsyncClient,
) -> None:
    response = await client.put("/api/profile/password", json={"new_password": "x"})
    assert response.status_code == 401
    assert response.json()["error"] == "Authorization token is missing"


async def test_change_password_ends_other_sessions_only(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    current = await log_in(client, user.email)
    other = await log_in(client, user.email)

    response = await client.put(
        "/api/profile/password",
        headers=current.headers,
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"message": "Password changed successfully"}

    assert not await token_works(client, other.access)
    assert_invalid_token(await refresh(client, other.refresh))
    assert await token_works(client, current.access)
    assert (await refresh(client, current.refresh)).status_code == 200

    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": PASSWORD})
    )
    await log_in(client, user.email, NEW_PASSWORD)


async def test_passwords_are_byte_limited_and_never_trimmed(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    tokens = await log_in(client, user.email)
    for new_password, current in (("ü" * 36, PASSWORD), ("  padded passphrase  ", "ü" * 36)):
        response = await client.put(
            "/api/profile/password",
            headers=tokens.headers,
            json={"current_password": current, "new_password": new_password},
        )
        assert response.status_code == 200, response.text
        await log_in(client, user.email, new_password)
    assert_bad_login(
        await client.post("/api/login", json={"email": user.email, "password": "padded passphrase"})
    )


# --- The user is read from the database on every request --------------------------------------


async def test_deactivated_user_is_locked_out_at_once(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    doctor = await make_user(Role.doctor)
    tokens = await log_in(client, doctor.email)
    assert await token_works(client, tokens.access)

    response = await client.put(
        f"/api/users/{doctor.user_id}", headers=admin, json={"is_active": False}
    )
    assert response.status_code == 200, response.text
    assert response.json()["user"]["is_active"] is False

    assert_invalid_token(await client.get("/api/profile", headers=tokens.headers))
    assert_invalid_token(await refresh(client, tokens.refresh))
    assert_bad_login(
        await client.post("/api/login", json={"email": doctor.email, "password": PASSWORD})
    )

    # Deactivation ended the sessions themselves: reactivating does not revive old tokens.
    async with app.state.sessionmaker() as db:
        revoked = await db.scalar(
            select(AuthSession.revoked_at).where(AuthSession.session_id == tokens.session_id)
        )
    assert revoked is not None
    reactivated = await client.put(
        f"/api/users/{doctor.user_id}", headers=admin, json={"is_active": True}
    )
    assert reactivated.status_code == 200
    assert not await token_works(client, tokens.access)
    await log_in(client, doctor.email)


async def test_role_change_acts_at_once(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    first_admin = await make_user(Role.admin)
    second_admin = await make_user(Role.admin)
    nurse = await make_user(Role.nurse)
    boss = await log_in(client, first_admin.email)
    demoted = await log_in(client, second_admin.email)
    promoted = await log_in(client, nurse.email)

    rename = {"first_name": "Renamed"}
    assert (
        await client.put(f"/api/users/{nurse.user_id}", headers=demoted.headers, json=rename)
    ).status_code == 200

    for user, role in ((second_admin, "receptionist"), (nurse, "admin")):
        response = await client.put(
            f"/api/users/{user.user_id}", headers=boss.headers, json={"role": role}
        )
        assert response.status_code == 200, response.text

    # Same tokens as before; their `role` claim is stale and must not be trusted.
    forbidden = await client.put(
        f"/api/users/{nurse.user_id}", headers=demoted.headers, json=rename
    )
    assert forbidden.status_code == 403
    assert forbidden.json() == {
        "error": "Forbidden: insufficient permissions",
        "code": "forbidden",
    }
    protected = await client.get("/api/protected", headers=demoted.headers)
    assert protected.json()["role"] == "receptionist"

    allowed = await client.put(
        f"/api/users/{second_admin.user_id}", headers=promoted.headers, json=rename
    )
    assert allowed.status_code == 200, allowed.text
    profile = await client.get("/api/profile", headers=promoted.headers)
    assert profile.json()["role"] == "admin"


# --- OAuth2 form login, profile and protected -------------------------------------------------


async def test_oauth2_form_login(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(Role.admin, email="ada@clinic.test", first_name="Ada")
    response = await client.post(
        "/api/token",
        data={"grant_type": "password", "username": "ADA@clinic.test", "password": PASSWORD},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["user"]["user_id"] == user.user_id

    profile = await client.get("/api/profile", headers=bearer(body["access_token"]))
    assert profile.status_code == 200
    assert profile.json()["email"] == "ada@clinic.test"

    assert_bad_login(
        await client.post(
            "/api/token",
            data={"grant_type": "password", "username": user.email, "password": "wrong pass"},
        )
    )
    missing = await client.post("/api/token", data={"grant_type": "password", "password": PASSWORD})
    assert missing.status_code == 400
    assert missing.json()["error"] == "Missing required field: username"


@pytest.mark.parametrize("grant_type", [None, "", "client_credentials", "Password"])
async def test_the_oauth2_form_requires_the_password_grant_type(
    client: httpx.AsyncClient, make_user: MakeUser, grant_type: str | None
) -> None:
    """RFC 6749 section 4.3.2: `grant_type` is required and is `password`; the right password
    does not make up for a missing or other grant type."""
    user = await make_user(Role.admin)
    form = {"username": user.email, "password": PASSWORD}
    if grant_type is not None:
        form["grant_type"] = grant_type
    response = await client.post("/api/token", data=form)
    assert response.status_code == 400, response.text
    assert response.json()["details"][0]["field"] == "grant_type"


async def test_openapi_declares_the_password_flow(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    flows = [scheme["flows"] for scheme in schemes.values() if scheme["type"] == "oauth2"]
    assert flows == [{"password": {"scopes": {}, "tokenUrl": "/api/token"}}]
    assert any(
        scheme["type"] == "http" and scheme["scheme"] == "bearer" for scheme in schemes.values()
    )
    assert document["paths"]["/api/profile"]["get"]["security"]


async def test_profile_and_protected_bodies(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    user = await make_user(
        Role.receptionist, email="pam@clinic.test", first_name="Pam", last_name="Ortiz"
    )
    tokens = await log_in(client, user.email)

    profile = await client.get("/api/profile", headers=tokens.headers)
    assert profile.status_code == 200
    assert profile.json() == {
        "message": "Access granted",
        "user_id": user.user_id,
        "email": "pam@clinic.test",
        "first_name": "Pam",
        "last_name": "Ortiz",
        "role": "receptionist",
    }
    protected = await client.get("/api/protected", headers=tokens.headers)
    assert protected.status_code == 200
    assert protected.json() == {
        "message": "Access granted",
        "user_id": user.user_id,
        "role": "receptionist",
    }
