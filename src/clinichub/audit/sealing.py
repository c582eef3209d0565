"""The background job that seals audit events into the hash chain, in every server process.

Processes race for a PostgreSQL advisory lock each round; the loser skips, so one seals at a time.
"""

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.audit.repository import seal_pending

logger = logging.getLogger("clinichub.audit")


async def seal_forever(
    maker: async_sessionmaker[AsyncSession], *, interval: float, grace: timedelta
) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            async with maker() as db, db.begin():
                sealed = await seal_pending(db, grace=grace)
            if sealed:
                logger.info("Sealed %d audit events", sealed)
        except Exception:
            logger.exception("Audit sealing failed; retrying next round")
