"""The service's one ASGI middleware: what every HTTP request passes through before a route sees
it, in one layer rather than a stack of wrappers that each copy the request and the response.

In order, for each request:
1. the head's limits (`header_limits`): a 414 or 431 before anything reads the headers;
2. its id (`request_id`), in the request's state and in the log context;
3. its body, read whole and counted as it arrives, and its JSON checked (`request_limits`);
4. the app, run again when PostgreSQL aborted the transaction to break a deadlock or a
   serialization failure (`transient_retry`);
5. on the way out, the request id and the security headers (`security_headers`) on the
   response, and one access line (`logs`).
A refusal of steps 1 and 3 is answered like any other response: with the id, the headers, the
line, and CORS's headers when CORS is configured (it wraps the app and the refusals alike).
"""

import time
from collections.abc import Callable
from functools import partial

from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clinichub.errors import AppError
from clinichub.exception_handlers import error_response
from clinichub.header_limits import head_error, log_refusal
from clinichub.logs import log_access
from clinichub.request_id import current_request_id, request_id_of
from clinichub.request_limits import body_refusal, limit_for
from clinichub.security_headers import NONCE_STATE, headers_for
from clinichub.transient_retry import attempts

# CORS's answers expose these response headers to the other origin's scripts.
EXPOSED_HEADERS = ["X-Request-ID", "ETag", "Idempotent-Replayed", "Retry-After"]


def _no_cors(app: ASGIApp) -> ASGIApp:
    return app


class Edge:
    def __init__(
        self, app: ASGIApp, *, upload_max_bytes: int, cors_origins: list[str] | None = None
    ) -> None:
        self._with_cors: Callable[[ASGIApp], ASGIApp] = (
            partial(
                CORSMiddleware,
                allow_origins=cors_origins,
                allow_methods=["*"],
                allow_headers=["*"],
                expose_headers=EXPOSED_HEADERS,
            )
            if cors_origins
            else _no_cors
        )
        self.app = self._with_cors(app)
        self.upload_max_bytes = upload_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # the lifespan
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = request_id_of(scope["headers"])
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        context = current_request_id.set(request_id)
        status = 500  # unless a response starts: an unhandled error is a 500 further out

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["x-request-id"] = request_id
                # Read when the answer starts: a page makes its nonce while it is answered.
                for name, value in headers_for(scope["path"], state.get(NONCE_STATE)).items():
                    headers[name] = value
            await send(message)

        try:
            error = head_error(scope)
            if error is not None:
                log_refusal(error)
                await self._refuse(error, scope, receive, send_with_headers)
                return
            body = await self._read_body(scope, receive)
            if isinstance(body, AppError):
                await self._refuse(body, scope, receive, send_with_headers)
                return
            await attempts(self.app, scope, body, receive, send_with_headers)
        finally:
            log_access(scope, status, started)
            current_request_id.reset(context)

    async def _read_body(self, scope: Scope, receive: Receive) -> Message | AppError:
        """The whole body as one message (or the disconnect that cut it short), or the error
        that refuses it: counted as it arrives, so nothing over the limit is held whole."""
        limit, too_large = limit_for(scope, self.upload_max_bytes)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            return too_large
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return message
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return too_large
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        refusal = body_refusal(scope, body)
        return refusal or {"type": "http.request", "body": body, "more_body": False}

    async def _refuse(self, error: AppError, scope: Scope, receive: Receive, send: Send) -> None:
        await self._with_cors(error_response(error))(scope, receive, send)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
