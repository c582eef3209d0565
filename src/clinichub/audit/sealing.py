"""The background job that seals audit events into the hash chain, in every server process.

Processes race for a PostgreSQL advisory lock each round; the loser skips, so one seals at a time.
Each new seal's id and hash go to the log: the log stream is a copy of the chain's head that
someone with access to the database does not hold (see `GET /api/audit/verify?head=`).
"""

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.audit.repository import seal_pending

logger = logging.getLogger("clinichub.audit")

# A round seals batch after batch until it has caught up (a backlog after an outage, or after the
# unkeyed seals were retired), one transaction per batch.
MAX_BATCHES_PER_ROUND = 100


async def seal_round(
    maker: async_sessionmaker[AsyncSession], key: bytes, *, grace: timedelta
) -> int:
    """Seal what has settled; returns the number of events sealed."""
    sealed = 0
    for _ in range(MAX_BATCHES_PER_ROUND):
        async with maker() as db, db.begin():
            seal = await seal_pending(db, key, grace=grace)
        if seal is None:
            break
        sealed += seal.event_count
        logger.info(
            "Audit seal %d: events %d to %d, hash %s",
            seal.seal_id,
            seal.first_event_id,
            seal.last_event_id,
            seal.hash,
            extra={"seal_id": seal.seal_id, "seal_hash": seal.hash},
        )
    return sealed


async def seal_forever(
    maker: async_sessionmaker[AsyncSession], key: bytes, *, interval: float, grace: timedelta
) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            await seal_round(maker, key, grace=grace)
        except Exception:
            logger.exception("Audit sealing failed; retrying next round")
