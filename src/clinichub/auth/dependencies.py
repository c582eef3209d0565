"""Who is calling: the current user, loaded from the database on every request, and role checks.

The role comes from the `users` row, not from the token, so a deactivation or a role change acts
at once; the session row makes logout and refresh-token theft detection final.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer

from clinichub.audit.context import Audit, origin_of, record_denied
from clinichub.auth import repository
from clinichub.auth.tokens import InvalidToken, TokenType, decode_token
from clinichub.config import Settings
from clinichub.db.session import DbSession
from clinichub.errors import Forbidden, Unauthorized
from clinichub.models import Role

INVALID_TOKEN = "Invalid or expired token"

_bearer = HTTPBearer(
    auto_error=False, description="An access token from `POST /api/login`", scheme_name="bearer"
)
_oauth2 = OAuth2PasswordBearer(
    tokenUrl="/api/token",
    auto_error=False,
    scheme_name="oauth2_password",
    description="Log in with email (as username) and password; used by Swagger UI's Authorize",
)


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(_settings)]


@dataclass(frozen=True)
class Principal:
    user_id: int
    role: Role
    session_id: uuid.UUID


async def current_principal(
    request: Request,
    db: DbSession,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    _oauth2_token: Annotated[str | None, Security(_oauth2)],
) -> Principal:
    if credentials is None:
        raise Unauthorized("Authorization token is missing", code="token_missing")
    try:
        claims = decode_token(
            credentials.credentials,
            secret=request.app.state.secret_key,
            expected=TokenType.access,
        )
    except InvalidToken:
        raise Unauthorized(INVALID_TOKEN, code="invalid_token") from None
    user = await repository.user_for_session(
        db, user_id=claims.user_id, session_id=claims.session_id, now=datetime.now(UTC)
    )
    if user is None:
        raise Unauthorized(INVALID_TOKEN, code="invalid_token")
    return Principal(user_id=user.user_id, role=user.role, session_id=claims.session_id)


CurrentUser = Annotated[Principal, Depends(current_principal)]

ALL_STAFF = tuple(Role)


def require_roles(*roles: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that admits only the given roles (403 for the others)."""

    async def check(principal: CurrentUser, request: Request, db: DbSession) -> Principal:
        if principal.role not in roles:
            record_denied(db, request, principal.user_id, principal.role.value)
            raise Forbidden("Forbidden: insufficient permissions")
        return principal

    return check


AdminUser = Annotated[Principal, Depends(require_roles(Role.admin))]


async def _audit(principal: CurrentUser, request: Request, db: DbSession) -> Audit:
    return Audit(db, origin_of(request), principal.user_id, principal.role.value)


# Records who read or changed patient data, in the request's transaction.
Audited = Annotated[Audit, Depends(_audit)]
