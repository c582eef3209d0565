"""Login, token refresh with rotation, logout, profile and password change."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.audit.repository import new_event
from clinichub.auth import repository
from clinichub.auth.passwords import check_new_password, hash_password, verify_password
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
from clinichub.db.session import on_failure
from clinichub.errors import BadRequest, TooManyRequests, Unauthorized
from clinichub.models import AuditEvent, AuthSession, User
from clinichub.schemas import Message, error_responses
from clinichub.throttling import repository as throttling
from clinichub.throttling.rules import (
    check_limit,
    client_subject,
    counter_key,
    seconds_until_reset,
)
from clinichub.users.repository import get_user, get_user_by_email
from clinichub.vocabulary import AuditAction, AuditOutcome
from clinichub.web.dependencies import (
    INVALID_TOKEN,
    AppSettings,
    Audited,
    CurrentUser,
    DbSession,
    Principal,
    origin_of,
    side_sessionmaker,
)

router = APIRouter(prefix="/api", tags=["auth"])

INVALID_CREDENTIALS = "Invalid email or password"
TOO_MANY_ATTEMPTS = "Too many login attempts"
TOO_MANY_PASSWORD_ATTEMPTS = "Too many password attempts"
REFRESH_WINDOW = timedelta(minutes=1)


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


@dataclass(frozen=True)
class LoginAttempt:
    """The counters a login attempt was counted in, whether it is refused, and which limits its
    failure reaches (each is audited once, as a lock)."""

    account_keys: tuple[str, ...]
    ip_key: str
    locks: tuple[str, ...]
    refusal: TooManyRequests | None


async def _count_attempt(
    request: Request, settings: Settings, email: str, ip: str | None, *, message: str
) -> LoginAttempt:
    """Count the attempt before the password is checked, in a transaction of its own: concurrent
    guesses (on any server process) each see the ones before them, and the counts survive the
    failed attempt's rollback. Past a limit the attempt is refused whatever the password, so the
    answer tells nothing about it (RFC 9700 4.3.1, NIST SP 800-63B 5.2.2). Accounts are counted
    by the email tried, whether or not it exists.

    Three counters, in this order: the client address (a spray across accounts), the account
    from that address (a guesser: `CLINICHUB_LOGIN_MAX_FAILURES`), and the account from every
    address (`CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`, the NIST ceiling of 100). Guesses from
    other addresses therefore never lock the owner out at the owner's, short of the ceiling. An
    attempt refused by one counter is not counted by the next: a refused address does not use
    up the accounts it tries, nor one address the account's ceiling."""
    secret = settings.require_secret()
    window = timedelta(seconds=settings.login_window_seconds)
    account = email.strip().lower()
    client = client_subject(ip)
    ip_key = counter_key("login_ip", client, secret)
    address_key = counter_key("login_account_address", f"{account}\0{client}", secret)
    account_key = counter_key("login_account", account, secret)
    limits = (
        ("ip", ip_key, settings.login_ip_max_failures),
        ("account_address", address_key, settings.login_max_failures),
        ("account", account_key, settings.login_account_max_failures),
    )
    locks: list[str] = []
    refusal = None
    async with side_sessionmaker(request)() as side, side.begin():
        for scope, key, max_hits in limits:
            count = await throttling.hit(side, key, window)
            if count.hits > max_hits:
                refusal = TooManyRequests(message, retry_after=seconds_until_reset(count, window))
                break
            if count.hits == max_hits:
                locks.append(scope)
    return LoginAttempt(
        account_keys=(address_key, account_key),
        ip_key=ip_key,
        locks=tuple(locks),
        refusal=refusal,
    )


async def _forget_failures(db: AsyncSession, attempt: LoginAttempt) -> None:
    """The right password ends the run of failures for the account (NIST SP 800-63B 5.2.2 counts
    consecutive ones); for the address, it only takes back its own attempt (an attacker's one
    good account must not hide a spray)."""
    for key in attempt.account_keys:
        await throttling.reset(db, key)
    await throttling.take_back(db, attempt.ip_key)


