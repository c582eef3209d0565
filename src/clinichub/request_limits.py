"""Request bodies over 1 MiB (a document upload's: over its own limit) get 413 and JSON nested
deeper than 32 levels gets 400, before any handler parses them (OWASP API4:2023, unrestricted
resource consumption); a JSON object that names a key twice gets 400 `duplicate_key`.

The body is read by the service's middleware (`edge`), counting the bytes as they arrive: a
declared Content-Length over the limit is refused without reading, and a chunked body without one
is refused as soon as it passes the limit. Python's JSON parser recurses once per level, so depth
is checked first, by a scan that does not recurse.

Duplicate keys: RFC 8259 leaves their meaning open, and parsers disagree (Python keeps the last,
others the first), so `{"role": "receptionist", "role": "admin"}` could pass a check that reads
one value and act on the other. Every JSON body the app parses passes through here first.

A document upload (`POST /api/patients/{id}/documents`, multipart) may be larger: the file's
limit (CLINICHUB_DOCUMENT_MAX_BYTES) plus room for the form's other fields and boundaries. It is
counted the same way, as it arrives, so a body that never ends is refused at the limit, before
it is held whole; the operation then checks the file itself against the exact limit.
"""

import email.message
import json
import re

from starlette.datastructures import Headers
from starlette.types import Scope

from clinichub.errors import AppError, BadRequest, ErrorCode, PayloadTooLarge

MAX_BODY_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32
# An upload's form fields and multipart boundaries besides the file: a title of 200 characters,
# a kind, a plan id, part headers (a file name of a few hundred bytes).
UPLOAD_FORM_ALLOWANCE = 64 * 1024
_UPLOAD_PATH = re.compile(r"/api/patients/[^/]+/documents/?")
_TOO_LARGE = PayloadTooLarge(f"Request body too large: at most {MAX_BODY_BYTES} bytes (1 MiB)")


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings are skipped, escapes
    included); malformed JSON is left for the parser to report."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return obj


def duplicate_key(body: bytes) -> str | None:
    """The first key that some object of a JSON text names twice, or None. Malformed JSON is
    left for the parser to report; call only on text whose depth is bounded."""
    try:
        json.loads(body, object_pairs_hook=_refuse_duplicates)
    except DuplicateKey as duplicate:
        return duplicate.key
    except ValueError:  # not JSON, or not UTF-8: the app's parser answers
        return None
    return None


def _is_json(headers: Headers) -> bool:
    """Whether the app parses this body as JSON: the same test as FastAPI's (an `application/json`
    or `application/*+json` content type), so that no JSON body escapes the checks here."""
    value = headers.get("content-type")
    if not value:
        return False
    message = email.message.Message()
    message["content-type"] = value
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def limit_for(scope: Scope, upload_max_bytes: int) -> tuple[int, PayloadTooLarge]:
    """The most a request's body may hold, and the error that refuses more."""
    if scope["method"] == "POST" and _UPLOAD_PATH.fullmatch(scope["path"]):
        return upload_max_bytes + UPLOAD_FORM_ALLOWANCE, PayloadTooLarge(
            f"Request body too large: a document is at most {upload_max_bytes} bytes",
            code=ErrorCode.document_too_large,
        )
    return MAX_BODY_BYTES, _TOO_LARGE


def body_refusal(scope: Scope, body: bytes) -> AppError | None:
    """The error that refuses a whole body, if any: JSON too deep or naming a key twice."""
    return _refusal(body) if body and _is_json(Headers(scope=scope)) else None


def _refusal(body: bytes) -> AppError | None:
    if json_depth(body) > MAX_JSON_DEPTH:
        return BadRequest(f"JSON nested too deep: at most {MAX_JSON_DEPTH} levels")
    key = duplicate_key(body)
    if key is not None:
        # The key is named, not its values: it is a field name of the API (or the client's).
        return BadRequest(
            "A JSON object names the same key twice",
            code=ErrorCode.duplicate_key,
            details=[{"field": key[:100], "message": "duplicate key"}],
        )
    return None
