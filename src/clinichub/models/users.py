import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import INET, UUID
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, checked_enum, created_at_column, updated_at_column, versioned
from clinichub.vocabulary import Role


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        # Emails are stored lower-cased, which makes the unique index case-insensitive.
        sa.CheckConstraint("email = lower(email)", name="email_lowercase"),
    )

    user_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    phone: Mapped[str | None] = mapped_column(sa.String(20))
    role: Mapped[Role] = mapped_column(checked_enum(Role, "user_role"))
    is_active: Mapped[bool] = mapped_column(server_default="true")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    # Incremented by every UPDATE (the ETag; RFC 9110 13.1.1 If-Match).
    version: Mapped[int] = mapped_column(sa.Integer, server_default="1")

    __mapper_args__ = versioned(version)


class AuthSession(Base):
    """One row per login. Refresh tokens rotate within it; revoking it kills all its tokens."""

    __tablename__ = "auth_sessions"
    __table_args__ = (sa.Index(None, "user_id"),)

    session_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id", ondelete="CASCADE"))
    # SHA-256 of the one refresh token of this session that is currently valid.
    refresh_token_hash: Mapped[str] = mapped_column(sa.String(64))
    token_family: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    last_used_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )
    user_agent: Mapped[str | None] = mapped_column(sa.Text)
    ip: Mapped[str | None] = mapped_column(INET)
