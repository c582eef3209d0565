"""Engine, and one session with one transaction per request, committed in one place."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from clinichub.config import Settings

Action = Callable[[AsyncSession], Awaitable[None]]
_ON_SUCCESS = "clinichub.on_success"
_ON_FAILURE = "clinichub.on_failure"


def create_engine(settings: Settings, *, pool_size: int | None = None) -> AsyncEngine:
    pool_size = pool_size or settings.db_pool_size
    return create_async_engine(
        settings.async_database_url,
        pool_size=pool_size,
        max_overflow=settings.db_pool_size,
        pool_pre_ping=False,
        # Errors and their log lines never quote the values a client sent (patient data).
        hide_parameters=True,
        connect_args={
            "server_settings": {
                "application_name": "clinichub",
                "timezone": "UTC",
                # A transaction left idle is ended: audit sealing relies on short transactions.
                "idle_in_transaction_session_timeout": "30000",
                # No statement holds a connection and its locks for longer than this.
                "statement_timeout": str(settings.db_statement_timeout_ms),
            },
            **statement_cache_arguments(settings.db_statement_cache_size),
        },
    )


def statement_cache_arguments(size: int) -> dict[str, object]:
    """asyncpg's and SQLAlchemy's prepared statement caches; off (0) behind PgBouncer in
    transaction mode. SQLAlchemy still prepares every statement, under a name asyncpg numbers
    per client connection: PgBouncer may run two clients' statements on one server connection,
    so each then gets a name of its own (SQLAlchemy's documented setup for PgBouncer)."""
    arguments: dict[str, object] = {
        "statement_cache_size": size,
        "prepared_statement_cache_size": size,
    }
    if size == 0:
        arguments["prepared_statement_name_func"] = _unique_statement_name
    return arguments


def _unique_statement_name() -> str:
    return f"__clinichub_{uuid.uuid4().hex}__"


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


# Claims (an idempotency key, a login attempt) must be visible to concurrent requests at once and
# survive their own request's rollback, so they commit in a short transaction of their own. Those
# transactions use a pool of their own: a request that holds a connection of the main pool while
# it waits for a second one from the same pool could deadlock with others doing the same.
SIDE_POOL_SIZE = 2


def on_success(session: AsyncSession, action: Action) -> None:
    """Run `action` just before this request's transaction commits (what it writes is committed
    with the rest, in the same round trip as the last changes)."""
    session.info.setdefault(_ON_SUCCESS, []).append(action)


def on_failure(session: AsyncSession, action: Action) -> None:
    """Run `action` in a fresh transaction if this request fails and its work is rolled back.

    For what must be recorded whatever the outcome: revoking a session whose refresh token was
    replayed, a security event.
    """
    session.info.setdefault(_ON_FAILURE, []).append(action)


@asynccontextmanager
async def run_in_transaction(
    maker: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A session whose work commits when the block ends, and rolls back if it raises; then the
    `on_failure` actions run in a fresh transaction. A request runs in one such block, committed
    before its response is sent, so a failed commit can never have produced a 2xx."""
    async with maker() as session:
        try:
            yield session
            for action in session.info.pop(_ON_SUCCESS, []):
                await action(session)
            await session.commit()
        except BaseException:
            # Also when the commit itself failed: what must be recorded whatever the outcome
            # (a failure event, the release of a claim) is recorded then too.
            await session.rollback()
            actions: list[Action] = session.info.pop(_ON_FAILURE, [])
            if actions:
                for action in actions:
                    await action(session)
                await session.commit()
            raise
