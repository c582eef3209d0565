"""Rate-limit counters in PostgreSQL, shared by every server process."""

from datetime import timedelta

from sqlalchemy import case, delete, func, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.models import RateLimitCounter
from clinichub.throttling.rules import Count

_counter = RateLimitCounter


async def hit(db: AsyncSession, key: str, window: timedelta) -> Count:
    """Count one hit of `key` and return the count: atomic under concurrency (one statement,
    the row lock serialises concurrent hits), a hit after the window's end starts a new window."""
    expired = _counter.window_started_at + window <= func.now()
    statement = (
        insert(_counter)
        .values(key=key, window_started_at=func.now(), hits=1)
        .on_conflict_do_update(
            index_elements=[_counter.key],
            set_={
                "hits": case((expired, 1), else_=_counter.hits + 1),
                "window_started_at": case((expired, func.now()), else_=_counter.window_started_at),
            },
        )
        .returning(_counter.hits, _counter.window_started_at, func.now())
    )
    hits, started_at, counted_at = (await db.execute(statement)).one()
    return Count(hits=hits, window_started_at=started_at, counted_at=counted_at)


async def reset(db: AsyncSession, key: str) -> None:
    await db.execute(delete(_counter).where(_counter.key == key))


async def take_back(db: AsyncSession, key: str) -> None:
    """Undo one hit (of a request that turned out not to count, such as a successful login)."""
    await db.execute(
        update(_counter).where(_counter.key == key).values(hits=func.greatest(_counter.hits - 1, 0))
    )


async def prune(db: AsyncSession, older_than: timedelta) -> int:
    """Delete the counters whose window started more than `older_than` ago (all long over)."""
    result = await db.execute(
        delete(_counter)
        .where(_counter.window_started_at < func.now() - older_than)
        .returning(_counter.key)
    )
    return len(result.all())
