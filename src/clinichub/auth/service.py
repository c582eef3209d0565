"""The use cases of logging in: login (JSON and the OAuth2 form), refresh with rotation and reuse
detection, logout, the caller's profile and the change of their password, with the throttling
and the audit events of each."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.audit.context import Audit
from clinichub.audit.repository import Origin, event_values, insert_events
from clinichub.auth import repository
from clinichub.auth.errors import (
    INVALID_CREDENTIALS,
    INVALID_CURRENT_PASSWORD,
    INVALID_TOKEN,
    TOKEN_REUSED,
    TOO_MANY_ATTEMPTS,
    TOO_MANY_PASSWORD_ATTEMPTS,
    TOO_MANY_REFRESHES,
)
from clinichub.auth.rules import Refresh, login_accepted, refresh_of
from clinichub.auth.schemas import LoginResponse, PasswordChange, TokenResponse, UserSummary
from clinichub.auth.tokens import InvalidToken, TokenType, decode_token, encode_token, token_digest
from clinichub.config import Settings
from clinichub.db.session import on_failure
from clinichub.errors import AppError, Catalogued
from clinichub.models import AuthSession, User
from clinichub.throttling import repository as throttling
from clinichub.throttling.rules import (
    check_limit,
    client_subject,
    counter_key,
    seconds_until_reset,
)
from clinichub.users import repository as users
from clinichub.users.passwords import check_new_password, hash_password, verify_password
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource, Role

Sessions = async_sessionmaker[AsyncSession]
Event = dict[str, object]  # the columns of an audit event (audit.repository.event_values)
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
    repository.rotate(session, token_digest(refresh), now)
    return access, refresh


def _after_rollback(db: AsyncSession, events: list[Event]) -> None:
    """Write `events` if the request fails, after its work is rolled back. The list is read
    then: a use case may still replace what it holds, once it knows which failure it was."""

    async def write(db: AsyncSession) -> None:
        if events:
            await insert_events(db, events)

    on_failure(db, write)


@dataclass(frozen=True)
class LoginAttempt:
    """The counters a login attempt was counted in, whether it is refused, and which limits its
    failure reaches (each is audited once, as a lock)."""

    account_keys: tuple[str, ...]
    ip_key: str
    locks: tuple[str, ...]
    refusal: AppError | None


async def _count_attempt(
    sessions: Sessions, settings: Settings, email: str, ip: str | None, *, error: Catalogued
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
    async with sessions() as side, side.begin():
        for scope, key, max_hits in limits:
            count = await throttling.hit(side, key, window)
            if count.hits > max_hits:
                refusal = error.error(retry_after=seconds_until_reset(count, window))
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


async def login(
    db: AsyncSession,
    sessions: Sessions,
    settings: Settings,
    origin: Origin,
    email: str,
    password: str,
) -> LoginResponse:
    """A new session and its tokens for the right email and password, throttled and audited;
    `sessions` makes the short transactions of the counters and of the look-up."""
    attempt = await _count_attempt(sessions, settings, email, origin.ip, error=TOO_MANY_ATTEMPTS)
    if attempt.refusal is not None:
        raise attempt.refusal
    # Read in a short transaction of its own: no connection of the request pool waits on bcrypt
    # (a quarter of a second, longer while logins queue for its threads).
    async with sessions() as side:
        user = await users.get_user_by_email(side, email.strip())
    password_ok = await verify_password(password, user.password_hash if user else None)
    if user is None or not login_accepted(password_ok=password_ok, is_active=user.is_active):
        # The attempt is recorded without the password or the email that was tried; the failure
        # that reaches a limit also records the lock.
        def failure(action: AuditAction, outcome: AuditOutcome, scope: str | None = None) -> Event:
            return event_values(
                origin,
                action=action,
                outcome=outcome,
                resource_type=AuditResource.auth,
                resource_id=scope,
                actor_user_id=user.user_id if user else None,
            )

        _after_rollback(
            db,
            [
                failure(AuditAction.login_failed, AuditOutcome.failure),
                *(failure(AuditAction.login_locked, AuditOutcome.denied, s) for s in attempt.locks),
            ],
        )
        raise INVALID_CREDENTIALS.error()
    await _forget_failures(db, attempt)
    now = datetime.now(UTC)
    session = repository.open_session(
        db,
        user_id=user.user_id,
        now=now,
        lifetime=timedelta(days=settings.refresh_token_days),
        user_agent=origin.user_agent,
        ip=origin.ip,
    )
    access, refresh = _issue_tokens(settings, user, session, now)
    await insert_events(
        db,
        [
            event_values(
                origin,
                action=AuditAction.login,
                resource_type=AuditResource.auth_session,
                resource_id=session.session_id,
                actor_user_id=user.user_id,
                actor_role=user.role.value,
            )
        ],
    )
    return LoginResponse(
        message="Login successful",
        access_token=access,
        refresh_token=refresh,
        expires_in=settings.access_token_minutes * 60,
        user=UserSummary.model_validate(user),
    )


async def refresh(
    db: AsyncSession, sessions: Sessions, settings: Settings, origin: Origin, refresh_token: str
) -> TokenResponse:
    """New tokens for a refresh token, which stops working; sending it again ends the whole
    session. Counted per session, in a transaction of its own (`sessions`), so that refused and
    failed refreshes count too."""
    _, access, new_refresh = await _rotate(db, sessions, settings, origin, refresh_token)
    return TokenResponse(
        message="Token refreshed",
        access_token=access,
        refresh_token=new_refresh,
        expires_in=settings.access_token_minutes * 60,
    )


async def refresh_session(
    db: AsyncSession, sessions: Sessions, settings: Settings, origin: Origin, refresh_token: str
) -> LoginResponse:
    """`refresh` for the web app, which holds its refresh token in a cookie: the same rotation,
    reuse detection and limits, and the user, so that a reloaded page learns who is signed in."""
    user, access, new_refresh = await _rotate(db, sessions, settings, origin, refresh_token)
    return LoginResponse(
        message="Session refreshed",
        access_token=access,
        refresh_token=new_refresh,
        expires_in=settings.access_token_minutes * 60,
        user=UserSummary.model_validate(user),
    )


async def _rotate(
    db: AsyncSession, sessions: Sessions, settings: Settings, origin: Origin, refresh_token: str
) -> tuple[User, str, str]:
    """(user, access token, refresh token) for a refresh token, rotated."""
    secret = settings.require_secret()
    try:
        claims = decode_token(refresh_token, secret=secret, expected=TokenType.refresh)
    except InvalidToken:
        raise INVALID_TOKEN.error() from None
    async with sessions() as side, side.begin():
        count = await throttling.hit(
            side, counter_key("refresh_session", str(claims.session_id), secret), REFRESH_WINDOW
        )
    check_limit(
        count,
        max_hits=settings.refresh_max_per_minute,
        window=REFRESH_WINDOW,
        error=TOO_MANY_REFRESHES,
    )
    now = datetime.now(UTC)
    session = await repository.session_for_update(db, claims.session_id)
    verdict = refresh_of(
        session, token_user_id=claims.user_id, presented_digest=token_digest(refresh_token), now=now
    )
    if session is None or verdict == Refresh.invalid:
        raise INVALID_TOKEN.error()
    if verdict == Refresh.reused:
        reuse = _reuse_event(origin, session)
        session_id = session.session_id

        async def revoke(db: AsyncSession) -> None:
            await repository.revoke_session(db, session_id, now)
            await insert_events(db, [reuse])

        on_failure(db, revoke)
        raise TOKEN_REUSED.error()
    user = await users.get_user(db, session.user_id)
    if user is None or not user.is_active:
        raise INVALID_TOKEN.error()
    access, new_refresh = _issue_tokens(settings, user, session, now)
    return user, access, new_refresh


def _reuse_event(origin: Origin, session: AuthSession) -> Event:
    """A refresh token rotated away, presented again: whoever holds it may have stolen it."""
    return event_values(
        origin,
        action=AuditAction.token_reuse,
        outcome=AuditOutcome.denied,
        resource_type=AuditResource.auth_session,
        resource_id=session.session_id,
        actor_user_id=session.user_id,
    )


async def logout(db: AsyncSession, audit: Audit, session_id: uuid.UUID) -> None:
    """End the caller's session: its access token and its refresh token stop working at once."""
    await repository.revoke_session(db, session_id, datetime.now(UTC))
    audit.record(AuditAction.logout, AuditResource.auth_session, session_id)


