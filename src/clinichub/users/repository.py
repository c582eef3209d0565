"""Queries on staff users."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.errors import Conflict
from clinichub.models import User
from clinichub.schemas import PageParams
from clinichub.users.schemas import UserCreate
from clinichub.vocabulary import Role

EMAIL_EXISTS = "Email already exists"


def like_pattern(term: str) -> str:
    """A case-insensitive substring pattern in which % and _ are literal."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def get_user(db: AsyncSession, user_id: int, *, lock: bool = False) -> User | None:
    """With `lock`, the row stays locked until the transaction ends: concurrent updates of one
    user run one after the other."""
    return await db.get(User, user_id, with_for_update=lock)


async def get_user_by_email(db: AsyncSession, email: str) -> User | None:
    return await db.scalar(select(User).where(User.email == email.lower()))


async def create_user(db: AsyncSession, data: UserCreate, password_hash: str) -> User:
    """Insert a staff user; a used email is a 409, also when two creates race."""
    if await get_user_by_email(db, data.email):
        raise Conflict(EMAIL_EXISTS, code="email_exists")
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
        raise Conflict(EMAIL_EXISTS, code="email_exists") from exc
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
    total = await db.scalar(select(func.count()).select_from(User).where(*conditions)) or 0
    users = await db.scalars(
        select(User)
        .where(*conditions)
        .order_by(User.last_name, User.first_name, User.user_id)
        .offset(page.offset)
        .limit(page.per_page)
    )
    return users.all(), total


async def lock_active_admins(db: AsyncSession) -> list[int]:
    """Ids of the active admins, locked: two demotions cannot both pass the last-admin check."""
    rows = await db.scalars(
        select(User.user_id).where(User.role == Role.admin, User.is_active).with_for_update()
    )
    return list(rows)
