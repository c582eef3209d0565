"""The use cases of staff accounts: create (from the API and from `clinichub create-user`), list,
read and update, with their audit events."""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import Audit
from clinichub.audit.repository import Origin, event_values, insert_events
from clinichub.db.repository import found
from clinichub.models import User
from clinichub.preconditions import check_if_match
from clinichub.schemas import PageParams, Pagination
from clinichub.users import repository
from clinichub.users.errors import LAST_ADMIN, USER_NOT_FOUND
from clinichub.users.passwords import check_new_password, hash_password
from clinichub.users.rules import is_last_admin, loses_admin
from clinichub.users.schemas import UserCreate, UserList, UserRead, UserUpdate
from clinichub.vocabulary import AuditAction, AuditResource, Role

# Who made a user from the command line: no caller to name, the event says the command did.
COMMAND_LINE = Origin(request_id=None, ip=None, user_agent="clinichub create-user")


async def create_user(
    db: AsyncSession, body: UserCreate, *, password_min_length: int, audit: Audit | None = None
) -> User:
    """A new staff user, audited: with the caller's `audit` trail from the API, or, from the
    command line, as an event of the command in the same transaction."""
    event = audit.record(AuditAction.create, AuditResource.user) if audit is not None else None
    check_new_password(
        body.password, email=body.email, min_length=password_min_length, field="password"
    )
    user = await repository.create_user(db, body, await hash_password(body.password))
    if event is not None:
        event.resource_id = user.user_id
    else:
        await insert_events(
            db,
            [
                event_values(
                    COMMAND_LINE,
                    action=AuditAction.create,
                    resource_type=AuditResource.user,
                    resource_id=user.user_id,
                )
            ],
        )
    return user


async def list_users(
    db: AsyncSession,
    page: PageParams,
    *,
    role: Role | None,
    is_active: bool | None,
    search: str | None,
) -> UserList:
    users, total = await repository.list_users(
        db, page, role=role, is_active=is_active, search=search
    )
    return UserList(
        users=[UserRead.model_validate(u) for u in users], pagination=Pagination.of(page, total)
    )


async def get_user(db: AsyncSession, user_id: int, *, lock: bool = False) -> User:
    """The user, or 404."""
    return found(await repository.get_user(db, user_id, lock=lock), USER_NOT_FOUND)


async def update_user(
    db: AsyncSession, audit: Audit, user_id: int, body: UserUpdate, if_match: str | None
) -> User:
    """Change the fields sent; each field changed is an audit event of its own. Deactivating a
    user ends their sessions; the last active admin stays."""
    event = audit.record(AuditAction.update, AuditResource.user, user_id)
    user = await get_user(db, user_id, lock=True)
    changes = body.model_dump(exclude_unset=True)
    audit.record_changes(
        event, [field for field, value in changes.items() if getattr(user, field) != value]
    )
    check_if_match(if_match, user.version)
    if loses_admin(role=user.role, is_active=user.is_active, changes=changes) and is_last_admin(
        user.user_id, await repository.lock_active_admins(db)
    ):
        raise LAST_ADMIN.error()
    user = await repository.update_user(db, user, changes)
    if changes.get("is_active") is False:
        await repository.revoke_user_sessions(db, user.user_id, datetime.now(UTC))
    return user