async def _login(
    db: AsyncSession, settings: Settings, request: Request, email: str, password: str
) -> LoginResponse:
    origin = origin_of(request)
    attempt = await _count_attempt(request, settings, email, origin.ip, message=TOO_MANY_ATTEMPTS)
    if attempt.refusal is not None:
        raise attempt.refusal
    # Read in a short transaction of its own: no connection of the request pool waits on bcrypt
    # (a quarter of a second, longer while logins queue for its threads).
    async with side_sessionmaker(request)() as side:
        user = await get_user_by_email(side, email.strip())
    password_ok = await verify_password(password, user.password_hash if user else None)
    if user is None or not password_ok or not user.is_active:
        # The attempt is recorded without the password or the email that was tried; the failure
        # that reaches a limit also records the lock.
        events = [
            new_event(
                origin,
                action=AuditAction.login_failed,
                outcome=AuditOutcome.failure,
                resource_type="auth",
                actor_user_id=user.user_id if user else None,
            ),
            *(
                new_event(
                    origin,
                    action=AuditAction.login_locked,
                    outcome=AuditOutcome.denied,
                    resource_type="auth",
                    resource_id=scope,
                    actor_user_id=user.user_id if user else None,
                )
                for scope in attempt.locks
            ),
        ]

        async def record_failure(db: AsyncSession) -> None:
            db.add_all(events)

        on_failure(db, record_failure)
        raise Unauthorized(INVALID_CREDENTIALS, code="invalid_credentials")
    await _forget_failures(db, attempt)
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
    responses=error_responses(400, 401, 429),
    openapi_extra={"security": []},
)
async def login(
    body: LoginRequest, db: DbSession, settings: AppSettings, request: Request
) -> LoginResponse:
    """Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401.

    After `CLINICHUB_LOGIN_MAX_FAILURES` (10) failed attempts for an email from one client
    address in `CLINICHUB_LOGIN_WINDOW_SECONDS` (15 minutes), `CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`
    (100) for an email from all addresses, or `CLINICHUB_LOGIN_IP_MAX_FAILURES` (100) from one
    client address, further attempts get 429 `rate_limited` with `Retry-After` until the window
    ends, even with the right password; failures from other addresses do not lock the owner out
    below the account's ceiling. A successful login resets the email's counts."""
    return await _login(db, settings, request, body.email, body.password)


@router.post(
    "/token",
    operation_id="auth_token",
    summary="Log in with the OAuth2 password flow",
    response_model=LoginResponse,
    responses=error_responses(400, 401, 429),
    openapi_extra={"security": []},
)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: DbSession,
    settings: AppSettings,
    request: Request,
) -> LoginResponse:
    """The OAuth2 password flow (RFC 6749 section 4.3) as a form: `username` is the email. This is
    what Swagger UI's Authorize button calls; programs use `POST /api/login`. Limited like
    `POST /api/login`, with the same counters."""
    return await _login(db, settings, request, form.username, form.password)


@router.post(
    "/refresh",
    operation_id="auth_refresh",
    summary="Rotate the refresh token",
    response_model=TokenResponse,
    responses=error_responses(400, 401, 429),
    openapi_extra={"security": []},
)
async def refresh(
    body: RefreshRequest, db: DbSession, settings: AppSettings, request: Request
) -> TokenResponse:
    """Exchange a refresh token for a new access token and a new refresh token. The one sent stops
    working; sending it again is treated as token theft and ends the whole session (RFC 9700
    section 4.14.2). At most `CLINICHUB_REFRESH_MAX_PER_MINUTE` (30) refreshes per session and
    minute; more get 429 with `Retry-After`."""
    secret = settings.require_secret()
    try:
        claims = decode_token(body.refresh_token, secret=secret, expected=TokenType.refresh)
    except InvalidToken:
        raise Unauthorized(INVALID_TOKEN, code="invalid_token") from None
    # Counted in a transaction of its own, so that refused and failed refreshes count too.
    async with side_sessionmaker(request)() as side, side.begin():
        count = await throttling.hit(
            side, counter_key("refresh_session", str(claims.session_id), secret), REFRESH_WINDOW
        )
    check_limit(
        count,
        max_hits=settings.refresh_max_per_minute,
        window=REFRESH_WINDOW,
        message="Too many token refreshes",
    )
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


