"""Idempotency-Key semantics (after Stripe's): pure decisions on what a retry gets.

The first request with a key runs; its response is stored, per user, for RETENTION and replayed
to a retry with the same key and the same request. The same key with another request is a 409
`idempotency_key_reuse`; a retry while the first still runs is a 409
`idempotency_key_in_progress`.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from clinichub.errors import Conflict, ErrorCode

# 1 to 255 printable ASCII characters (a UUID is the usual choice).
KEY_PATTERN = r"^[\x20-\x7E]{1,255}$"
RETENTION = timedelta(hours=24)
# A claim this old whose request never finished (its process died) may be taken over: no
# request runs this long (idle transactions end after 30 s).
ABANDONED_AFTER = timedelta(minutes=5)
# Not stored, so that a retry runs again: the caller was not let in (401, 403) or told to wait
# (429), or the server failed (5xx). A validation error before the handler ran is not stored
# either; a decision of the handler (another 4xx, such as a 409 double booking) is.
RETRYABLE = frozenset({401, 403, 429})


@dataclass(frozen=True)
class StoredKey:
    request_hash: str
    status_code: int | None
    response_body: bytes | None


@dataclass(frozen=True)
class Replay:
    status_code: int
    body: bytes


def request_fingerprint(method: str, path: str, body: bytes) -> str:
    """SHA-256 of the method, path and body; JSON bodies in canonical form, so that key order
    and whitespace do not make a retry a different request."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
    except (ValueError, RecursionError):
        # Not JSON, or a body whose content type is not JSON (so no depth check ran before)
        # nested too deep for the parser: compared byte for byte.
        canonical = body.decode("latin-1")
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


def is_stored(status_code: int) -> bool:
    return status_code < 500 and status_code not in RETRYABLE


def replay_for(stored: StoredKey | None, request_hash: str) -> Replay:
    """What a request gets for a key that is already claimed; a 409 when it gets nothing."""
    if stored is not None and stored.request_hash != request_hash:
        raise Conflict(
            "This Idempotency-Key was used for a different request",
            code=ErrorCode.idempotency_key_reuse,
        )
    if stored is None or stored.status_code is None or stored.response_body is None:
        raise Conflict(
            "A request with this Idempotency-Key is still in progress; retry later",
            code=ErrorCode.idempotency_key_in_progress,
        )
    return Replay(stored.status_code, stored.response_body)


MAX_ID = 2**63 - 1


def patient_named_in(body: bytes) -> int | None:
    """The patient a stored response is about, for the audit event of its replay: the
    `patient_id` of the response or of the resource it carries (`{"message", "<thing>": {...}}`)."""
    try:
        document = json.loads(body)
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    for candidate in (document, *document.values()):
        if isinstance(candidate, dict):
            value = candidate.get("patient_id")
            if type(value) is int and 1 <= value <= MAX_ID:
                return value
    return None
