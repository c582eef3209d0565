from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import INET
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, checked_enum
from clinichub.vocabulary import AuditAction, AuditOutcome


class AuditEvent(Base):
    """Who touched which data, when, from where. Append-only: a trigger refuses UPDATE and DELETE.

    Holds identifiers only, never the values of patient data or secrets.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        sa.Index(
            None, "patient_id", "event_id", postgresql_where=sa.text("patient_id IS NOT NULL")
        ),
        sa.Index(None, "actor_user_id", "event_id"),
        sa.Index(None, "occurred_at"),
    )

    event_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    # clock_timestamp(), not now(): the moment of the event, which orders events with their ids.
    occurred_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.text("clock_timestamp()")
    )
    actor_user_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    actor_role: Mapped[str | None] = mapped_column(sa.String(20))
    action: Mapped[AuditAction] = mapped_column(checked_enum(AuditAction, "audit_action"))
    resource_type: Mapped[str] = mapped_column(sa.String(40))
    resource_id: Mapped[str | None] = mapped_column(sa.String(64))
    patient_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    outcome: Mapped[AuditOutcome] = mapped_column(
        checked_enum(AuditOutcome, "audit_outcome", length=10)
    )
    request_id: Mapped[str | None] = mapped_column(sa.String(128))
    ip: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(sa.Text)


class AuditSeal(Base):
    """A SHA-256 over a batch of events, chained to the previous seal's hash."""

    __tablename__ = "audit_seals"

    seal_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    first_event_id: Mapped[int] = mapped_column(sa.BigInteger)
    last_event_id: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    event_count: Mapped[int] = mapped_column(sa.Integer)
    previous_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64))
    sealed_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.text("now()")
    )
