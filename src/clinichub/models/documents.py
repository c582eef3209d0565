import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, checked_enum, created_at_column
from clinichub.vocabulary import DocumentKind, DocumentStoreKind

ON_FILE = sa.text("retired_at IS NULL")


class Document(Base):
    """A patient's document: what it is, who uploaded it, and where its bytes are. Never
    deleted: retiring sets retired_at, and the row and its bytes are kept, like the chart."""

    __tablename__ = "documents"
    __table_args__ = (
        sa.Index(None, "patient_id", "document_id", postgresql_where=ON_FILE),
        sa.CheckConstraint("size_bytes > 0", name="size_positive"),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="sha256_hex"),
        sa.CheckConstraint(
            "plan_id IS NULL OR kind IN ('insurance_card_front', 'insurance_card_back')",
            name="plan_only_for_insurance_cards",
        ),
        sa.CheckConstraint(
            "(retired_at IS NULL) = (retired_by_user_id IS NULL)", name="retired_by_whom"
        ),
    )

    document_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    kind: Mapped[DocumentKind] = mapped_column(
        checked_enum(DocumentKind, "document_kind", length=24)
    )
    title: Mapped[str | None] = mapped_column(sa.String(200))
    plan_id: Mapped[int | None] = mapped_column(sa.ForeignKey("insurance_plans.plan_id"))
    content_type: Mapped[str] = mapped_column(sa.String(40))
    size_bytes: Mapped[int] = mapped_column(sa.Integer)
    # Of the bytes stored (an image after its re-encoding): the download's ETag.
    sha256: Mapped[str] = mapped_column(sa.String(64))
    has_thumbnail: Mapped[bool] = mapped_column(sa.Boolean)
    store: Mapped[DocumentStoreKind] = mapped_column(
        checked_enum(DocumentStoreKind, "document_store", length=10)
    )
    # The bytes' key in the store: random, so that keys never collide across databases that
    # share a bucket and never reveal anything.
    storage_key: Mapped[uuid.UUID] = mapped_column(sa.Uuid, unique=True)
    uploaded_by_user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id"))
    uploaded_at: Mapped[datetime] = created_at_column()
    retired_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    retired_by_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.user_id"))


class DocumentContent(Base):
    """The bytes of a document kept in PostgreSQL (CLINICHUB_DOCUMENT_STORE=postgres): the file
    and its thumbnail. Append-only: a trigger refuses UPDATE and DELETE."""

    __tablename__ = "document_contents"
    __table_args__ = (
        sa.CheckConstraint("variant IN ('original', 'thumbnail')", name="variant_known"),
    )

    storage_key: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("documents.storage_key"), primary_key=True
    )
    variant: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
