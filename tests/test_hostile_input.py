"""Hostile input is a 4xx in the Error body, never a 500: bodies nested past any parser's reach,
user ids beyond 64 bits in validly signed tokens, JSON objects that name a key twice, and
invisible or bidirectional control characters in names and free text."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, ValidationError
from sqlalchemy import func, select

from clinichub.models import Patient, User
from clinichub.request_limits import duplicate_key
from clinichub.schemas import RequestModel
from clinichub.vocabulary import Role
from tests.kit import RECORD, TEST_SECRET, Login, MakeUser, new_patient

JSON = {"Content-Type": "application/json"}
PATIENT = {"first_name": "Maria", "last_name": "Lopez", "dob": "1980-02-03"}


def is_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert isinstance(body["error"], str) and isinstance(body["code"], str)
    if code is not None:
        assert body["code"] == code
    return body


async def count(app: FastAPI, model: type[Patient] | type[User]) -> int:
    async with app.state.sessionmaker() as db:
        return await db.scalar(select(func.count()).select_from(model)) or 0


# --- Nesting ----------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["text/plain", "application/octet-stream", None])
async def test_a_deep_body_with_a_key_and_another_content_type_is_a_400(
    client: httpx.AsyncClient, login: Login, app: FastAPI, content_type: str | None
) -> None:
    """The idempotency fingerprint parsed it as JSON, and the parser ran out of stack (500)."""
    admin = await login(Role.admin)
    abyss = b"[" * 100_000 + b"]" * 100_000
    headers = admin | {"Idempotency-Key": f"deep-{content_type}"}
    if content_type:
        headers["Content-Type"] = content_type
    response = await client.post("/api/patients", content=abyss, headers=headers)
    is_error(response, 400)
    assert await count(app, Patient) == 0


# --- Tokens -----------------------------------------------------------------------------------


def signed(sub: object, token_type: str = "access") -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": sub,
        "type": token_type,
        "sid": str(uuid.uuid4()),
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


@pytest.mark.parametrize(
    "sub", [str(2**64), str(2**63), "9" * 400, "-1", "0", "1_0", " 7", "+7", "٣"]
)
async def test_a_signed_token_whose_subject_is_not_a_user_id_is_a_401(
    client: httpx.AsyncClient, sub: str
) -> None:
    """A `sub` beyond 64 bits reached PostgreSQL as a bigint parameter (500)."""
    response = await client.get("/api/profile", headers={"Authorization": f"Bearer {signed(sub)}"})
    is_error(response, 401, "invalid_token")
    refresh = await client.post("/api/refresh", json={"refresh_token": signed(sub, "refresh")})
    assert refresh.status_code == 401, refresh.text


async def test_the_largest_user_id_is_still_a_user_id(client: httpx.AsyncClient) -> None:
    # 2**63 - 1 is a valid bigint: no such session, so a 401 from the database's answer.
    response = await client.get(
        "/api/profile", headers={"Authorization": f"Bearer {signed(str(2**63 - 1))}"}
    )
    is_error(response, 401, "invalid_token")


# --- Duplicate keys ---------------------------------------------------------------------------


async def test_a_duplicate_key_cannot_make_an_admin(
    client: httpx.AsyncClient, login: Login, app: FastAPI
) -> None:
    """`{"role": "receptionist", "role": "admin"}` created an admin."""
    admin = await login(Role.admin)
    before = await count(app, User)
    body = (
        '{"email": "dup.key@example.com", "password": "a long passphrase", "first_name": "D", '
        '"last_name": "K", "role": "receptionist", "role": "admin"}'
    )
    response = await client.post("/api/users", content=body, headers=admin | JSON)
    error = is_error(response, 400, "duplicate_key")
    assert error["details"] == [{"field": "role", "message": "duplicate key"}]
    assert await count(app, User) == before


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/login", '{"email": "a@b.com", "email": "c@d.com", "password": "x"}'),
        ("/api/patients", '{"first_name": "A", "last_name": "B", "dob": "1990-01-01", "dob": "x"}'),
        # Nested objects too, and keys that differ only by an escape are the same key.
        (
            "/api/providers/1/working-hours",
            '{"hours": [{"weekday": 0, "weekday": 1, "start_time": "09:00", "end_time": "10:00"}]}',
        ),
        ("/api/patients", '{"first_name": "A", "first\\u005fname": "B"}'),
    ],
)
async def test_duplicate_keys_are_refused_everywhere(
    client: httpx.AsyncClient, login: Login, url: str, body: str
) -> None:
    admin = await login(Role.admin)
    method = "PUT" if "working-hours" in url else "POST"
    response = await client.request(method, url, content=body, headers=admin | JSON)
    is_error(response, 400, "duplicate_key")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (b'{"a": 1, "b": 2}', None),
        (b'[{"a": 1}, {"a": 2}]', None),  # the same key in two objects is fine
        (b'{"a": {"b": 1, "b": 2}}', "b"),
        (b'{"a": 1, "a": 1}', "a"),
        (b"not json", None),
        (b'"a string"', None),
    ],
)
def test_duplicate_key(text: bytes, key: str | None) -> None:
    assert duplicate_key(text) == key


# --- Invisible characters ---------------------------------------------------------------------

HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "first strong isolate": "\u2068",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "right-to-left mark": "\u200f",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "arabic letter mark": "\u061c",
    "soft hyphen": "\u00ad",
    "NUL": "\u0000",
    "escape": "\u001b",
}


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
async def test_names_refuse_invisible_characters(
    client: httpx.AsyncClient, login: Login, app: FastAPI, char: str
) -> None:
    admin = await login(Role.admin)
    response = await client.post(
        "/api/patients", json=PATIENT | {"last_name": f"Lo{char}pez"}, headers=admin
    )
    error = is_error(response, 400, "invalid_request")
    assert error["details"][0]["field"] == "last_name"
    assert f"U+{ord(char):04X}" in error["details"][0]["message"]
    assert await count(app, Patient) == 0


async def test_free_text_refuses_bidirectional_overrides_everywhere(
    client: httpx.AsyncClient, login: Login, make_user: MakeUser
) -> None:
    """One request per kind of text field: every one is a field-level 400."""
    admin = await login(Role.admin)
    doctor = await make_user(Role.doctor)
    patient_id = await new_patient(client, admin)
    trojan = "Metformin \u202e500 mg\u202c"
    booking = {
        "patient_id": patient_id,
        "provider_user_id": doctor.user_id,
        "scheduled_start": "2031-01-06T10:00:00Z",
        "scheduled_end": "2031-01-06T10:30:00Z",
    }
    cases: list[tuple[str, str, dict[str, Any], str]] = [
        ("POST", "/api/patients", PATIENT | {"address": trojan}, "address"),
        (
            "POST",
            "/api/patients",
            PATIENT | {"emergency_contact_name": trojan},
            "emergency_contact_name",
        ),
        ("PUT", f"/api/patients/{patient_id}", {"first_name": "A\u200bna"}, "first_name"),
        (
            "POST",
            f"/api/patients/{patient_id}/plan",
            {"carrier_name": trojan, "member_id": "M1", "plan_type": "self_pay"},
            "carrier_name",
        ),
        ("POST", "/api/appointments", booking | {"reason": trojan}, "reason"),
        ("POST", "/api/appointments", booking | {"notes": trojan}, "notes"),
        (
            "POST",
            "/api/medical-records",
            {**RECORD, "patient_id": patient_id, "treatment_plan": trojan},
            "treatment_plan",
        ),
        (
            "POST",
            "/api/medical-records",
            {**RECORD, "patient_id": patient_id, "notes": trojan},
            "notes",
        ),
        (
            "POST",
            "/api/cpt_codes",
            {"code": "0002A", "description": trojan, "category": "V", "price_cents": 1},
            "description",
        ),
        ("PUT", "/api/cpt_codes/99213", {"category": "Office\u2066 Visit"}, "category"),
        (
            "POST",
            "/api/users",
            {
                "email": "bidi@example.com",
                "password": "a long passphrase",
                "first_name": "\u202eAna",
                "last_name": "Rivera",
                "role": "nurse",
            },
            "first_name",
        ),
        ("PUT", f"/api/users/{doctor.user_id}", {"last_name": "Ri\ufeffvera"}, "last_name"),
    ]
    for method, url, body, field in cases:
        response = await client.request(method, url, json=body, headers=admin)
        error = is_error(response, 400, "invalid_request")
        assert error["details"][0]["field"] == field, (url, error)

    booked = await client.post("/api/appointments", json=booking, headers=admin)
    assert booked.status_code == 201, booked.text
    appointment_id = booked.json()["appointment"]["appointment_id"]
    cancel = await client.delete(
        f"/api/appointments/{appointment_id}", params={"reason": trojan}, headers=admin
    )
    assert is_error(cancel, 400)["details"][0]["field"] == "reason"


async def test_ordinary_text_in_any_script_is_accepted(
    client: httpx.AsyncClient, login: Login
) -> None:
    admin = await login(Role.admin)
    names = {"first_name": "José Ñúñez", "last_name": "محمد 李 Ørsted-O'Brien"}
    response = await client.post(
        "/api/patients", json=PATIENT | names | {"address": "Calle 5\nApt 2\tRear"}, headers=admin
    )
    assert response.status_code == 201, response.text
    assert response.json()["patient"]["last_name"] == names["last_name"]


def _request_models() -> list[type[BaseModel]]:
    import clinichub.app  # noqa: F401  (every router, so every schema, is imported)

    found: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [RequestModel]
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found[1:]


# Secrets are compared, never shown: any character may be part of one (NIST SP 800-63B 5.1.1.2).
# A login's email is only looked up (an unknown one is a 401 like a wrong password).
NOT_TEXT = {"password", "current_password", "new_password", "refresh_token", "LoginRequest.email"}


def test_every_text_field_of_every_request_body_refuses_hidden_characters() -> None:
    """A field added later without the shared text type fails here."""
    checked = []
    for model in _request_models():
        properties = model.model_json_schema()["properties"]
        for name, schema in properties.items():
            options = schema.get("anyOf", [schema])
            skipped = name in NOT_TEXT or f"{model.__name__}.{name}" in NOT_TEXT
            if skipped or not any(o.get("type") == "string" for o in options):
                continue
            with pytest.raises(ValidationError) as refused:
                model.model_validate({name: "Ana\u202eRivera"})
            fields = {error["loc"][0] for error in refused.value.errors() if error["loc"]}
            assert name in fields, f"{model.__name__}.{name} accepts U+202E"
            checked.append(f"{model.__name__}.{name}")
    assert "PatientCreate.last_name" in checked and "MedicalRecordCreate.diagnosis" in checked
