"""Schemathesis against a real server: every operation, as an admin, checked against openapi.json.

Each response must not be a 5xx, must have a declared status, the declared content type and a
body matching the declared schema. The stateful test follows the document's links (create a
patient, then read, update, archive it ...). A third test sends every operation hostile bodies
and headers that the document does not describe (see "Hostile requests"). The suite runs a short,
seeded profile; `make fuzz` sets CLINICHUB_FUZZ_EXAMPLES for a longer one.
"""

import json
import os
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import jwt
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import APIOperation, Case, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema
from sqlalchemy.ext.asyncio import AsyncEngine

from clinichub.models import User
from clinichub.vocabulary import Role
from tests.conftest import SeededRows, reset_database
from tests.kit import FAST_BCRYPT, PASSWORD, TEST_SECRET, LiveServer, running_server

EXAMPLES = int(os.environ.get("CLINICHUB_FUZZ_EXAMPLES", "4"))
DOCUMENT = json.loads((Path(__file__).resolve().parents[1] / "openapi.json").read_text())
OPERATION_IDS = [
    operation["operationId"] for item in DOCUMENT["paths"].values() for operation in item.values()
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The fuzzing admin gets an id that generated path parameters will not hit, so that no case
# deactivates or demotes it halfway through.
FUZZ_ADMIN_ID = 987_654_321
FUZZ_ADMIN_EMAIL = "fuzz.admin@clinic.test"
# Operations that end the caller's session or its siblings get a session of their own.
OWN_SESSION = {"auth_logout", "auth_change_password"}
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same cases on every run
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)


@pytest.fixture(scope="module")
async def fuzz_server(
    app: FastAPI,
    owner_engine: AsyncEngine,
    seeded_rows: SeededRows,
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[LiveServer]:
    async with app.state.sessionmaker() as db, db.begin():
        db.add(
            User(
                user_id=FUZZ_ADMIN_ID,
                email=FUZZ_ADMIN_EMAIL,
                password_hash=FAST_BCRYPT.hash(PASSWORD),
                first_name="Fuzz",
                last_name="Admin",
                role=Role.admin,
            )
        )
    try:
        async with running_server(
            database_url,
            tmp_path_factory.mktemp("fuzz"),
            # A long run must not outlive its token.
            CLINICHUB_ACCESS_TOKEN_MINUTES="600",
        ) as server:
            yield server
    finally:
        await reset_database(owner_engine, seeded_rows)


def _log_in(server: LiveServer) -> dict[str, str]:
    response = httpx.post(
        f"{server.base_url}/api/login",
        json={"email": FUZZ_ADMIN_EMAIL, "password": PASSWORD},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture(scope="module")
def admin_headers(fuzz_server: LiveServer) -> dict[str, str]:
    return _log_in(fuzz_server)


@pytest.fixture(scope="module")
def api_schema(fuzz_server: LiveServer) -> OpenApiSchema:
    return schemathesis.openapi.from_url(f"{fuzz_server.base_url}/openapi.json")


def _headers(case: Case[Any], server: LiveServer, admin: dict[str, str]) -> dict[str, str]:
    if case.operation.definition.raw.get("operationId") in OWN_SESSION:
        return _log_in(server)
    return admin


def _cases(operation: APIOperation[Any, Any, Any, Any]) -> st.SearchStrategy[Case[Any]]:
    """The document's own examples, valid input, and invalid input (which must be a 4xx)."""
    return st.one_of(
        *operation.get_strategies_from_examples(),
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_every_operation(
    operation_id: str,
    api_schema: OpenApiSchema,
    fuzz_server: LiveServer,
    admin_headers: dict[str, str],
) -> None:
    operation = api_schema.find_operation_by_id(operation_id)

    @FUZZ_SETTINGS
    @given(case=_cases(operation))
    def call(case: Case[Any]) -> None:
        case.call_and_validate(headers=_headers(case, fuzz_server, admin_headers), checks=CHECKS)

    try:
        call()
    except Exception as error:
        error.add_note(f"The server's log ends with:\n{fuzz_server.log[-4000:]}")
        raise


def test_linked_operations(
    api_schema: OpenApiSchema, fuzz_server: LiveServer, admin_headers: dict[str, str]
) -> None:
    base = api_schema.as_state_machine()

    class Workflow(base):  # type: ignore[valid-type,misc]
        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            return {"headers": _headers(case, fuzz_server, admin_headers)}

        def validate_response(self, response: Response, case: Case[Any], **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS)

    Workflow.run(
        settings=settings(
            FUZZ_SETTINGS,
            max_examples=max(EXAMPLES // 2, 2),
            stateful_step_count=6,
        )
    )


# --- Hostile requests -------------------------------------------------------------------------
# Not what the document describes, but what an attacker sends: bodies nested past any parser's
# reach, objects naming a key twice, numbers beyond every integer type, NUL, bidirectional
# overrides and lone surrogates in strings, wrong content types, and garbage in the headers the
# API reads (Authorization, Idempotency-Key, If-Match). Every answer must be a 4xx (or a 2xx)
# in the Error body: never a 5xx.

# 10 per operation in the suite (about half a minute in all); `make fuzz` runs 200.
HOSTILE_EXAMPLES = int(os.environ.get("CLINICHUB_HOSTILE_EXAMPLES", max(10, 2 * EXAMPLES)))
OPERATIONS = {
    operation["operationId"]: (method.upper(), path, operation)
    for path, item in DOCUMENT["paths"].items()
    for method, operation in item.items()
}
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
# Strings that are trouble for a database, a terminal or a reader: NUL and other controls,
# bidirectional overrides and isolates, zero-width characters, lone surrogates, astral planes.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(
        alphabet=st.sampled_from(
            "a\x00\x1b\n\u202e\u202a\u2066\u2069\u200b\u200d\u2060\ufeff\u00ad\ud800\udfff"
            "\U0001f600\U000e0041"
        ),
        max_size=12,
    ),
    st.sampled_from(["", " ", "null", "0", "-1", "1e309", "NaN", "'; DROP TABLE users; --"]),
)
HUGE_NUMBERS = st.sampled_from(
    [2**63, -(2**63) - 1, 2**64, 10**30, -(10**30), 1e308, -1e308, 0.1, 2**53 + 1]
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=3), st.dictionaries(HOSTILE_TEXT, children, max_size=3)
    )


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), HUGE_NUMBERS, HOSTILE_TEXT),
    _containers,
    max_leaves=8,
)
CONTENT_TYPES = st.sampled_from(
    [
        None,
        "application/json",
        "application/json; charset=utf-16",
        "application/merge-patch+json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "garbage",
    ]
)


