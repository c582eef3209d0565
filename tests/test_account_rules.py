"""The rules of sessions and accounts, without a database: when a refresh token may be rotated,
and when a change would remove the last active admin."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from clinichub.auth.rules import Refresh, login_accepted, refresh_of, session_is_live
from clinichub.users.rules import is_last_admin, loses_admin
from clinichub.vocabulary import Role

NOW = datetime(2026, 4, 15, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Session:
    user_id: int = 7
    revoked_at: datetime | None = None
    expires_at: datetime = NOW + timedelta(days=1)
    refresh_token_hash: str = "current"


def test_a_session_counts_until_it_is_revoked_or_expires() -> None:
    assert session_is_live(revoked_at=None, expires_at=NOW + timedelta(seconds=1), now=NOW)
    assert not session_is_live(revoked_at=None, expires_at=NOW, now=NOW)
    assert not session_is_live(revoked_at=NOW, expires_at=NOW + timedelta(days=1), now=NOW)


@pytest.mark.parametrize(
    ("session", "token_user_id", "digest", "expected"),
    [
        (Session(), 7, "current", Refresh.valid),
        (Session(), 7, "rotated away", Refresh.reused),
        (None, 7, "current", Refresh.invalid),
        (Session(), 8, "current", Refresh.invalid),
        (Session(revoked_at=NOW), 7, "rotated away", Refresh.invalid),
        (Session(expires_at=NOW), 7, "current", Refresh.invalid),
    ],
)
def test_a_refresh_token_rotates_only_as_its_sessions_current_one(
    session: Session | None, token_user_id: int, digest: str, expected: Refresh
) -> None:
    verdict = refresh_of(session, token_user_id=token_user_id, presented_digest=digest, now=NOW)
    assert verdict == expected


def test_a_login_needs_the_password_of_an_active_account() -> None:
    assert login_accepted(password_ok=True, is_active=True)
    assert not login_accepted(password_ok=False, is_active=True)
    assert not login_accepted(password_ok=True, is_active=False)


@pytest.mark.parametrize(
    ("role", "is_active", "changes", "expected"),
    [
        (Role.admin, True, {"role": Role.doctor}, True),
        (Role.admin, True, {"is_active": False}, True),
        (Role.admin, True, {"role": Role.admin, "first_name": "Ada"}, False),
        (Role.admin, False, {"role": Role.doctor}, False),
        (Role.doctor, True, {"is_active": False}, False),
    ],
)
def test_only_demoting_or_deactivating_an_active_admin_loses_one(
    role: Role, is_active: bool, changes: dict[str, object], expected: bool
) -> None:
    assert loses_admin(role=role, is_active=is_active, changes=changes) is expected


def test_the_last_active_admin_stays() -> None:
    assert is_last_admin(1, [1])
    assert not is_last_admin(1, [1, 2])
