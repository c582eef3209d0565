from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Enum, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import INET
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base
from clinichub.vocabulary import AuditAction, AuditOutcome


class AuditEvent(Base):
    """Who touched which data, when, from where. Append-only: a trigger refuses UPDATE and DELETE.

    Holds identifiers only, never the values of patient data or secrets.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index(None, "patient_id", "event_id", postgresql_where=text("patient_id IS NOT NULL")),
        Index(None, "actor_user_id", "event_id"),
        Index(None, "occurred_at"),
    )

    event_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # clock_timestamp(), not now(): the moment of the event, which orders events with their ids.
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("clock_timestamp()")
    )
    actor_user_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[AuditAction] = mapped_column(
        Enum(AuditAction, name="audit_action", native_enum=False, create_constraint=True, length=20)
    )
    resource_type: Mapped[str] = mapped_column(String(40))
    resource_id: Mapped[str | None] = mapped_column(String(64))
    patient_id: Mapped[int | None] = mapped_column(BigInteger)
    outcome: Mapped[AuditOutcome] = mapped_column(
        Enum(
            AuditOutcome, name="audit_outcome", native_enum=False, create_constraint=True, length=10
        )
    )
    request_id: Mapped[str | None] = mapped_column(String(128))
    ip: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(Text)


class AuditSeal(Base):
    """A SHA-256 over a batch of events, chained to the previous seal's hash."""

    __tablename__ = "audit_seals"

    seal_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    first_event_id: Mapped[int] = mapped_column(BigInteger)
    last_event_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    event_count: Mapped[int] = mapped_column(Integer)
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )
