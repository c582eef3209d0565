"""Staff accounts: admins create and manage them; all staff can look them up (provider pickers)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from clinichub.preconditions import ETAG_HEADER
from clinichub.schemas import error_responses
from clinichub.users import service
from clinichub.users.schemas import (
    UserCreate,
    UserCreated,
    UserList,
    UserRead,
    UserUpdate,
    UserUpdated,
)
from clinichub.vocabulary import Role
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
from clinichub.web.etag import tagged
from clinichub.web.idempotency import IDEMPOTENT_RESPONSE, Idempotent, IdempotentRoute

router = APIRouter(prefix="/api/users", tags=["users"], route_class=IdempotentRoute)


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
    user = await service.create_user(
        db, body, password_min_length=settings.password_min_length, audit=audit
    )
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
    return await service.list_users(db, paging, role=role, is_active=is_active, search=search)


@router.get(
    "/{user_id}",
    operation_id="users_get",
    summary="Get a staff user",
    response_model=UserRead,
    responses=error_responses(400, 401, 404) | ETAG_HEADER,
)
async def get_user(user_id: PathId, _: CurrentUser, db: DbSession, response: Response) -> UserRead:
    """All staff. The `ETag` header is the user's version, for `If-Match` on `PUT`."""
    return UserRead.model_validate(tagged(response, await service.get_user(db, user_id)))


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
    user = await service.update_user(db, audit, user_id, body, if_match)
    return UserUpdated(message="User updated successfully", user=UserRead.model_validate(user))
