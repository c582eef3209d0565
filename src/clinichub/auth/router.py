"""Login, token refresh with rotation, logout, profile and password change."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.context import origin_of
from clinichub.audit.repository import new_event
from clinichub.auth import repository
from clinichub.auth.dependencies import INVALID_TOKEN, Audited, CurrentUser
from clinichub.auth.passwords import hash_password, verify_password
from clinichub.auth.schemas import (
    LoginRequest,
    LoginResponse,
    PasswordChange,
    ProfileResponse,
    ProtectedResponse,
    RefreshRequest,
    TokenResponse,
    UserSummary,
)
from clinichub.auth.tokens import InvalidToken, TokenType, decode_token, encode_token, token_digest
from clinichub.config import Settings
from clinichub.db.session import DbSession, on_failure
from clinichub.errors import BadRequest, Unauthorized
from clinichub.models import AuditAction, AuditOutcome, AuthSession, User
from clinichub.schemas import Message, error_responses
from clinichub.users.repository import get_user_by_email

router = APIRouter(prefix="/api", tags=["auth"])

INVALID_CREDENTIALS = "Invalid email or password"


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(_settings)]


def _issue_tokens(
    settings: Settings, user: User, session: AuthSession, now: datetime
) -> tuple[str, str]:
    secret = settings.require_secret()
    access = encode_token(
        token_type=TokenType.access,
        user_id=user.user_id,
        session_id=session.session_id,
        role=user.role.value,
        secret=secret,
        now=now,
        lifetime=timedelta(minutes=settings.access_token_minutes),
    )
    refresh = encode_token(
        token_type=TokenType.refresh,
        user_id=user.user_id,
        session_id=session.session_id,
        secret=secret,
        now=now,
        lifetime=timedelta(days=settings.refresh_token_days),
    )
    session.refresh_token_hash = token_digest(refresh)
    session.last_used_at = now
    return access, refresh


async def _login(
    db: AsyncSession, settings: Settings, request: Request, email: str, password: str
) -> LoginResponse:
    user = await get_user_by_email(db, email.strip())
    password_ok = await verify_password(password, user.password_hash if user else None)
    origin = origin_of(request)
    if user is None or not password_ok or not user.is_active:
        # The attempt is recorded without the password or the email that was tried.
        failed = new_event(
            origin,
            action=AuditAction.login_failed,
            outcome=AuditOutcome.failure,
            resource_type="auth",
            actor_user_id=user.user_id if user else None,
        )

        async def record_failure(db: AsyncSession) -> None:
            db.add(failed)

        on_failure(db, record_failure)
        raise Unauthorized(INVALID_CREDENTIALS, code="invalid_credentials")
    now = datetime.now(UTC)
    session = AuthSession(
        session_id=uuid.uuid4(),
        user_id=user.user_id,
        token_family=uuid.uuid4(),
        expires_at=now + timedelta(days=settings.refresh_token_days),
        user_agent=origin.user_agent,
        ip=origin.ip,
    )
    access, refresh = _issue_tokens(settings, user, session, now)
    db.add(session)
    db.add(
        new_event(
            origin,
            action=AuditAction.login,
            resource_type="auth_session",
            resource_id=session.session_id,
            actor_user_id=user.user_id,
            actor_role=user.role.value,
        )
    )
    return LoginResponse(
        message="Login successful",
        access_token=access,
        refresh_token=refresh,
        expires_in=settings.access_token_minutes * 60,
        user=UserSummary.model_validate(user),
    )


@router.post(
    "/login",
    operation_id="auth_login",
    summary="Log in",
    response_model=LoginResponse,
    responses=error_responses(400, 401),
    openapi_extra={"security": []},
)
async def login(
    body: LoginRequest, db: DbSession, settings: AppSettings, request: Request
) -> LoginResponse:
    """Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401."""
    return await _login(db, settings, request, body.email, body.password)


@router.post(
    "/token",
    operation_id="auth_token",
    summary="Log in with the OAuth2 password flow",
    response_model=LoginResponse,
    responses=error_responses(400, 401),
    openapi_extra={"security": []},
)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: DbSession,
    settings: AppSettings,
    request: Request,
) -> LoginResponse:
    """The OAuth2 password flow (RFC 6749 section 4.3) as a form: `username` is the email. This is
    what Swagger UI's Authorize button calls; programs use `POST /api/login`."""
    return await _login(db, settings, request, form.username, form.password)


