"""Idempotency keys in PostgreSQL: claimed, answered, released, pruned."""

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.idempotency.rules import ABANDONED_AFTER, RETENTION, StoredKey
from clinichub.models import IdempotencyKey

_key = IdempotencyKey


async def claim(db: AsyncSession, user_id: int, key: str, request_hash: str) -> bool:
    """Claim `key` for a request; False when another request holds it or answered it. An
    expired or abandoned claim is taken over. One statement: of concurrent claims, one wins."""
    fresh = insert(_key).values(
        user_id=user_id,
        key=key,
        request_hash=request_hash,
        claimed_at=func.now(),
        expires_at=func.now() + RETENTION,
    )
    statement = fresh.on_conflict_do_update(
        index_elements=[_key.user_id, _key.key],
        set_={
            "request_hash": fresh.excluded.request_hash,
            "status_code": None,
            "response_body": None,
            "claimed_at": fresh.excluded.claimed_at,
            "expires_at": fresh.excluded.expires_at,
        },
        where=or_(
            _key.expires_at <= func.now(),
            _key.status_code.is_(None) & (_key.claimed_at <= func.now() - ABANDONED_AFTER),
        ),
    ).returning(_key.user_id)
    return (await db.execute(statement)).first() is not None


async def find(db: AsyncSession, user_id: int, key: str) -> StoredKey | None:
    row = (
        await db.execute(
            select(_key.request_hash, _key.status_code, _key.response_body).where(
                _key.user_id == user_id, _key.key == key
            )
        )
    ).first()
    return None if row is None else StoredKey(*row)


async def answer(db: AsyncSession, user_id: int, key: str, status_code: int, body: bytes) -> None:
    await db.execute(
        update(_key)
        .where(_key.user_id == user_id, _key.key == key)
        .values(status_code=status_code, response_body=body)
    )


async def release(db: AsyncSession, user_id: int, key: str) -> None:
    """Give up an unanswered claim, so that a retry runs the request again."""
    await db.execute(
        delete(_key).where(_key.user_id == user_id, _key.key == key, _key.status_code.is_(None))
    )


async def prune(db: AsyncSession) -> int:
    """Delete expired keys: stored responses hold patient data, kept no longer than needed."""
    result = await db.execute(delete(_key).where(_key.expires_at <= func.now()).returning(_key.key))
    return len(result.all())