def _property_names(operation: dict[str, Any]) -> list[str]:
    """The fields of an operation's JSON body, so that hostile values land on real fields."""
    content: dict[str, Any] = operation.get("requestBody", {}).get("content", {})
    media: dict[str, Any] = next(iter(content.values()), {})
    schema: dict[str, Any] = media.get("schema", {})
    if "$ref" in schema:
        schema = DOCUMENT["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return sorted(schema.get("properties", {})) or ["name"]


@st.composite
def _hostile_body(draw: st.DrawFn, fields: list[str]) -> bytes:
    field = draw(st.sampled_from(fields))
    kind = draw(st.sampled_from(["deep", "duplicate", "number", "json", "text", "bytes"]))
    if kind == "deep":
        depth = draw(st.sampled_from([33, 1_000, 100_000]))
        opener = draw(st.sampled_from([b"[", b'{"%s":' % field.encode()]))
        closer = b"]" if opener == b"[" else b"}"
        return opener * depth + b"1" + closer * depth
    if kind == "duplicate":
        first, second = draw(JSON_VALUES), draw(JSON_VALUES)
        pair = (json.dumps({field: first})[1:-1], json.dumps({field: second})[1:-1])
        return ("{" + ", ".join(pair) + "}").encode()
    if kind == "number":
        digits = draw(st.sampled_from(["1" + "0" * 5000, "1e999999", "-1e999999", "1" * 400]))
        return b'{"%s": %s}' % (field.encode(), digits.encode())
    if kind == "json":
        body = draw(st.dictionaries(st.sampled_from(fields), JSON_VALUES, max_size=len(fields)))
        return json.dumps(body).encode()
    if kind == "text":
        return json.dumps({field: draw(HOSTILE_TEXT)}).encode()
    return draw(st.binary(max_size=64))


def _authorization(valid: str) -> st.SearchStrategy[str | None]:
    now = datetime.now(UTC)

    def signed(sub: str) -> str:
        claims = {
            "sub": sub,
            "type": "access",
            "sid": str(uuid.uuid4()),
            "iat": now,
            "exp": now + timedelta(hours=1),
            "jti": "x",
        }
        return "Bearer " + jwt.encode(claims, TEST_SECRET, algorithm="HS256")

    return st.one_of(
        st.just(valid),
        st.just(valid),
        st.just(valid),
        st.none(),
        st.sampled_from(
            [
                "Bearer",
                "Bearer ",
                "Basic Zm9vOmJhcg==",
                "Bearer a.b.c",
                signed(str(2**64)),
                signed("-1"),
                signed("9" * 300),
                valid + "x",
            ]
        ),
        st.text(alphabet=PRINTABLE, max_size=60).map(lambda junk: f"Bearer {junk}"),
    )


def _path_value() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-3, max_value=50).map(str),
        st.sampled_from([str(2**63), str(2**64), "1e3", "0x10", "%00", "%E2%80%AE", "..%2F"]),
        st.text(alphabet=PRINTABLE, min_size=1, max_size=12).map(lambda s: quote(s, safe="")),
    )


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_hostile_requests_never_reach_a_500(
    operation_id: str, fuzz_server: LiveServer, admin_headers: dict[str, str]
) -> None:
    method, template, operation = OPERATIONS[operation_id]
    fields = _property_names(operation)
    query_names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
    path_names = re.findall(r"{(\w+)}", template)
    own_session = operation_id in OWN_SESSION

    @settings(FUZZ_SETTINGS, max_examples=HOSTILE_EXAMPLES)
    @given(
        body=st.one_of(st.none(), _hostile_body(fields)),
        content_type=CONTENT_TYPES,
        authorization=_authorization(admin_headers["Authorization"]),
        idempotency_key=st.one_of(
            st.none(),
            st.text(alphabet=PRINTABLE, max_size=300),
            st.sampled_from(["", " ", "k" * 256]),
        ),
        if_match=st.one_of(
            st.none(),
            st.text(alphabet=PRINTABLE, max_size=40),
            st.sampled_from(['"1"', "*", 'W/"1"', '"99999999999999999999"', ",,,", '"']),
        ),
        path_values=st.lists(_path_value(), min_size=len(path_names), max_size=len(path_names)),
        query=st.dictionaries(
            st.sampled_from(query_names or ["q"]),
            st.one_of(HOSTILE_TEXT, HUGE_NUMBERS.map(str)),
            max_size=3,
        ),
    )
    def call(
        body: bytes | None,
        content_type: str | None,
        authorization: str | None,
        idempotency_key: str | None,
        if_match: str | None,
        path_values: list[str],
        query: dict[str, str],
    ) -> None:
        url = template
        for name, value in zip(path_names, path_values, strict=True):
            url = url.replace(f"{{{name}}}", value)
        headers: dict[str, str] = {}
        if authorization is not None:
            valid = authorization == admin_headers["Authorization"]
            headers["Authorization"] = (
                _log_in(fuzz_server)["Authorization"] if valid and own_session else authorization
            )
        optional: dict[str, str | None] = {
            "Content-Type": content_type,
            "Idempotency-Key": idempotency_key,
            "If-Match": if_match,
        }
        headers |= {name: value for name, value in optional.items() if value is not None}
        # HTTP trims a header value's surrounding whitespace; a client may not send it.
        headers = {name: value.strip(" \t") for name, value in headers.items()}
        response = httpx.request(
            method,
            f"{fuzz_server.base_url}{url}",
            # Surrogates and NUL travel as the client sent them: percent-encoded bytes.
            params={k: v.encode("utf-8", "surrogatepass") for k, v in query.items()},
            content=body,
            headers=headers,
            timeout=30,
        )
        assert response.status_code < 500, (method, url, response.status_code, response.text)
        if response.status_code >= 400:
            error = response.json()
            assert isinstance(error.get("error"), str), response.text
            assert isinstance(error.get("code"), str), response.text

    try:
        call()
    except Exception as error:
        error.add_note(f"The server's log ends with:\n{fuzz_server.log[-4000:]}")
        raise
