"""Queries on staff users and their sessions."""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.db.repository import like_pattern, page_of_entities
from clinichub.errors import EMAIL_EXISTS
from clinichub.models import AuthSession, User
from clinichub.schemas import PageParams
from clinichub.users.schemas import UserCreate
from clinichub.vocabulary import Role


async def get_user(db: AsyncSession, user_id: int, *, lock: bool = False) -> User | None:
    """With `lock`, the row stays locked until the transaction ends: concurrent updates of one
    user run one after the other."""
    return await db.get(User, user_id, with_for_update=lock)


async def get_user_by_email(db: AsyncSession, email: str) -> User | None:
    return await db.scalar(select(User).where(User.email == email.lower()))


async def create_user(db: AsyncSession, data: UserCreate, password_hash: str) -> User:
    """Insert a staff user; a used email is a 409, also when two creates race."""
    if await get_user_by_email(db, data.email):
        raise EMAIL_EXISTS.error()
    user = User(
        email=data.email.lower(),
        password_hash=password_hash,
        first_name=data.first_name,
        last_name=data.last_name,
        phone=data.phone,
        role=data.role,
    )
    db.add(user)
    try:
        await db.flush()
    except IntegrityError as exc:
        raise EMAIL_EXISTS.error() from exc
    await db.refresh(user)
    return user


async def update_user(db: AsyncSession, user: User, changes: dict[str, Any]) -> User:
    """Apply `changes` (field: value) to `user` and read back what the database set (its
    version, its updated_at)."""
    for field, value in changes.items():
        setattr(user, field, value)
    await db.flush()
    await db.refresh(user)
    return user


async def list_users(
    db: AsyncSession,
    page: PageParams,
    *,
    role: Role | None = None,
    is_active: bool | None = None,
    search: str | None = None,
) -> tuple[Sequence[User], int]:
    conditions: list[ColumnElement[bool]] = []
    if role is not None:
        conditions.append(User.role == role)
    if is_active is not None:
        conditions.append(User.is_active == is_active)
    for term in (search or "").split():
        pattern = like_pattern(term)
        conditions.append(
            or_(
                User.first_name.ilike(pattern),
                User.last_name.ilike(pattern),
                User.email.ilike(pattern),
            )
        )
    return await page_of_entities(
        db,
        select(User).order_by(User.last_name, User.first_name, User.user_id),
        page,
        count_from=User,
        conditions=conditions,
    )


async def lock_active_admins(db: AsyncSession) -> list[int]:
    """Ids of the active admins, locked: two demotions cannot both pass the last-admin check."""
    rows = await db.scalars(
        select(User.user_id).where(User.role == Role.admin, User.is_active).with_for_update()
    )
    return list(rows)


async def revoke_user_sessions(
    db: AsyncSession, user_id: int, now: datetime, *, keep: uuid.UUID | None = None
) -> None:
    """End every live session of the user (but `keep`): their tokens stop working at once."""
    statement = update(AuthSession).where(
        AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)
    )
    if keep is not None:
        statement = statement.where(AuthSession.session_id != keep)
    await db.execute(statement.values(revoked_at=now))


def set_password_hash(user: User, password_hash: str) -> None:
    """The user's new password (its hash), written with the transaction."""
    user.password_hash = password_hash
