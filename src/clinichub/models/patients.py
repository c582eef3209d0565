from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, checked_enum, created_at_column, updated_at_column, versioned
from clinichub.vocabulary import PlanType, Sex

# Created by migration 0002: `unaccent` declared IMMUTABLE, so that a generated column (and so an
# index) may use it. It is only as immutable as the unaccent rules file, which we never change.
UNACCENT = "clinichub_unaccent"

# What search matches: names, email and phone, accent- and case-folded. Terms never contain
# whitespace, so a term cannot match across the spaces that separate the fields.
SEARCH_TEXT = (
    f"lower({UNACCENT}(first_name || ' ' || last_name || ' ' || "
    "coalesce(email, '') || ' ' || coalesce(phone, '')))"
)

ACTIVE = sa.text("deleted_at IS NULL")


def _sorted_by(column: str) -> sa.Index:
    """An index for one sort key of the patient list; ties are broken by patient_id."""
    return sa.Index(
        f"ix_patients_{column}_patient_id", column, "patient_id", postgresql_where=ACTIVE
    )


class Patient(Base):
    """A patient. Never deleted: archiving sets deleted_at, and history keeps pointing here."""

    __tablename__ = "patients"
    __table_args__ = (
        sa.CheckConstraint("btrim(first_name) <> ''", name="first_name_not_blank"),
        sa.CheckConstraint("btrim(last_name) <> ''", name="last_name_not_blank"),
        sa.CheckConstraint("dob >= DATE '1900-01-01'", name="dob_from_1900"),
        sa.CheckConstraint("email = lower(email)", name="email_lowercase"),
        # Unique among patients on file; an archived patient's email may be reused.
        sa.Index(
            "uq_patients_email_active",
            sa.func.lower(sa.text("email")),
            unique=True,
            postgresql_where=ACTIVE,
        ),
        sa.Index(
            "ix_patients_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
            postgresql_where=ACTIVE,
        ),
        *(_sorted_by(key) for key in ("last_name", "first_name", "dob", "email", "created_at")),
    )

    patient_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100))
    dob: Mapped[date] = mapped_column(sa.Date)
    sex: Mapped[Sex | None] = mapped_column(checked_enum(Sex, "patient_sex"))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(20))
    address: Mapped[str | None] = mapped_column(sa.String(500))
    emergency_contact_name: Mapped[str | None] = mapped_column(sa.String(200))
    emergency_contact_phone: Mapped[str | None] = mapped_column(sa.String(20))
    # Maintained by PostgreSQL for the trigram index; never loaded with the patient.
    search_text: Mapped[str] = mapped_column(
        sa.Text, sa.Computed(SEARCH_TEXT, persisted=True), deferred=True, deferred_raiseload=True
    )
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    deleted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    # Incremented by every UPDATE (the ETag; RFC 9110 13.1.1 If-Match).
    version: Mapped[int] = mapped_column(sa.Integer, server_default="1")

    __mapper_args__ = versioned(version)


class InsurancePlan(Base):
    """A patient's coverage. Saving a new plan deactivates the previous one, kept for history."""

    __tablename__ = "insurance_plans"
    __table_args__ = (
        sa.CheckConstraint("copay_cents >= 0", name="copay_cents_non_negative"),
        sa.CheckConstraint(
            "plan_type = 'self_pay' OR copay_cents IS NOT NULL", name="copay_cents_required"
        ),
        sa.Index(None, "patient_id", "plan_id"),
        # At most one active plan per patient, whatever the application does.
        sa.Index(
            "uq_insurance_plans_patient_id_active",
            "patient_id",
            unique=True,
            postgresql_where=sa.text("is_active"),
        ),
    )

    plan_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    # No ON DELETE CASCADE: billing history must outlive any attempt to delete a patient row.
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    carrier_name: Mapped[str] = mapped_column(sa.String(100))
    member_id: Mapped[str] = mapped_column(sa.String(50))
    group_id: Mapped[str | None] = mapped_column(sa.String(50))
    plan_type: Mapped[PlanType] = mapped_column(checked_enum(PlanType, "insurance_plan_type"))
    copay_cents: Mapped[int | None] = mapped_column(sa.Integer)
    effective_date: Mapped[date | None] = mapped_column(sa.Date)
    is_active: Mapped[bool] = mapped_column(server_default="true")
    created_at: Mapped[datetime] = created_at_column()
