"""Request bodies over 1 MiB (a document upload's: over its own limit) get 413 and JSON nested
deeper than 32 levels gets 400, before any handler parses them (OWASP API4:2023, unrestricted
resource consumption); a JSON object that names a key twice gets 400 `duplicate_key`.

The body is read here, counting the bytes as they arrive: a declared Content-Length over the
limit is refused without reading, and a chunked body without one is refused as soon as it passes
the limit. Python's JSON parser recurses once per level, so depth is checked first, by a scan that
does not recurse.

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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clinichub.asgi import HttpMiddleware
from clinichub.errors import AppError, BadRequest, ErrorCode, PayloadTooLarge
from clinichub.exception_handlers import error_response

MAX_BODY_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32
# An upload's form fields and multipart boundaries besides the file: a title of 200 characters,
# a kind, a plan id, part headers (a file name of a few hundred bytes).
UPLOAD_FORM_ALLOWANCE = 64 * 1024
_UPLOAD_PATH = re.compile(r"/api/patients/[^/]+/documents/?")


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


def _declared_length(headers: Headers) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


class RequestLimitsMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, *, upload_max_bytes: int = 10 * 1024 * 1024) -> None:
        super().__init__(app)
        self.upload_max_bytes = upload_max_bytes

    def _limit(self, scope: Scope) -> tuple[int, PayloadTooLarge]:
        if scope["method"] == "POST" and _UPLOAD_PATH.fullmatch(scope["path"]):
            return self.upload_max_bytes + UPLOAD_FORM_ALLOWANCE, PayloadTooLarge(
                f"Request body too large: a document is at most {self.upload_max_bytes} bytes",
                code=ErrorCode.document_too_large,
            )
        return MAX_BODY_BYTES, PayloadTooLarge(
            f"Request body too large: at most {MAX_BODY_BYTES} bytes (1 MiB)"
        )

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        limit, too_large = self._limit(scope)
        declared = _declared_length(headers)
        if declared is not None and declared > limit:
            await self._refuse(too_large, scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replaying([message], receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(too_large, scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        refusal = _refusal(body) if body and _is_json(headers) else None
        if refusal is not None:
            await self._refuse(refusal, scope, receive, send)
            return
        whole: Message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _replaying([whole], receive), send)

    @staticmethod
    async def _refuse(error: AppError, scope: Scope, receive: Receive, send: Send) -> None:
        await error_response(error)(scope, receive, send)


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


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    """A receive that first hands out `messages`, then waits on the real one (a disconnect)."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay
