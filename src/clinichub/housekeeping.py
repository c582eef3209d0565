"""The background job that deletes what the API keeps only for a while, in every server process:
expired idempotency keys (their stored responses hold patient data) and rate-limit counters whose
window ended long ago. Deleting twice is harmless, so processes need not take turns."""

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.idempotency import repository as idempotency
from clinichub.throttling import repository as throttling

logger = logging.getLogger("clinichub.housekeeping")

PRUNE_INTERVAL_SECONDS = 600
# Longer than any rate-limit window.
COUNTER_RETENTION = timedelta(days=1)


async def prune(maker: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    """(idempotency keys, counters) deleted."""
    async with maker() as db, db.begin():
        keys = await idempotency.prune(db)
        counters = await throttling.prune(db, COUNTER_RETENTION)
    return keys, counters


async def prune_forever(maker: async_sessionmaker[AsyncSession]) -> None:
    while True:
        await asyncio.sleep(PRUNE_INTERVAL_SECONDS)
        try:
            keys, counters = await prune(maker)
            if keys or counters:
                logger.info("Pruned %d idempotency keys and %d rate-limit counters", keys, counters)
        except Exception:
            logger.exception("Pruning failed; retrying next round")
