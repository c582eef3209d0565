"""Requests whose transaction PostgreSQL aborted to resolve a deadlock (SQLSTATE 40P01) or a
serialization failure (40001) run again, a few times, after a random pause.

Such a request did nothing: its whole transaction was rolled back, so running it again is safe,
and the second run usually meets the winner's committed row and answers what it decides (a 409
for a slot just booked). When the failures persist the client gets a 503 with `Retry-After`,
never a 500. The error handler marks the response as retryable in the request's scope; the
service's middleware (`edge`), which sees the response before anyone else, drops it and runs the
request again with the body it read whole.
"""

import asyncio
import random

from starlette.types import ASGIApp, Message, Receive, Scope, Send

TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})
ATTEMPTS = 4
# The pause before attempt n (from 1) is random in [0, BASE_PAUSE * 2**n) seconds: requests that
# collided once are unlikely to collide again.
BASE_PAUSE = 0.01
_RETRYABLE = "clinichub.retryable"


def mark_retryable(scope: Scope) -> None:
    """Called by the error handler that answers a transient failure."""
    scope.setdefault("state", {})[_RETRYABLE] = True


async def attempts(app: ASGIApp, scope: Scope, body: Message, receive: Receive, send: Send) -> None:
    """Run the request (its whole `body` message) until an attempt is not retryable, or the last."""
    for attempt in range(1, ATTEMPTS):
        if not await _attempt(app, scope, body, receive, send, last=False):
            return
        await asyncio.sleep(random.uniform(0, BASE_PAUSE * 2**attempt))
    await _attempt(app, scope, body, receive, send, last=True)


async def _attempt(
    app: ASGIApp, scope: Scope, body: Message, receive: Receive, send: Send, *, last: bool
) -> bool:
    """Run the request once; True when its answer was dropped for another attempt."""
    unread = [body]
    dropped = False

    async def receive_again() -> Message:
        return unread.pop() if unread else await receive()

    async def send_unless_retried(message: Message) -> None:
        nonlocal dropped
        if message["type"] == "http.response.start":
            dropped = scope.get("state", {}).pop(_RETRYABLE, False) and not last
        if not dropped:
            await send(message)

    await app(scope, receive_again, send_unless_retried)
    return dropped
