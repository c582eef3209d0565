"""The OpenAPI contract: committed, valid OpenAPI 3.1, and exact in what clients rely on."""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from clinichub.cli import main
from clinichub.openapi import ERROR_REF, OWN_ERROR_BODIES, operations

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "openapi.json"
PUBLIC_OPERATIONS = {
    "auth_login",
    "auth_token",
    "auth_refresh",
    "auth_session_login",
    "health_check",
}
# The web app's session: the refresh token comes in a cookie, not as a bearer token; signing out
# also works without one (`{}`: no credentials at all).
COOKIE_OPERATIONS: dict[str, list[dict[str, list[str]]]] = {
    "auth_session_refresh": [{"refresh_cookie": []}],
    "auth_session_logout": [{"refresh_cookie": []}, {}],
}
METHODS = {"get", "put", "post", "delete", "patch"}
Document = dict[str, Any]


@pytest.fixture(scope="module")
async def served(app: FastAPI) -> Document:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/openapi.json")
    assert response.status_code == 200
    document: Document = response.json()
    return document


def _each_operation(document: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert method in METHODS, f"{path}: unexpected key {method}"
            yield path, method, operation


def test_the_committed_document_is_the_served_one(served: Document) -> None:
    committed = json.loads(COMMITTED.read_text())
    assert served == committed, (
        "openapi.json is stale: run `make openapi` (and `make clients`), review the diff and "
        "commit it with the change that caused it"
    )


def test_the_command_writes_the_committed_bytes(tmp_path: Path) -> None:
    main(["openapi", "--output", str(tmp_path / "openapi.json")])
    assert (tmp_path / "openapi.json").read_text() == COMMITTED.read_text()


def test_the_document_is_valid_openapi_3_1(served: Document) -> None:
    assert served["openapi"].startswith("3.1.")
    try:
        validate(served)
    except OpenAPIValidationError as error:  # pragma: no cover - the message is the point
        pytest.fail(f"invalid OpenAPI document: {error}")


def test_operation_ids_are_tag_underscore_action_and_unique(served: Document) -> None:
    seen: set[str] = set()
    for path, method, operation in _each_operation(served):
        operation_id = operation["operationId"]
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", operation_id), operation_id
        assert len(operation["tags"]) == 1, f"{method} {path} has tags {operation['tags']}"
        tag = operation["tags"][0]
        assert operation_id.startswith(f"{tag}_"), f"{operation_id} is not under tag {tag}"
        assert len(operation_id) > len(tag) + 1
        assert operation_id not in seen, f"duplicate operationId {operation_id}"
        seen.add(operation_id)
    assert {tag["name"] for tag in served["tags"]} >= {
        operation["tags"][0] for operation in operations(served)
    }


def test_every_operation_has_a_summary_and_a_description(served: Document) -> None:
    for path, method, operation in _each_operation(served):
        assert operation.get("summary", "").strip(), f"{method} {path} has no summary"
        assert operation.get("description", "").strip(), f"{method} {path} has no description"


def test_every_error_response_is_an_error_body(served: Document) -> None:
    for path, method, operation in _each_operation(served):
        assert "422" not in operation["responses"], f"{method} {path} declares FastAPI's 422"
        for status, response in operation["responses"].items():
            if not status.startswith(("4", "5")):
                continue
            schema = response["content"]["application/json"]["schema"]
            if operation["operationId"] in OWN_ERROR_BODIES:
                assert schema == {"$ref": "#/components/schemas/Health"}
                continue
            assert schema == {"$ref": ERROR_REF}, f"{method} {path} {status}: {schema}"
    for name in ("HTTPValidationError", "ValidationError"):
        assert name not in served["components"]["schemas"]


def test_statuses_every_caller_can_meet_are_declared(served: Document) -> None:
    for path, method, operation in _each_operation(served):
        responses = operation["responses"]
        if operation["operationId"] not in OWN_ERROR_BODIES:
            assert "500" in responses, f"{method} {path}"
        if operation["operationId"] not in PUBLIC_OPERATIONS and {} not in operation["security"]:
            assert "401" in responses, f"{method} {path}"
            header = responses["401"]["headers"]["WWW-Authenticate"]
            assert header["schema"]["type"] == "string"
        if any(parameter["in"] != "header" for parameter in operation.get("parameters", [])):
            assert "400" in responses, f"{method} {path} takes input but declares no 400"
        if "requestBody" in operation:
            assert "400" in responses, f"{method} {path} takes a body but declares no 400"


def test_public_operations_are_marked_and_the_others_need_a_token(served: Document) -> None:
    schemes = served["components"]["securitySchemes"]
    assert schemes["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["bearer"]["description"],
    }
    assert schemes["oauth2_password"]["flows"]["password"]["tokenUrl"] == "/api/token"
    assert schemes["refresh_cookie"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "clinichub_refresh",
        "description": schemes["refresh_cookie"]["description"],
    }
    for path, method, operation in _each_operation(served):
        if operation["operationId"] in COOKIE_OPERATIONS:
            assert operation["security"] == COOKIE_OPERATIONS[operation["operationId"]], path
        elif operation["operationId"] in PUBLIC_OPERATIONS:
            assert operation["security"] == [], f"{method} {path} must be public"
        else:
            assert operation["security"] == [{"bearer": []}, {"oauth2_password": []}], path


def _inline_enums(node: Any, where: str) -> Iterator[str]:
    if isinstance(node, dict):
        if "enum" in node:
            yield where
        for key, value in node.items():
            # Response headers are transport metadata, not types a client names.
            if key != "headers":
                yield from _inline_enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _inline_enums(value, f"{where}/{index}")


def test_enums_are_named_schemas(served: Document) -> None:
    """Generated clients turn a component enum into one named type; inline ones become
    anonymous literals, or nothing at all."""
    inline = list(_inline_enums(served["paths"], "#/paths"))
    for name, schema in served["components"]["schemas"].items():
        for key in ("properties", "items", "anyOf", "oneOf", "allOf"):
            inline += _inline_enums(schema.get(key), f"#/components/schemas/{name}/{key}")
    assert inline == []
    for name, schema in served["components"]["schemas"].items():
        if "enum" in schema:
            assert schema["type"] == "string", name
            assert schema.get("title") == name, name


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"].rsplit("/", 1)[-1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _reachable(served: Document, names: set[str]) -> set[str]:
    schemas = served["components"]["schemas"]
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(schemas[name]))
    return seen


def test_request_bodies_and_responses_use_separate_models(served: Document) -> None:
    requests: set[str] = set()
    responses: set[str] = set()
    for operation in operations(served):
        requests.update(_refs(operation.get("requestBody", {})))
        responses.update(_refs(operation["responses"]))
    in_responses = _reachable(served, responses)
    assert requests.isdisjoint(in_responses), requests & in_responses


def _media_types(served: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for operation in operations(served):
        operation_id = operation["operationId"]
        for media_type in operation.get("requestBody", {}).get("content", {}).values():
            yield operation_id, "request", media_type
        for status, response in operation["responses"].items():
            for media_type in response.get("content", {}).values():
                yield operation_id, status, media_type


def test_every_request_and_response_has_examples(served: Document) -> None:
    missing = [
        f"{operation_id} {where}"
        for operation_id, where, media_type in _media_types(served)
        if not media_type.get("examples")
    ]
    assert missing == []


def test_every_example_matches_its_schema(served: Document) -> None:
    components = served["components"]
    for operation_id, where, media_type in _media_types(served):
        validator = Draft202012Validator(
            {**media_type["schema"], "components": components},
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for name, example in media_type.get("examples", {}).items():
            errors = [error.message for error in validator.iter_errors(example["value"])]
            assert errors == [], f"{operation_id} {where} example {name!r}: {errors}"


def test_links_name_real_operations_and_parameters(served: Document) -> None:
    by_id = {operation["operationId"]: operation for operation in operations(served)}
    linked = 0
    for operation in operations(served):
        for response in operation["responses"].values():
            for link in response.get("links", {}).values():
                target = by_id[link["operationId"]]
                names = {parameter["name"] for parameter in target.get("parameters", [])}
                assert set(link["parameters"]) <= names, link
                linked += 1
    assert linked > 20


def _integer_bounds(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                if key in node:
                    yield key, node[key]
        for value in node.values():
            yield from _integer_bounds(value)
    elif isinstance(node, list):
        for value in node:
            yield from _integer_bounds(value)


def test_integer_bounds_are_integers_within_a_bigint(served: Document) -> None:
    bounds = list(_integer_bounds(served))
    assert bounds
    for key, value in bounds:
        assert type(value) is int, f"{key} {value!r} is not an integer"
        assert -(2**63) <= value <= 2**63 - 1, f"{key} {value} is outside a bigint"
