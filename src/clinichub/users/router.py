"""Staff accounts: admins create and manage them; all staff can look them up (provider pickers)."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response

from clinichub.auth.passwords import check_new_password, hash_password
from clinichub.auth.repository import revoke_user_sessions
from clinichub.errors import Conflict, NotFound
from clinichub.models import User
from clinichub.preconditions import ETAG_HEADER, check_if_match, etag
from clinichub.schemas import Pagination, error_responses
from clinichub.users import repository
from clinichub.users.schemas import (
    UserCreate,
    UserCreated,
    UserList,
    UserRead,
    UserUpdate,
    UserUpdated,
)
from clinichub.vocabulary import AuditAction, Role
from clinichub.web.dependencies import (
    AdminUser,
    AppSettings,
    Audited,
    CurrentUser,
    DbSession,
    IfMatch,
    Paging,
    PathId,
)
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(prefix="/api/users", tags=["users"], route_class=IdempotentRoute)


async def _get_or_404(db: DbSession, user_id: int, *, lock: bool = False) -> User:
    user = await repository.get_user(db, user_id, lock=lock)
    if user is None:
        raise NotFound("User not found")
    return user


@router.post(
    "",
    operation_id="users_create",
    summary="Create a staff user",
    status_code=201,
    response_model=UserCreated,
    responses=error_responses(400, 401, 403, 409) | IDEMPOTENT_RESPONSE,
)
async def create_user(
    body: UserCreate,
    _: AdminUser,
    audit: Audited,
    db: DbSession,
    settings: AppSettings,
    _key: Idempotent,
) -> UserCreated:
    """Admins only. The email is stored lower-cased and must be unused (409 otherwise). The
    password needs `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one
    of the 10,000 most common passwords or the email address (NIST SP 800-63B 5.1.1.2).
    Recorded in the audit trail, as is every change of a user."""
    event = audit.record(AuditAction.create, "user")
    check_new_password(
        body.password, email=body.email, min_length=settings.password_min_length, field="password"
    )
    user = await repository.create_user(db, body, await hash_password(body.password))
    event.resource_id = user.user_id
    return UserCreated(message="User created successfully", user=UserRead.model_validate(user))


@router.get(
    "",
    operation_id="users_list",
    summary="List staff users",
    response_model=UserList,
    responses=error_responses(400, 401),
)
async def list_users(
    _: CurrentUser,
    db: DbSession,
    paging: Paging,
    role: Role | None = None,
    is_active: bool | None = None,
    search: Annotated[
        str | None, Query(max_length=200, description="Words matched against name and email")
    ] = None,
) -> UserList:
    """All staff. Sorted by last name, first name. Filter by role to pick a provider."""
    users, total = await repository.list_users(
        db, paging, role=role, is_active=is_active, search=search
    )
    return UserList(
        users=[UserRead.model_validate(u) for u in users], pagination=Pagination.of(paging, total)
    )


@router.get(
    "/{user_id}",
    operation_id="users_get",
    summary="Get a staff user",
    response_model=UserRead,
    responses=error_responses(400, 401, 404) | ETAG_HEADER,
)
async def get_user(user_id: PathId, _: CurrentUser, db: DbSession, response: Response) -> UserRead:
    """All staff. The `ETag` header is the user's version, for `If-Match` on `PUT`."""
    user = await _get_or_404(db, user_id)
    response.headers["ETag"] = etag(user.version)
    return UserRead.model_validate(user)


@router.put(
    "/{user_id}",
    operation_id="users_update",
    summary="Update a staff user",
    response_model=UserUpdated,
    responses=error_responses(400, 401, 403, 404, 409, 412),
)
async def update_user(
    user_id: PathId,
    body: UserUpdate,
    _: AdminUser,
    audit: Audited,
    db: DbSession,
    if_match: IfMatch = None,
) -> UserUpdated:
    """Admins only: names, phone, role and is_active. Deactivating a user ends their sessions.
    The last active admin cannot be demoted or deactivated (409). With `If-Match`, a user
    changed since that version is a 412; every update increments `version`.

    Each field changed is an audit event of its own, `user.<field>` (`user.role`,
    `user.is_active`): who changed which field of whom, never the values."""
    event = audit.record(AuditAction.update, "user", user_id)
    user = await _get_or_404(db, user_id, lock=True)
    changes = body.model_dump(exclude_unset=True)
    audit.record_changes(
        event, [field for field, value in changes.items() if getattr(user, field) != value]
    )
    check_if_match(if_match, user.version)
    loses_admin = (
        user.role == Role.admin
        and user.is_active
        and (
            changes.get("role", Role.admin) != Role.admin or changes.get("is_active", True) is False
        )
    )
    if loses_admin and await repository.lock_active_admins(db) == [user.user_id]:
        raise Conflict("Cannot demote or deactivate the last active admin", code="last_admin")
    for field, value in changes.items():
        setattr(user, field, value)
    if changes.get("is_active") is False:
        await revoke_user_sessions(db, user.user_id, datetime.now(UTC))
    await db.flush()
    await db.refresh(user)
    return UserUpdated(message="User updated successfully", user=UserRead.model_validate(user))
