"""The web app's session: the refresh token in an HttpOnly, SameSite=Strict, path-limited cookie
(`POST /api/session`, `/api/session/refresh`, `/api/session/logout`), with the rotation, theft
detection, limits and audit events of the token endpoints."""

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

import httpx
from fastapi import FastAPI

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.vocabulary import Role
from tests.kit import PASSWORD, MakeUser, events

COOKIE = "clinichub_refresh"
SEVEN_DAYS = 7 * 24 * 3600


@dataclass(frozen=True)
class SetCookie:
    """The one `Set-Cookie` of a response, parsed."""

    value: str
    attributes: dict[str, Any]
    raw: str

    @classmethod
    def of(cls, response: httpx.Response) -> "SetCookie":
        (raw,) = response.headers.get_list("set-cookie")
        parsed = SimpleCookie()
        parsed.load(raw)
        morsel = parsed[COOKIE]
        attributes = {key: morsel[key] for key in morsel if morsel[key] != ""}
        return cls(value=morsel.value, attributes=attributes, raw=raw)

    @property
    def cleared(self) -> bool:
        return self.attributes.get("max-age") == "0" and self.value in ("", '""')


async def post(client: httpx.AsyncClient, path: str, cookie: str | None = None) -> httpx.Response:
    """A POST carrying exactly `cookie` (the browser's), whatever the client kept."""
    client.cookies.clear()
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie is not None else {}
    return await client.post(path, headers=headers)


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> tuple[dict[str, Any], SetCookie]:
    client.cookies.clear()
    response = await client.post("/api/session", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body, SetCookie.of(response)


async def token_works(client: httpx.AsyncClient, access_token: str) -> bool:
    response = await client.get("/api/profile", headers={"Authorization": f"Bearer {access_token}"})
    return response.status_code == 200


def assert_no_refresh_token(response: httpx.Response, cookie: SetCookie | None = None) -> None:
    assert "refresh_token" not in response.json()
    if cookie is not None:
        assert cookie.value not in response.text


@contextlib.asynccontextmanager
async def client_of(
    settings: Settings, base_url: str, client_ip: str = "203.0.113.7", **changes: Any
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings.model_copy(update=changes))
    transport = httpx.ASGITransport(app=app, client=(client_ip, 40000))
    try:
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
            yield http
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()


# --- Signing in -------------------------------------------------------------------------------


async def test_signing_in_sets_an_httponly_strict_path_limited_cookie(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse, first_name="Flo", last_name="Rivera")
    client.cookies.clear()
    response = await client.post("/api/session", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    cookie = SetCookie.of(response)
    assert cookie.attributes == {
        "httponly": True,
        "samesite": "strict",
        "path": "/api/session/",
        "max-age": str(SEVEN_DAYS),
    }, cookie.raw
    assert "secure" not in cookie.attributes  # plain HTTP: development
    assert cookie.value.count(".") == 2  # the refresh token, a JWT
    body = response.json()
    assert set(body) == {"message", "access_token", "token_type", "expires_in", "user"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["user"] == {
        "user_id": user.user_id,
        "email": user.email,
        "first_name": "Flo",
        "last_name": "Rivera",
        "role": "nurse",
    }
    assert_no_refresh_token(response, cookie)
    assert await token_works(client, body["access_token"])
    # The cookie's token is a refresh token of the session, for the SDK's endpoint too.
    rotated = await client.post("/api/refresh", json={"refresh_token": cookie.value})
    assert rotated.status_code == 200


async def test_the_cookie_is_secure_over_https_and_behind_a_trusted_proxy(
    settings: Settings, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    login = {"email": user.email, "password": PASSWORD}
    async with client_of(settings, "https://clinic.test") as https:
        response = await https.post("/api/session", json=login)
        assert SetCookie.of(response).attributes["secure"] is True
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.20"}
    async with client_of(
        settings, "http://clinic.test", client_ip="10.0.0.5", trusted_proxies=["10.0.0.0/24"]
    ) as proxied:
        response = await proxied.post("/api/session", json=login, headers=forwarded)
        assert SetCookie.of(response).attributes["secure"] is True
        # Logging out over the proxy clears the cookie with the same attributes.
        cookie = SetCookie.of(response)
        proxied.cookies.clear()
        out = await proxied.post(
            "/api/session/logout", headers={**forwarded, "Cookie": f"{COOKIE}={cookie.value}"}
        )
        assert SetCookie.of(out).attributes["secure"] is True
    # A client that is not a trusted proxy does not choose the scheme.
    async with client_of(settings, "http://clinic.test", client_ip="192.0.2.9") as direct:
        response = await direct.post("/api/session", json=login, headers=forwarded)
        assert "secure" not in SetCookie.of(response).attributes


async def test_a_failed_sign_in_sets_no_cookie_and_is_audited(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.receptionist)
    client.cookies.clear()
    response = await client.post("/api/session", json={"email": user.email, "password": "wrong"})
    assert response.status_code == 401
    assert response.json() == {"error": "Invalid email or password", "code": "invalid_credentials"}
    assert "set-cookie" not in response.headers
    await sign_in(client, user.email)
    recorded = await events(app, "action IN ('login', 'login_failed')")
    assert [(e["action"], e["outcome"], e["actor_user_id"]) for e in recorded] == [
        ("login_failed", "failure", user.user_id),
        ("login", "success", user.user_id),
    ]
    assert recorded[1]["resource_type"] == "auth_session"
    assert recorded[1]["actor_role"] == "receptionist"


async def test_sign_in_shares_the_login_counters(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.admin)
    for path in ["/api/session", "/api/login"] * 5:
        client.cookies.clear()
        response = await client.post(path, json={"email": user.email, "password": "wrong"})
        assert response.status_code == 401
    for path in ("/api/session", "/api/login"):
        client.cookies.clear()
        locked = await client.post(path, json={"email": user.email, "password": PASSWORD})
        assert locked.status_code == 429, path
        assert locked.json() == {"error": "Too many login attempts", "code": "rate_limited"}
        assert "set-cookie" not in locked.headers


# --- Refreshing -------------------------------------------------------------------------------


async def test_refresh_by_cookie_rotates_it_and_names_the_user(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user(Role.doctor)
    first, cookie = await sign_in(client, user.email)

    response = await post(client, "/api/session/refresh", cookie.value)
    assert response.status_code == 200, response.text
    renewed = SetCookie.of(response)
    assert renewed.value != cookie.value
    assert renewed.attributes == cookie.attributes
    body = response.json()
    assert set(body) == {"message", "access_token", "token_type", "expires_in", "user"}
    assert body["user"] == first["user"]
    assert_no_refresh_token(response, renewed)
    assert await token_works(client, body["access_token"])

    again = await post(client, "/api/session/refresh", renewed.value)
    assert again.status_code == 200
    assert SetCookie.of(again).value not in (cookie.value, renewed.value)


async def test_an_old_cookie_value_ends_the_session(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.nurse)
    _, stolen = await sign_in(client, user.email)
    current = await post(client, "/api/session/refresh", stolen.value)
    assert current.status_code == 200
    access = current.json()["access_token"]

    reused = await post(client, "/api/session/refresh", stolen.value)
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_reused"
    assert reused.headers["www-authenticate"] == "Bearer"
    assert SetCookie.of(reused).cleared
    # The whole session ended: the newest cookie and access token too.
    ended = await post(client, "/api/session/refresh", SetCookie.of(current).value)
    assert ended.status_code == 401
    assert ended.json()["code"] == "invalid_token"
    assert not await token_works(client, access)
    (event,) = await events(app, "action = 'token_reuse'")
    assert event["outcome"] == "denied"
    assert event["actor_user_id"] == user.user_id


async def test_a_missing_or_invalid_cookie_is_a_401_that_clears_it(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    missing = await post(client, "/api/session/refresh")
    assert missing.status_code == 401
    assert missing.json() == {"error": "Session cookie is missing", "code": "token_missing"}
    cleared = SetCookie.of(missing)
    assert cleared.cleared
    assert cleared.attributes["path"] == "/api/session/"
    assert cleared.attributes["httponly"] is True
    assert cleared.attributes["samesite"] == "strict"

    for value in ("garbage", "a.b.c"):
        invalid = await post(client, "/api/session/refresh", value)
        assert invalid.status_code == 401
        assert invalid.json()["code"] == "invalid_token"
        assert SetCookie.of(invalid).cleared
    # An access token is no refresh token.
    user = await make_user(Role.admin)
    body, _ = await sign_in(client, user.email)
    wrong_kind = await post(client, "/api/session/refresh", body["access_token"])
    assert wrong_kind.status_code == 401
    assert SetCookie.of(wrong_kind).cleared


async def test_refreshes_by_cookie_share_the_session_limit(
    settings: Settings, make_user: MakeUser
) -> None:
    user = await make_user(Role.nurse)
    async with client_of(settings, "http://test", refresh_max_per_minute=2) as http:
        _, cookie = await sign_in(http, user.email)
        first = await post(http, "/api/session/refresh", cookie.value)
        assert first.status_code == 200
        token = SetCookie.of(first).value
        second = await http.post("/api/refresh", json={"refresh_token": token})
        assert second.status_code == 200
        refused = await post(http, "/api/session/refresh", second.json()["refresh_token"])
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        # A 429 does not sign the browser out.
        assert "set-cookie" not in refused.headers


# --- Signing out ------------------------------------------------------------------------------


async def test_sign_out_ends_the_session_and_clears_the_cookie(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.receptionist)
    body, cookie = await sign_in(client, user.email)
    _, other = await sign_in(client, user.email)

    response = await post(client, "/api/session/logout", cookie.value)
    assert response.status_code == 200
    assert response.json() == {"message": "Logged out successfully"}
    assert SetCookie.of(response).cleared
    assert not await token_works(client, body["access_token"])
    assert (await post(client, "/api/session/refresh", cookie.value)).status_code == 401
    # Only that session: the user's other one lives.
    assert (await post(client, "/api/session/refresh", other.value)).status_code == 200

    (event,) = await events(app, "action = 'logout'")
    assert event["outcome"] == "success"
    assert event["actor_user_id"] == user.user_id
    assert event["actor_role"] == "receptionist"
    assert event["resource_type"] == "auth_session"


async def test_sign_out_is_idempotent(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.doctor)
    _, cookie = await sign_in(client, user.email)
    assert (await post(client, "/api/session/logout", cookie.value)).status_code == 200
    for value in (cookie.value, None, "garbage"):
        again = await post(client, "/api/session/logout", value)
        assert again.status_code == 200, value
        assert again.json() == {"message": "Logged out successfully"}
        assert SetCookie.of(again).cleared
    # One session, one logout event.
    assert len(await events(app, "action = 'logout'")) == 1


async def test_sign_out_with_an_old_cookie_value_ends_the_session_as_theft(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    user = await make_user(Role.nurse)
    _, old = await sign_in(client, user.email)
    current = await post(client, "/api/session/refresh", old.value)
    response = await post(client, "/api/session/logout", old.value)
    assert response.status_code == 200
    assert not await token_works(client, current.json()["access_token"])
    assert [e["action"] for e in await events(app, "action IN ('logout', 'token_reuse')")] == [
        "token_reuse"
    ]


async def test_the_cookie_stays_out_of_other_paths(
    client: httpx.AsyncClient, make_user: MakeUser
) -> None:
    """The browser sends a cookie only under its path: not with /api/session itself, the other
    API calls or the app's pages."""
    user = await make_user(Role.admin)
    _, cookie = await sign_in(client, user.email)
    jar = httpx.Cookies()
    jar.set(COOKIE, cookie.value, domain="test.local", path=cookie.attributes["path"])
    request = httpx.Request("POST", "http://test/api/session/refresh")
    jar.set_cookie_header(request)
    assert request.headers["cookie"] == f"{COOKIE}={cookie.value}"
    for url in ("http://test/api/session", "http://test/api/profile", "http://test/"):
        request = httpx.Request("GET", url)
        jar.set_cookie_header(request)
        assert "cookie" not in request.headers, url
