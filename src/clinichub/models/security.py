"""Rows that guard the API itself: rate-limit counters and idempotency keys.

Both live in PostgreSQL, not in a process's memory, so that every server process sees the same
counts and the same keys.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base


class RateLimitCounter(Base):
    """Hits of one key (a login account, a client IP, a session) in a fixed window that starts
    with the first hit; a hit after the window's end starts a new one."""

    __tablename__ = "rate_limit_counters"
    __table_args__ = (
        sa.CheckConstraint("hits >= 0", name="hits_non_negative"),
        sa.Index(None, "window_started_at"),
    )

    # "<scope>:<HMAC of the subject>": attempted emails are not stored in clear (people type
    # their password into the email field).
    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    window_started_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    hits: Mapped[int] = mapped_column(sa.Integer)


class IdempotencyKey(Base):
    """A client's `Idempotency-Key`, per user: claimed while its request runs, then the response
    (status and body) to replay to a retry until it expires."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        sa.CheckConstraint(
            "(status_code IS NULL) = (response_body IS NULL)", name="response_complete"
        ),
        sa.Index(None, "expires_at"),
    )

    user_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("users.user_id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    # SHA-256 of the method, path and body: a retry must be the same request.
    request_hash: Mapped[str] = mapped_column(sa.String(64))
    # Null while the first request runs.
    status_code: Mapped[int | None] = mapped_column(sa.SmallInteger)
    response_body: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    claimed_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
