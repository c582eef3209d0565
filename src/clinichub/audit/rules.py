"""The hash chain over audit events: pure functions, shared by the sealing job and verification.

Each seal is HMAC-SHA256, under the audit key, of the previous seal's hash, then each event of its
batch in canonical form, in id order. Changing, removing or inserting an event inside a sealed
batch changes the batch's hash; changing a seal breaks the link to the next one. The key is not in
the database, so someone who can write to it cannot compute a matching seal for what they changed
(a plain hash, anyone can).
"""

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class EventRecord:
    event_id: int
    occurred_at: datetime
    actor_user_id: int | None
    actor_role: str | None
    action: str
    resource_type: str
    resource_id: str | None
    patient_id: int | None
    outcome: str
    request_id: str | None
    ip: str | None
    user_agent: str | None


def canonical(event: EventRecord) -> bytes:
    return json.dumps(
        [
            event.event_id,
            event.occurred_at.astimezone(UTC).isoformat(),
            event.actor_user_id,
            event.actor_role,
            event.action,
            event.resource_type,
            event.resource_id,
            event.patient_id,
            event.outcome,
            event.request_id,
            event.ip,
            event.user_agent,
        ],
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode()


def seal_hash(key: bytes, previous_hash: str, events: Iterable[EventRecord]) -> str:
    digest = hmac.new(key, previous_hash.encode(), hashlib.sha256)
    for event in events:
        digest.update(b"\n")
        digest.update(canonical(event))
    return digest.hexdigest()
