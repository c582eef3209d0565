"""Queries on login sessions."""

import uuid
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.models import AuthSession, User

# Built once, with bound parameters: every authenticated request runs it, and building and
# keying a statement per call cost more CPU than PostgreSQL spends answering it.
_USER_FOR_SESSION = (
    select(User)
    .join(AuthSession, AuthSession.user_id == User.user_id)
    .where(
        User.user_id == bindparam("user_id"),
        User.is_active,
        AuthSession.session_id == bindparam("session_id"),
        AuthSession.revoked_at.is_(None),
        AuthSession.expires_at > bindparam("now"),
    )
)


async def user_for_session(
    db: AsyncSession, *, user_id: int, session_id: uuid.UUID, now: datetime
) -> User | None:
    """The active user behind a live session: the one query every authenticated request makes."""
    return await db.scalar(
        _USER_FOR_SESSION, {"user_id": user_id, "session_id": session_id, "now": now}
    )


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


async def revoke_user_sessions(
    db: AsyncSession, user_id: int, now: datetime, *, keep: uuid.UUID | None = None
) -> None:
    statement = update(AuthSession).where(
        AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)
    )
    if keep is not None:
        statement = statement.where(AuthSession.session_id != keep)
    await db.execute(statement.values(revoked_at=now))