async def end_session(
    db: AsyncSession, settings: Settings, origin: Origin, refresh_token: str | None
) -> None:
    """Log out by a refresh token (the web app's cookie) rather than an access token: end the
    session it names, as `logout` does, audited. A token rotated away since ends the session
    too, as reuse (a stolen copy); a missing, invalid or expired token, or a session already
    ended, changes nothing."""
    if refresh_token is None:
        return
    try:
        claims = decode_token(
            refresh_token, secret=settings.require_secret(), expected=TokenType.refresh
        )
    except InvalidToken:
        return
    now = datetime.now(UTC)
    session = await repository.session_for_update(db, claims.session_id)
    verdict = refresh_of(
        session, token_user_id=claims.user_id, presented_digest=token_digest(refresh_token), now=now
    )
    if session is None or verdict == Refresh.invalid:
        return
    await repository.revoke_session(db, session.session_id, now)
    if verdict == Refresh.reused:
        await insert_events(db, [_reuse_event(origin, session)])
        return
    user = await users.get_user(db, session.user_id)
    await insert_events(
        db,
        [
            event_values(
                origin,
                action=AuditAction.logout,
                resource_type=AuditResource.auth_session,
                resource_id=session.session_id,
                actor_user_id=session.user_id,
                actor_role=user.role.value if user else None,
            )
        ],
    )


