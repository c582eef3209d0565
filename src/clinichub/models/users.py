import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import INET, UUID
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, created_at_column, updated_at_column, versioned
from clinichub.vocabulary import Role


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        # Emails are stored lower-cased, which makes the unique index case-insensitive.
        CheckConstraint("email = lower(email)", name="email_lowercase"),
    )

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", native_enum=False, create_constraint=True, length=20)
    )
    is_active: Mapped[bool] = mapped_column(server_default="true")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    # Incremented by every UPDATE (the ETag; RFC 9110 13.1.1 If-Match).
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = versioned(version)


class AuthSession(Base):
    """One row per login. Refresh tokens rotate within it; revoking it kills all its tokens."""

    __tablename__ = "auth_sessions"
    __table_args__ = (Index(None, "user_id"),)

    session_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"))
    # SHA-256 of the one refresh token of this session that is currently valid.
    refresh_token_hash: Mapped[str] = mapped_column(String(64))
    token_family: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    user_agent: Mapped[str | None] = mapped_column(Text)
    ip: Mapped[str | None] = mapped_column(INET)
