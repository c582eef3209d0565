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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

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


# --- Verification: which seal is broken, and why ----------------------------------------------

BROKEN_LINK = "The seal does not link to the previous seal"
WRONG_COUNT = "Events were added to or removed from the sealed range"
WRONG_HASH = "An event in the sealed range was altered, or the seal was not made with this key"
HEAD_MISSING = "The anchored head is no longer in the chain: seals were removed or replaced"


class Seal(Protocol):
    """A seal as verification reads it (an `audit_seals` row)."""

    seal_id: int
    first_event_id: int
    last_event_id: int
    event_count: int
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class Verification:
    valid: bool
    events_checked: int
    seals_checked: int
    broken_seal_id: int | None = None
    reason: str | None = None


def parse_head(head: str) -> tuple[int, str]:
    """A head as `GET /api/audit/head` gives it (`<seal_id>:<hash>`): the seal's id and hash."""
    seal_id, hash_ = head.split(":")
    return int(seal_id), hash_


def seal_fault(
    key: bytes,
    seal: Seal,
    events: Sequence[EventRecord],
    *,
    previous_hash: str,
    expected_first: int,
) -> str | None:
    """Why `seal` is broken, given the events of its range and the seal before it; None when it
    holds."""
    if seal.previous_hash != previous_hash or seal.first_event_id != expected_first:
        return BROKEN_LINK
    if len(events) != seal.event_count:
        return WRONG_COUNT
    if seal_hash(key, previous_hash, events) != seal.hash:
        return WRONG_HASH
    return None


@dataclass
class ChainCheck:
    """The verification of a chain, fed its seals in id order with the events each covers. With
    `head` (a seal's id and hash taken earlier, kept outside the database), the chain must still
    hold that seal: removing the newest seals together with their events is detected."""

    key: bytes
    head: tuple[int, str] | None = None
    previous_hash: str = GENESIS_HASH
    expected_first: int = 1
    events_checked: int = 0
    seals_checked: int = 0
    head_found: bool = False

    def add(self, seal: Seal, events: Sequence[EventRecord]) -> Verification | None:
        """Check the next seal: the verdict when it is broken, else None."""
        self.events_checked += len(events)
        reason = seal_fault(
            self.key,
            seal,
            events,
            previous_hash=self.previous_hash,
            expected_first=self.expected_first,
        )
        if reason:
            return Verification(
                False, self.events_checked, self.seals_checked, seal.seal_id, reason
            )
        self.seals_checked += 1
        self.previous_hash = seal.hash
        self.expected_first = seal.last_event_id + 1
        self.head_found = self.head_found or self.head == (seal.seal_id, seal.hash)
        return None

    def verdict(self) -> Verification:
        """The verdict once every seal has been added without a break."""
        if self.head is not None and not self.head_found:
            return Verification(
                False, self.events_checked, self.seals_checked, self.head[0], HEAD_MISSING
            )
        return Verification(True, self.events_checked, self.seals_checked)