@router.post(
    "/refresh",
    operation_id="auth_refresh",
    summary="Rotate the refresh token",
    response_model=TokenResponse,
    responses=error_responses(400, 401),
    openapi_extra={"security": []},
)
async def refresh(
    body: RefreshRequest, db: DbSession, settings: AppSettings, request: Request
) -> TokenResponse:
    """Exchange a refresh token for a new access token and a new refresh token. The one sent stops
    working; sending it again is treated as token theft and ends the whole session (RFC 9700
    section 4.14.2)."""
    try:
        claims = decode_token(
            body.refresh_token, secret=settings.require_secret(), expected=TokenType.refresh
        )
    except InvalidToken:
        raise Unauthorized(INVALID_TOKEN, code="invalid_token") from None
    now = datetime.now(UTC)
    session = await repository.session_for_update(db, claims.session_id)
    if (
        session is None
        or session.user_id != claims.user_id
        or session.revoked_at is not None
        or session.expires_at <= now
    ):
        raise Unauthorized(INVALID_TOKEN, code="invalid_token")
    if session.refresh_token_hash != token_digest(body.refresh_token):
        reuse = new_event(
            origin_of(request),
            action=AuditAction.token_reuse,
            outcome=AuditOutcome.denied,
            resource_type="auth_session",
            resource_id=session.session_id,
            actor_user_id=session.user_id,
        )
        session_id = session.session_id

        async def revoke(db: AsyncSession) -> None:
            await repository.revoke_session(db, session_id, now)
            db.add(reuse)

        on_failure(db, revoke)
        raise Unauthorized(INVALID_TOKEN, code="token_reused")
    user = await db.get(User, session.user_id)
    if user is None or not user.is_active:
        raise Unauthorized(INVALID_TOKEN, code="invalid_token")
    access, new_refresh = _issue_tokens(settings, user, session, now)
    return TokenResponse(
        message="Token refreshed",
        access_token=access,
        refresh_token=new_refresh,
        expires_in=settings.access_token_minutes * 60,
    )


@router.post(
    "/logout",
    operation_id="auth_logout",
    summary="Log out",
    response_model=Message,
    responses=error_responses(401),
)
async def logout(principal: CurrentUser, audit: Audited, db: DbSession) -> Message:
    """End the caller's session: its access token and its refresh token stop working at once."""
    await repository.revoke_session(db, principal.session_id, datetime.now(UTC))
    audit.record(AuditAction.logout, "auth_session", principal.session_id)
    return Message(message="Logged out successfully")


@router.get(
    "/profile",
    operation_id="auth_profile",
    summary="The caller's profile",
    response_model=ProfileResponse,
    responses=error_responses(401),
)
async def profile(principal: CurrentUser) -> ProfileResponse:
    """The authenticated user's identity and role."""
    return ProfileResponse.model_validate(principal.user)


@router.put(
    "/profile/password",
    operation_id="auth_change_password",
    summary="Change the caller's password",
    response_model=Message,
    responses=error_responses(400, 401),
)
async def change_password(body: PasswordChange, principal: CurrentUser, db: DbSession) -> Message:
    """Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401."""
    if not await verify_password(body.current_password, principal.user.password_hash):
        raise BadRequest("Current password is incorrect", code="invalid_current_password")
    principal.user.password_hash = await hash_password(body.new_password)
    await repository.revoke_user_sessions(
        db, principal.user_id, datetime.now(UTC), keep=principal.session_id
    )
    return Message(message="Password changed successfully")


@router.get(
    "/protected",
    operation_id="auth_protected",
    summary="Check a token",
    response_model=ProtectedResponse,
    responses=error_responses(401),
)
async def protected(principal: CurrentUser) -> ProtectedResponse:
    """Answers 200 for any valid access token: a quick way for a client to check its token."""
    return ProtectedResponse(user_id=principal.user_id, role=principal.role)
