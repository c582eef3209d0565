"""Request bodies over 1 MiB get 413 and JSON nested deeper than 32 levels gets 400, before any
handler parses them (OWASP API4:2023, unrestricted resource consumption).

The body is read here, counting the bytes as they arrive: a declared Content-Length over the
limit is refused without reading, and a chunked body without one is refused as soon as it passes
the limit. Python's JSON parser recurses once per level, so depth is checked first, by a scan that
does not recurse.
"""

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clinichub.errors import AppError, BadRequest, PayloadTooLarge
from clinichub.exception_handlers import error_response

MAX_BODY_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32


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


def _is_json(headers: Headers) -> bool:
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _declared_length(headers: Headers) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


class RequestLimitsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        too_large = PayloadTooLarge(
            f"Request body too large: at most {MAX_BODY_BYTES} bytes (1 MiB)"
        )
        declared = _declared_length(headers)
        if declared is not None and declared > MAX_BODY_BYTES:
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
            if size > MAX_BODY_BYTES:
                await self._refuse(too_large, scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if _is_json(headers) and json_depth(body) > MAX_JSON_DEPTH:
            nested = BadRequest(f"JSON nested too deep: at most {MAX_JSON_DEPTH} levels")
            await self._refuse(nested, scope, receive, send)
            return
        whole: Message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _replaying([whole], receive), send)

    @staticmethod
    async def _refuse(error: AppError, scope: Scope, receive: Receive, send: Send) -> None:
        await error_response(error)(scope, receive, send)


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    """A receive that first hands out `messages`, then waits on the real one (a disconnect)."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay
