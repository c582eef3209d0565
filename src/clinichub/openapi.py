"""The OpenAPI document: FastAPI's, made exact for the clients generated from it.

FastAPI describes what the handlers declare. On top of that, this module says what every
operation really does at the edges: validation errors are 400s (never FastAPI's 422), any
operation can fail with a 500 `Error` or a 503 when the database stays busy, a 401 carries
`WWW-Authenticate` and a 429 or 503 `Retry-After`.
It adds examples taken from real use, and links that say which response field feeds which
operation's path parameter (clients and the stateful fuzzer follow them).
"""

from http import HTTPStatus
from types import ModuleType
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from clinichub import openapi_examples
from clinichub.audit import examples as audit_examples
from clinichub.auth import examples as auth_examples
from clinichub.billing import examples as billing_examples
from clinichub.clinic import examples as clinic_examples
from clinichub.clinical import examples as clinical_examples
from clinichub.documents import examples as documents_examples
from clinichub.errors import ErrorCode
from clinichub.openapi_examples import ERROR_EXAMPLES, Examples
from clinichub.patients import examples as patients_examples
from clinichub.scheduling import examples as scheduling_examples
from clinichub.schemas import MAX_ID
from clinichub.users import examples as users_examples

Document = dict[str, Any]

# The examples of the operations, by operation id: the shared module's and each domain's
# `examples` module (REQUEST_EXAMPLES, RESPONSE_EXAMPLES, OPERATION_ERROR_EXAMPLES), merged.
EXAMPLE_MODULES: tuple[ModuleType, ...] = (
    openapi_examples,
    auth_examples,
    clinic_examples,
    users_examples,
    patients_examples,
    audit_examples,
    clinical_examples,
    documents_examples,
    scheduling_examples,
    billing_examples,
)


def _merged(table: str) -> dict[str, Any]:
    return {
        operation_id: examples
        for module in EXAMPLE_MODULES
        for operation_id, examples in getattr(module, table, {}).items()
    }


REQUEST_EXAMPLES: dict[str, Examples] = _merged("REQUEST_EXAMPLES")
RESPONSE_EXAMPLES: dict[str, dict[str, Examples]] = _merged("RESPONSE_EXAMPLES")
OPERATION_ERROR_EXAMPLES: dict[str, dict[str, Examples]] = _merged("OPERATION_ERROR_EXAMPLES")
NOT_FOUND_BY_TAG: dict[str, Examples] = _merged("NOT_FOUND_BY_TAG")

ERROR_REF = "#/components/schemas/Error"
# Operations whose errors are not `Error` bodies: the health check answers 503 with its own.
OWN_ERROR_BODIES = {"health_check"}

_RETRY_AFTER = {
    "description": "Seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 1},
}
_HEADERS = {
    "401": {
        "WWW-Authenticate": {
            "description": "Always `Bearer`",
            "schema": {"type": "string", "examples": ["Bearer"]},
        }
    },
    "429": {"Retry-After": _RETRY_AFTER},
    "503": {"Retry-After": _RETRY_AFTER},
}

# (source operation, JSON pointer into its 2xx body, parameter name, target operations)
_LINKS: list[tuple[str, str, str, list[str]]] = [
    ("users_create", "/user/user_id", "user_id", ["users_get", "users_update"]),
    (
        "patients_create",
        "/patient/patient_id",
        "patient_id",
        [
            "patients_get",
            "patients_update",
            "patients_delete",
            "patients_get_plan",
            "patients_save_plan",
            "patients_list_plans",
            "patients_access_log",
            "documents_upload",
            "documents_list",
        ],
    ),
    (
        "appointments_create",
        "/appointment/appointment_id",
        "appointment_id",
        [
            "appointments_get",
            "appointments_update",
            "appointments_cancel",
            "charges_create",
            "charges_list_for_appointment",
        ],
    ),
    (
        "documents_upload",
        "/document/document_id",
        "document_id",
        ["documents_get", "documents_content", "documents_thumbnail", "documents_retire"],
    ),
    ("cpt_codes_create", "/cpt_code/code", "code", ["cpt_codes_update"]),
    ("charges_create", "/charge/cpt_record_id", "cpt_record_id", ["charges_delete"]),
    ("invoices_create", "/invoice/invoice_id", "invoice_id", ["invoices_get", "invoices_update"]),
    (
        "medical_records_create",
        "/record/medical_record_id",
        "medical_record_id",
        ["medical_records_get", "medical_records_update", "medical_records_history"],
    ),
]


