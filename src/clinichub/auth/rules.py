"""Rules of logging in and of sessions: pure decisions, of the stored values and the clock."""

from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Refresh(StrEnum):
    """What a refresh token presented for a session amounts to."""

    valid = "valid"
    # No such session for the token's user, or one revoked or expired.
    invalid = "invalid"
    # A live session whose current refresh token is another: this one was rotated away, and
    # whoever sends it again may have stolen it (RFC 9700 section 4.14.2).
    reused = "reused"


def session_is_live(*, revoked_at: datetime | None, expires_at: datetime, now: datetime) -> bool:
    """A session counts until it is revoked (logout, password change, theft) or expires."""
    return revoked_at is None and expires_at > now


class StoredSession(Protocol):
    """What the store holds of a session (a row of `auth_sessions`)."""

    @property
    def user_id(self) -> int: ...
    @property
    def revoked_at(self) -> datetime | None: ...
    @property
    def expires_at(self) -> datetime: ...
    @property
    def refresh_token_hash(self) -> str: ...


def refresh_of(
    session: StoredSession | None, *, token_user_id: int, presented_digest: str, now: datetime
) -> Refresh:
    """Whether a refresh token may be rotated: its session (None if there is none) must be the
    token's user's and live, and the token the session's current one (refresh tokens rotate)."""
    if session is None or session.user_id != token_user_id:
        return Refresh.invalid
    if not session_is_live(revoked_at=session.revoked_at, expires_at=session.expires_at, now=now):
        return Refresh.invalid
    if session.refresh_token_hash != presented_digest:
        return Refresh.reused
    return Refresh.valid


def login_accepted(*, password_ok: bool, is_active: bool) -> bool:
    """The right password of an active account. (An unknown email, a wrong password and an
    inactive account are all the same refusal.)"""
    return password_ok and is_active