async def _caller(db: AsyncSession, principal: Principal) -> User:
    """The caller's account (the per-request check reads only its id and role)."""
    user = await get_user(db, principal.user_id)
    if user is None:  # removed since the check, in this same transaction: never in practice
        raise Unauthorized(INVALID_TOKEN, code="invalid_token")
    return user


@router.get(
    "/profile",
    operation_id="auth_profile",
    summary="The caller's profile",
    response_model=ProfileResponse,
    responses=error_responses(401),
)
async def profile(principal: CurrentUser, db: DbSession) -> ProfileResponse:
    """The authenticated user's identity and role."""
    return ProfileResponse.model_validate(await _caller(db, principal))


@router.put(
    "/profile/password",
    operation_id="auth_change_password",
    summary="Change the caller's password",
    response_model=Message,
    responses=error_responses(400, 401, 429),
)
async def change_password(
    body: PasswordChange,
    principal: CurrentUser,
    db: DbSession,
    settings: AppSettings,
    request: Request,
) -> Message:
    """Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401. The new password needs
    `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one of the 10,000
    most common passwords or the email address (NIST SP 800-63B 5.1.1.2).

    The current password is checked like a login, with the same counters: a wrong one counts as
    a failed login of the account from the caller's address, and past the login limits the answer
    is 429 `rate_limited` with `Retry-After` and the caller's session is ended (a stolen token
    cannot be used to guess the password). Every attempt is audited, never with a password."""
    user = await _caller(db, principal)
    origin = origin_of(request)

    def event(
        action: AuditAction, outcome: AuditOutcome, resource_type: str, resource_id: object
    ) -> AuditEvent:
        return new_event(
            origin,
            action=action,
            outcome=outcome,
            resource_type=resource_type,
            resource_id=resource_id,
            actor_user_id=user.user_id,
            actor_role=principal.role.value,
        )

    # What a failure records (after the rollback); the checks below say which failure it was.
    failures = [event(AuditAction.update, AuditOutcome.failure, "password", user.user_id)]

    async def record_failure(db: AsyncSession) -> None:
        db.add_all(failures)

    on_failure(db, record_failure)
    check_new_password(
        body.new_password,
        email=user.email,
        min_length=settings.password_min_length,
        field="new_password",
    )
    attempt = await _count_attempt(
        request, settings, user.email, origin.ip, message=TOO_MANY_PASSWORD_ATTEMPTS
    )
    if attempt.refusal is not None:
        # Whoever guesses past the limit holds the session: it ends, and its tokens stop working.
        session_id, now = principal.session_id, datetime.now(UTC)
        failures[:] = [
            event(AuditAction.login_locked, AuditOutcome.denied, "auth_session", session_id)
        ]

        async def end_session(db: AsyncSession) -> None:
            await repository.revoke_session(db, session_id, now)

        on_failure(db, end_session)
        raise attempt.refusal
    if not await verify_password(body.current_password, user.password_hash):
        failures[:] = [
            event(AuditAction.login_failed, AuditOutcome.failure, "password", user.user_id),
            *(
                event(AuditAction.login_locked, AuditOutcome.denied, "password", scope)
                for scope in attempt.locks
            ),
        ]
        raise BadRequest("Current password is incorrect", code="invalid_current_password")
    user.password_hash = await hash_password(body.new_password)
    await _forget_failures(db, attempt)
    await repository.revoke_user_sessions(
        db, principal.user_id, datetime.now(UTC), keep=principal.session_id
    )
    db.add(event(AuditAction.update, AuditOutcome.success, "password", user.user_id))
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
