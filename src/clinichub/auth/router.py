"""Login, token refresh with rotation, logout, profile and password change."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestFormStrict

from clinichub.auth import service
from clinichub.auth.errors import SESSION_COOKIE_MISSING
from clinichub.auth.schemas import (
    LoginRequest,
    LoginResponse,
    PasswordChange,
    ProfileResponse,
    ProtectedResponse,
    RefreshRequest,
    SessionResponse,
    TokenResponse,
)
from clinichub.errors import AppError
from clinichub.schemas import Message, error_responses
from clinichub.web.dependencies import (
    AppSettings,
    Audited,
    CurrentUser,
    DbSession,
    origin_of,
    side_sessionmaker,
)
from clinichub.web.session_cookie import (
    RefreshCookie,
    clear_refresh_cookie,
    cleared_cookie_header,
    set_cookie_header,
    set_refresh_cookie,
)

router = APIRouter(prefix="/api", tags=["auth"])


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
    return await service.login(
        db,
        side_sessionmaker(request),
        settings,
        origin_of(request),
        body.email,
        body.password,
    )


@router.post(
    "/token",
    operation_id="auth_token",
    summary="Log in with the OAuth2 password flow",
    response_model=LoginResponse,
    responses=error_responses(400, 401, 429),
    openapi_extra={"security": []},
)
async def token(
    form: Annotated[OAuth2PasswordRequestFormStrict, Depends()],
    db: DbSession,
    settings: AppSettings,
    request: Request,
) -> LoginResponse:
    """The OAuth2 password flow (RFC 6749 section 4.3) as a form: `grant_type=password` (required,
    as the RFC says; anything else, or nothing, is a 400), `username` is the email. This is
    what Swagger UI's Authorize button calls; programs use `POST /api/login`. Limited like
    `POST /api/login`, with the same counters."""
    return await service.login(
        db,
        side_sessionmaker(request),
        settings,
        origin_of(request),
        form.username,
        form.password,
    )


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
    return await service.refresh(
        db, side_sessionmaker(request), settings, origin_of(request), body.refresh_token
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
    await service.logout(db, audit, principal.session_id)
    return Message(message="Logged out successfully")


# --- The web app's session: the refresh token in an HttpOnly cookie --------------------------


@router.post(
    "/session",
    operation_id="auth_session_login",
    summary="Sign in the web app",
    response_model=SessionResponse,
    responses={
        **error_responses(400, 401, 429),
        200: {"description": "Signed in; the cookie is set", "headers": set_cookie_header()},
    },
    openapi_extra={"security": []},
)
async def session_login(
    body: LoginRequest,
    db: DbSession,
    settings: AppSettings,
    request: Request,
    response: Response,
) -> SessionResponse:
    """`POST /api/login` for the web app: the same checks, limits (with the same counters: failed
    attempts here and there add up) and audit events. The refresh token is not in the body: it
    is set in the `clinichub_refresh` cookie (`HttpOnly`, `SameSite=Strict`,
    `Path=/api/session/`, `Max-Age` the refresh token's lifetime, `Secure` over HTTPS), which no
    script can read and which the browser sends only to `POST /api/session/refresh` and
    `POST /api/session/logout`, and only from the service's own pages. Programs use
    `POST /api/login` and `POST /api/refresh`."""
    login = await service.login(
        db, side_sessionmaker(request), settings, origin_of(request), body.email, body.password
    )
    set_refresh_cookie(response, request, login.refresh_token, _cookie_age(settings))
    return SessionResponse.of(login)


@router.post(
    "/session/refresh",
    operation_id="auth_session_refresh",
    summary="Renew the web app's access token",
    response_model=SessionResponse,
    responses={
        **error_responses(401, 429),
        200: {"description": "New tokens; the cookie is set", "headers": set_cookie_header()},
        401: {**error_responses(401)[401], "headers": set_cookie_header()},
    },
)
async def session_refresh(
    refresh_token: RefreshCookie,
    db: DbSession,
    settings: AppSettings,
    request: Request,
    response: Response,
) -> SessionResponse:
    """`POST /api/refresh` with the refresh token of the `clinichub_refresh` cookie (no body):
    it rotates, the cookie gets the new one, and the answer names the user, so that a reloaded
    page learns who is signed in. Sending a refresh token rotated away since (an old copy of the
    cookie) ends the whole session (RFC 9700 section 4.14.2). A missing, invalid or expired
    cookie is a 401 that clears it; the limit of `POST /api/refresh` applies (429)."""
    try:
        if refresh_token is None:
            raise SESSION_COOKIE_MISSING.error()
        session = await service.refresh_session(
            db, side_sessionmaker(request), settings, origin_of(request), refresh_token
        )
    except AppError as error:
        if error.status_code == 401:
            error.headers["Set-Cookie"] = cleared_cookie_header(request)
        raise
    set_refresh_cookie(response, request, session.refresh_token, _cookie_age(settings))
    return SessionResponse.of(session)


@router.post(
    "/session/logout",
    operation_id="auth_session_logout",
    summary="Sign out the web app",
    response_model=Message,
    responses={
        200: {"description": "Signed out; the cookie is cleared", "headers": set_cookie_header()}
    },
    # The cookie is optional: signing out without one is not an error.
    openapi_extra={"security": [{}]},
)
async def session_logout(
    refresh_token: RefreshCookie,
    db: DbSession,
    settings: AppSettings,
    request: Request,
    response: Response,
) -> Message:
    """End the session of the `clinichub_refresh` cookie (no body, no bearer token): its access
    and refresh tokens stop working at once, audited as `POST /api/logout` is, and the cookie is
    cleared. An old copy of the cookie (a refresh token rotated away since) ends the session too,
    audited as a reuse. Idempotent: without a cookie, or with one whose session has ended or
    expired, the answer is the same 200 and the cookie is cleared all the same (signing out
    twice, or after the session expired, is no error)."""
    await service.end_session(db, settings, origin_of(request), refresh_token)
    clear_refresh_cookie(response, request)
    return Message(message="Logged out successfully")


def _cookie_age(settings: AppSettings) -> int:
    """The cookie lives as long as the refresh token in it."""
    return settings.refresh_token_days * 24 * 3600


@router.get(
    "/profile",
    operation_id="auth_profile",
    summary="The caller's profile",
    response_model=ProfileResponse,
    responses=error_responses(401),
)
async def profile(principal: CurrentUser, db: DbSession) -> ProfileResponse:
    """The authenticated user's identity and role."""
    return ProfileResponse.model_validate(await service.profile(db, principal.user_id))


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
    await service.change_password(
        db,
        side_sessionmaker(request),
        settings,
        origin_of(request),
        body,
        user_id=principal.user_id,
        role=principal.role,
        session_id=principal.session_id,
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