def operations(document: Document) -> list[dict[str, Any]]:
    return [
        operation
        for path_item in document.get("paths", {}).values()
        for operation in path_item.values()
    ]


def build(app: FastAPI) -> Document:
    document = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for operation in operations(document):
        _complete_errors(operation)
        _add_examples(operation)
    _add_links(document)
    _integer_bounds(schemas)
    _binary_files(schemas)
    return document


def _binary_files(schemas: dict[str, Any]) -> None:
    """A file of a multipart form is, for OpenAPI 3.1, a string with a `contentMediaType`;
    `format: binary` says the same in the form that client generators read as a file (the
    generated Python client then sends it as a file, not as text)."""
    for schema in schemas.values():
        for field in schema.get("properties", {}).values():
            if field.get("type") == "string" and "contentMediaType" in field:
                field.setdefault("format", "binary")


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _integer_bounds(node: Any) -> None:
    """FastAPI's OpenAPI model holds bounds as floats: an integer's bounds become whole floats
    (`1.0`) and the largest id, 2**63 - 1, rounds up to 2**63, one above what the server accepts.
    Integers' bounds are written back as the integers they are."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for key in _BOUNDS:
                value = node.get(key)
                if isinstance(value, float):
                    node[key] = MAX_ID if value >= float(MAX_ID) else int(value)
        for value in node.values():
            _integer_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _integer_bounds(value)


def _complete_errors(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    # Invalid input is answered 400 with an `Error` (exception_handlers), never with a 422.
    responses.pop("422", None)
    if operation["operationId"] in OWN_ERROR_BODIES:
        return
    responses.setdefault(
        "500",
        {
            "description": "An unexpected error; `X-Request-ID` ties it to the server's log",
            "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
        },
    )
    responses.setdefault(
        "503",
        {
            "description": "The database stayed busy (deadlocks, a statement timeout) after the "
            "request was retried; nothing was changed",
            "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
        },
    )
    if "requestBody" in operation:
        # RequestLimits refuses a body over 1 MiB (an upload's over its own limit) before the
        # operation sees it.
        responses.setdefault(
            "413",
            {
                "description": "The request body is larger than 1 MiB",
                "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
            },
        )
    for status, response in responses.items():
        if status in _HEADERS:
            response.setdefault("headers", {}).update(_HEADERS[status])
        if status.startswith(("4", "5")):
            response["content"]["application/json"]["examples"] = _error_examples(operation, status)


def _error_examples(operation: dict[str, Any], status: str) -> dict[str, Any]:
    own = OPERATION_ERROR_EXAMPLES.get(operation["operationId"], {}).get(status)
    if own is not None:
        return own
    if status == "404":
        error = NOT_FOUND_BY_TAG[operation["tags"][0]]
        return {"not_found": {"summary": error["error"], "value": error}}
    if status in ERROR_EXAMPLES:
        return ERROR_EXAMPLES[status]
    # A status declared before its example was written: still an example of the right shape.
    phrase = HTTPStatus(int(status)).phrase
    return {"error": {"summary": phrase, "value": {"error": phrase, "code": ErrorCode.http_error}}}


def _add_examples(operation: dict[str, Any]) -> None:
    operation_id = operation["operationId"]
    if operation_id in REQUEST_EXAMPLES:
        content = operation["requestBody"]["content"]
        media_type = next(iter(content.values()))
        media_type["examples"] = REQUEST_EXAMPLES[operation_id]
    for status, examples in RESPONSE_EXAMPLES.get(operation_id, {}).items():
        operation["responses"][status]["content"]["application/json"]["examples"] = examples


def _add_links(document: Document) -> None:
    by_id = {operation["operationId"]: operation for operation in operations(document)}
    for source, pointer, parameter, targets in _LINKS:
        responses = by_id[source]["responses"]
        success = next(status for status in responses if status.startswith("2"))
        responses[success]["links"] = {
            target: {
                "operationId": target,
                "parameters": {parameter: f"$response.body#{pointer}"},
            }
            for target in targets
        }
