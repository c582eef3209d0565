"""Every response carries `X-Request-ID`: the client's own if it sent a sane one, else a new one.

Logs and audit events carry the same id, so one request can be followed end to end.
"""

import re
import uuid
from contextvars import ContextVar

HEADER = b"x-request-id"
_VALID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def request_id_of(headers: list[tuple[bytes, bytes]]) -> str:
    """The id a request's headers name, when it is sane; else a new one."""
    for name, value in headers:
        if name == HEADER:
            return value.decode("ascii") if _VALID.fullmatch(value) else uuid.uuid4().hex
    return uuid.uuid4().hex