async def profile(db: AsyncSession, user_id: int) -> User:
    """The caller's account (the per-request check reads only its id and role)."""
    user = await users.get_user(db, user_id)
    if user is None:  # removed since the check, in this same transaction: never in practice
        raise INVALID_TOKEN.error()
    return user


async def change_password(
    db: AsyncSession,
    sessions: Sessions,
    settings: Settings,
    origin: Origin,
    body: PasswordChange,
    *,
    user_id: int,
    role: Role,
    session_id: uuid.UUID,
) -> None:
    """Set a new password and end every other session of the user. The current password is
    checked like a login, with the same counters (`sessions` makes their transaction): a wrong
    one counts as a failed login, and past the limits the caller's session ends. Every attempt is
    audited, never with a password."""
    user = await profile(db, user_id)

    def event(
        action: AuditAction,
        outcome: AuditOutcome,
        resource_type: AuditResource,
        resource_id: object,
    ) -> Event:
        return event_values(
            origin,
            action=action,
            outcome=outcome,
            resource_type=resource_type,
            resource_id=resource_id,
            actor_user_id=user.user_id,
            actor_role=role.value,
        )

    # What a failure records (after the rollback); the checks below say which failure it was.
    failures = [
        event(AuditAction.update, AuditOutcome.failure, AuditResource.password, user.user_id)
    ]
    _after_rollback(db, failures)
    check_new_password(
        body.new_password,
        email=user.email,
        min_length=settings.password_min_length,
        field="new_password",
    )
    attempt = await _count_attempt(
        sessions, settings, user.email, origin.ip, error=TOO_MANY_PASSWORD_ATTEMPTS
    )
    if attempt.refusal is not None:
        # Whoever guesses past the limit holds the session: it ends, and its tokens stop working.
        now = datetime.now(UTC)
        failures[:] = [
            event(
                AuditAction.login_locked,
                AuditOutcome.denied,
                AuditResource.auth_session,
                session_id,
            )
        ]

        async def end_session(db: AsyncSession) -> None:
            await repository.revoke_session(db, session_id, now)

        on_failure(db, end_session)
        raise attempt.refusal
    if not await verify_password(body.current_password, user.password_hash):
        failures[:] = [
            event(
                AuditAction.login_failed, AuditOutcome.failure, AuditResource.password, user.user_id
            ),
            *(
                event(AuditAction.login_locked, AuditOutcome.denied, AuditResource.password, scope)
                for scope in attempt.locks
            ),
        ]
        raise INVALID_CURRENT_PASSWORD.error()
    users.set_password_hash(user, await hash_password(body.new_password))
    await _forget_failures(db, attempt)
    await users.revoke_user_sessions(db, user_id, datetime.now(UTC), keep=session_id)
    await insert_events(
        db, [event(AuditAction.update, AuditOutcome.success, AuditResource.password, user.user_id)]
    )
