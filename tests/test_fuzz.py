"""Schemathesis against a real server: every operation, as an admin, checked against openapi.json.

Each response must not be a 5xx, must have a declared status, the declared content type and a
body matching the declared schema. The stateful test follows the document's links (create a
patient, then read, update, archive it ...). The suite runs a short, seeded profile;
`make fuzz` sets CLINICHUB_FUZZ_EXAMPLES for a longer one.
"""

import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
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

from clinichub.models import Role, User
from tests.conftest import FAST_BCRYPT, PASSWORD, SeededRows, reset_database
from tests.live_server import LiveServer, running_server

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
