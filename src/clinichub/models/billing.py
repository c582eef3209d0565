"""The CPT catalogue and invoices. The charges themselves (`cpt_records`) live beside the
appointments they come from, in models/scheduling.py."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinichub.billing.rules import CURRENCY, MAX_PRICE_CENTS
from clinichub.db.base import Base, checked_enum, created_at_column, updated_at_column, versioned
from clinichub.models.scheduling import CptRecord
from clinichub.vocabulary import InvoiceStatus

# The shape rule of billing.rules.CPT_CODE_PATTERN, repeated in the database.
CPT_CODE_CHECK = "code ~ '^[0-9]{4}[0-9A-Z]$'"


class CptCode(Base):
    """A procedure the clinic bills, with its current price. Charges copy the price when they are
    made, so re-pricing a code never changes a charge or an invoice already made."""

    __tablename__ = "cpt_codes"
    __table_args__ = (
        sa.CheckConstraint(CPT_CODE_CHECK, name="code_format"),
        sa.CheckConstraint(
            f"price_cents BETWEEN 0 AND {MAX_PRICE_CENTS}", name="price_cents_range"
        ),
        sa.CheckConstraint("btrim(description) <> ''", name="description_not_blank"),
        sa.CheckConstraint("btrim(category) <> ''", name="category_not_blank"),
        # The list's order: category, then code.
        sa.Index(None, "category", "code"),
    )

    code: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    description: Mapped[str] = mapped_column(sa.String(200))
    category: Mapped[str] = mapped_column(sa.String(50))
    price_cents: Mapped[int] = mapped_column(sa.Integer)
    is_active: Mapped[bool] = mapped_column(server_default="true")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()


class Invoice(Base):
    """The bill of one completed appointment. Its amounts and the insurance plan they were split
    by are copied at creation: later price or coverage changes never rewrite an invoice."""

    __tablename__ = "invoices"
    __table_args__ = (
        sa.CheckConstraint("total_cents >= 0", name="total_cents_non_negative"),
        sa.CheckConstraint("patient_due_cents >= 0", name="patient_due_cents_non_negative"),
        sa.CheckConstraint("insurance_due_cents >= 0", name="insurance_due_cents_non_negative"),
        sa.CheckConstraint(
            "patient_due_cents + insurance_due_cents = total_cents", name="split_adds_up"
        ),
        sa.CheckConstraint("(status = 'paid') = (paid_at IS NOT NULL)", name="paid_at_iff_paid"),
        sa.CheckConstraint("plan_copay_cents >= 0", name="plan_copay_cents_non_negative"),
        # The plan copy is whole or absent.
        sa.CheckConstraint(
            "(plan_id IS NULL) = (plan_carrier_name IS NULL) "
            "AND (plan_id IS NULL) = (plan_member_id IS NULL) "
            "AND (plan_id IS NULL) = (plan_type IS NULL)",
            name="plan_copy_complete",
        ),
        sa.Index(None, "patient_id"),
        sa.Index(None, "issued_at"),
        # The daily revenue report selects by payment time.
        sa.Index(None, "paid_at"),
        # Deleting a charge checks that no invoice references it: without an index, a scan.
        sa.Index(None, "cpt_id"),
    )

    invoice_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    # One invoice per appointment, whatever the application does (two racing creates included).
    appointment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("appointments.appointment_id"), unique=True
    )
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    # The primary charge: the one completing the appointment created.
    cpt_id: Mapped[int] = mapped_column(sa.ForeignKey("cpt_records.cpt_record_id"))
    status: Mapped[InvoiceStatus] = mapped_column(
        checked_enum(InvoiceStatus, "invoice_status"),
        server_default=InvoiceStatus.unpaid.value,
    )
    total_cents: Mapped[int] = mapped_column(sa.BigInteger)
    patient_due_cents: Mapped[int] = mapped_column(sa.BigInteger)
    insurance_due_cents: Mapped[int] = mapped_column(sa.BigInteger)
    currency: Mapped[str] = mapped_column(sa.String(3), server_default=CURRENCY)
    # A copy of the patient's active plan when the invoice was made.
    plan_id: Mapped[int | None] = mapped_column(sa.ForeignKey("insurance_plans.plan_id"))
    plan_carrier_name: Mapped[str | None] = mapped_column(sa.String(100))
    plan_member_id: Mapped[str | None] = mapped_column(sa.String(50))
    plan_type: Mapped[str | None] = mapped_column(sa.String(20))
    plan_copay_cents: Mapped[int | None] = mapped_column(sa.Integer)
    issued_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )
    paid_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[datetime] = updated_at_column()
    # Incremented by every UPDATE (the ETag; RFC 9110 13.1.1 If-Match).
    version: Mapped[int] = mapped_column(sa.Integer, server_default="1")

    __mapper_args__ = versioned(version)

    # The lines are the appointment's charges: every one of them, frozen once invoiced (charges
    # can be added or deleted only before).
    lines: Mapped[list[CptRecord]] = relationship(
        primaryjoin="foreign(CptRecord.appointment_id) == Invoice.appointment_id",
        order_by=CptRecord.cpt_record_id,
        viewonly=True,
        lazy="raise",
    )
