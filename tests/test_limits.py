"""Resource limits and headers: bodies over 1 MiB are a 413 (also chunked ones), JSON nested too
deep and strings over their maximum are 400s, date ranges are bounded, every response carries
the security headers, and CORS answers only the configured origins."""

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.models import Patient
from clinichub.request_limits import MAX_BODY_BYTES, MAX_JSON_DEPTH, json_depth
from clinichub.vocabulary import Role
from tests.kit import Login

PATIENT = {"first_name": "Ana", "last_name": "Limit", "dob": "1990-01-01"}


async def patient_count(app: FastAPI) -> int:
    async with app.state.sessionmaker() as db:
        return await db.scalar(select(func.count()).select_from(Patient)) or 0


# --- body size --------------------------------------------------------------------------------


def padded(size: int) -> bytes:
    """A JSON patient of exactly `size` bytes (the padding in an address)."""
    base = json.dumps(PATIENT | {"address": ""}).encode()
    body = json.dumps(PATIENT | {"address": "x" * (size - len(base))}).encode()
    assert len(body) == size
    return body


async def test_a_body_over_one_mebibyte_is_a_413(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    headers = admin | {"Content-Type": "application/json", "X-Request-ID": "big-1"}
    response = await client.post(
        "/api/patients", content=padded(MAX_BODY_BYTES + 1), headers=headers
    )
    assert response.status_code == 413
    assert response.json() == {
        "error": "Request body too large: at most 1048576 bytes (1 MiB)",
        "code": "payload_too_large",
    }
    assert response.headers["x-request-id"] == "big-1"
    assert response.headers["x-content-type-options"] == "nosniff"
    # Exactly the limit is read and validated (the address is too long for a patient: 400).
    at_limit = await client.post("/api/patients", content=padded(MAX_BODY_BYTES), headers=headers)
    assert at_limit.status_code == 400
    assert await patient_count(app) == 0


async def test_a_chunked_body_is_counted_as_it_arrives(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    admin = await login(Role.admin)
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        body = padded(2 * MAX_BODY_BYTES)
        for start in range(0, len(body), 64 * 1024):
            sent += 1
            yield body[start : start + 64 * 1024]

    response = await client.post(
        "/api/patients",
        content=chunks(),
        headers=admin | {"Content-Type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert await patient_count(app) == 0


async def test_a_lying_content_length_is_refused_before_reading(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/login",
        content=b"{}",
        headers={"Content-Length": str(MAX_BODY_BYTES + 1), "Content-Type": "application/json"},
    )
    assert response.status_code == 413


# --- JSON depth and string lengths ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"{}", 1),
        (b'{"a": [1, {"b": []}]}', 4),
        (b'"[[[["', 0),  # brackets inside strings do not nest
        (b'{"a": "\\"[[["}', 1),  # nor after an escaped quote
        (b"[" * 40 + b"]" * 40, 40),
        (b"", 0),
    ],
)
def test_json_depth(text: bytes, depth: int) -> None:
    assert json_depth(text) == depth


async def test_json_nested_too_deep_is_a_400(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    deep = '{"first_name": ' + "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1) + "}"
    response = await client.post(
        "/api/patients", content=deep, headers=admin | {"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": f"JSON nested too deep: at most {MAX_JSON_DEPTH} levels",
        "code": "invalid_request",
    }
    # Deep nesting that Python's parser cannot even recurse into is the same 400, not a 500.
    abyss = "[" * 200_000 + "]" * 200_000
    response = await client.post(
        "/api/login", content=abyss, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400


async def test_strings_over_their_maximum_are_400s(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    response = await client.post(
        "/api/patients", json=PATIENT | {"first_name": "x" * 101}, headers=admin
    )
    assert response.status_code == 400
    assert response.json()["details"][0]["field"] == "first_name"


def _strings_without_a_bound(
    schema: dict[str, Any], components: dict[str, Any], at: str
) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return _strings_without_a_bound(components[name], components, name)
    unbounded = []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            unbounded += _strings_without_a_bound(option, components, at)
    # Dates, times and emails are bounded by their parsers (an email by its 254 characters), an
    # anchored pattern by itself, a file of a form (binary) by the upload's own body limit.
    bounded_formats = {"date", "date-time", "time", "email", "binary"}
    if schema.get("type") == "string" and not (
        {"maxLength", "enum", "const"} & set(schema)
        or schema.get("format") in bounded_formats
        or str(schema.get("pattern", "")).endswith("$")
    ):
        unbounded.append(at)
    for name, prop in schema.get("properties", {}).items():
        unbounded += _strings_without_a_bound(prop, components, f"{at}.{name}")
    if "items" in schema:
        unbounded += _strings_without_a_bound(schema["items"], components, f"{at}[]")
    return unbounded


async def test_every_string_a_request_body_takes_has_a_maximum(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    components = document["components"]["schemas"]
    unbounded = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            # The OAuth2 password form behind Swagger UI's Authorize button is FastAPI's own; the
            # 1 MiB body limit bounds it.
            content.pop("application/x-www-form-urlencoded", None)
            for body in content.values():
                unbounded += _strings_without_a_bound(
                    body["schema"], components, f"{method} {path}"
                )
    assert unbounded == []


# --- date ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "first", "last"),
    [
        ("/api/appointments", "date_from", "date_to"),
        ("/api/invoices", "issued_from", "issued_to"),
        ("/api/audit/events", "occurred_from", "occurred_to"),
    ],
)
async def test_date_ranges_are_bounded(
    client: httpx.AsyncClient, login: Login, url: str, first: str, last: str
) -> None:
    admin = await login(Role.admin)
    a_leap_year = {first: "2024-01-01T00:00:00Z", last: "2024-12-31T23:59:59Z"}
    assert (await client.get(url, params=a_leap_year, headers=admin)).status_code == 200
    too_long = {first: "2024-01-01T00:00:00Z", last: "2025-01-02T00:00:01Z"}
    response = await client.get(url, params=too_long, headers=admin)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_range"
    reversed_range = {first: "2024-02-01T00:00:00Z", last: "2024-01-01T00:00:00Z"}
    response = await client.get(url, params=reversed_range, headers=admin)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_range"
    # One open end is allowed: pages bound the rest.
    assert (
        await client.get(url, params={first: "2000-01-01T00:00:00Z"}, headers=admin)
    ).status_code == 200


# --- headers ----------------------------------------------------------------------------------


def assert_api_headers(response: httpx.Response) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


async def test_security_headers_on_every_api_response(
    client: httpx.AsyncClient, login: Login, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = await login(Role.admin)
    assert_api_headers(await client.get("/api/profile", headers=admin))
    assert_api_headers(await client.get("/api/profile"))  # 401
    assert_api_headers(await client.get("/api/patients/999", headers=admin))  # 404
    assert_api_headers(await client.get("/api/nowhere"))  # 404 of the router
    assert_api_headers(await client.post("/api/login", json={"email": "a@b.c", "password": "x"}))
    assert_api_headers(await client.get("/api/health"))

    # A 500 is answered outside every middleware, with the same headers.
    from clinichub.patients import repository

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(repository, "read_patient", broken)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as failing:
        crashed = await failing.get("/api/patients/1", headers=admin)
    assert crashed.status_code == 500
    assert_api_headers(crashed)


async def test_the_docs_get_a_csp_that_lets_them_work(client: httpx.AsyncClient) -> None:
    for path in ("/docs", "/redoc"):
        response = await client.get(path)
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "script-src 'self' 'unsafe-inline'" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    document = await client.get("/openapi.json")
    assert document.headers["content-security-policy"].startswith("default-src 'none'")


async def test_cors_answers_only_the_configured_origins(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://app.clinic.example"]}))
    transport = httpx.ASGITransport(app=app)
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "idempotency-key",
    }
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            allowed = await http.options(
                "/api/patients", headers=preflight | {"Origin": "https://app.clinic.example"}
            )
            assert allowed.status_code == 200
            assert allowed.headers["access-control-allow-origin"] == "https://app.clinic.example"
            refused = await http.options(
                "/api/patients", headers=preflight | {"Origin": "https://evil.example"}
            )
            assert "access-control-allow-origin" not in refused.headers
            simple = await http.get("/api/health", headers={"Origin": "https://evil.example"})
            assert "access-control-allow-origin" not in simple.headers
            ours = await http.get("/api/health", headers={"Origin": "https://app.clinic.example"})
            assert ours.headers["access-control-allow-origin"] == "https://app.clinic.example"
            assert "ETag" in ours.headers["access-control-expose-headers"]
            # A refusal before any route (a body over the limit) is readable by the app too.
            too_large = await http.post(
                "/api/patients",
                content=b"{" + b" " * MAX_BODY_BYTES + b"}",
                headers={
                    "Origin": "https://app.clinic.example",
                    "Content-Type": "application/json",
                },
            )
            assert too_large.status_code == 413
            assert too_large.headers["access-control-allow-origin"] == "https://app.clinic.example"
            assert too_large.headers["x-request-id"]
    finally:
        await app.state.engine.dispose()
        await app.state.side_engine.dispose()


async def test_no_cors_without_configured_origins(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health", headers={"Origin": "https://app.clinic.example"})
    assert "access-control-allow-origin" not in response.headers
