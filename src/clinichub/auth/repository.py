"""Queries on login sessions."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.db.base import table_of
from clinichub.models import AuthSession, User
from clinichub.vocabulary import Role

# Every authenticated request runs this: built once, with bound parameters, in Core, for two
# columns (see table_of).
_users, _sessions = table_of(User), table_of(AuthSession)
_USER_FOR_SESSION = (
    select(_users.c.user_id, _users.c.role)
    .join_from(_users, _sessions, _sessions.c.user_id == _users.c.user_id)
    .where(
        _users.c.user_id == bindparam("user_id"),
        _users.c.is_active,
        _sessions.c.session_id == bindparam("session_id"),
        _sessions.c.revoked_at.is_(None),
        _sessions.c.expires_at > bindparam("now"),
    )
)


async def user_for_session(
    db: AsyncSession, *, user_id: int, session_id: uuid.UUID, now: datetime
) -> Row[int, Role] | None:
    """The id and role of the active user behind a live session: the one query every
    authenticated request makes."""
    result = await db.execute(
        _USER_FOR_SESSION, {"user_id": user_id, "session_id": session_id, "now": now}
    )
    return result.one_or_none()


async def session_for_update(db: AsyncSession, session_id: uuid.UUID) -> AuthSession | None:
    return await db.scalar(
        select(AuthSession).where(AuthSession.session_id == session_id).with_for_update()
    )


async def revoke_session(db: AsyncSession, session_id: uuid.UUID, now: datetime) -> None:
    await db.execute(
        update(AuthSession)
        .where(AuthSession.session_id == session_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def open_session(
    db: AsyncSession,
    *,
    user_id: int,
    now: datetime,
    lifetime: timedelta,
    user_agent: str | None,
    ip: str | None,
) -> AuthSession:
    """A new session of the user, in a token family of its own, written with the transaction."""
    session = AuthSession(
        session_id=uuid.uuid4(),
        user_id=user_id,
        token_family=uuid.uuid4(),
        expires_at=now + lifetime,
        user_agent=user_agent,
        ip=ip,
    )
    db.add(session)
    return session


def rotate(session: AuthSession, refresh_digest: str, now: datetime) -> None:
    """The session's current refresh token is now the one of `refresh_digest`: the one before
    stops working."""
    session.refresh_token_hash = refresh_digest
    session.last_used_at = now
