"""Appointments, providers' working hours, and the charge a completed visit creates."""

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, column_property, mapped_column

from clinichub.db.base import Base, checked_enum, created_at_column, updated_at_column, versioned
from clinichub.scheduling.rules import BLOCKING_STATUSES
from clinichub.vocabulary import AppointmentStatus, CptRecordStatus, VisitType

# Only appointments in these statuses hold their slot (cancelled and no-show ones free it).
_BLOCKING = sa.text(
    "status IN (" + ", ".join(f"'{status}'" for status in sorted(BLOCKING_STATUSES)) + ")"
)
# Half-open, so that back-to-back appointments (10:00-10:30, 10:30-11:00) do not collide.
_SLOT = sa.func.tstzrange(
    sa.literal_column("scheduled_start"),
    sa.literal_column("scheduled_end"),
    sa.literal_column("'[)'"),
)
PROVIDER_OVERLAP = "ex_appointments_provider_overlap"
PATIENT_OVERLAP = "ex_appointments_patient_overlap"


def _one_at_a_time(column: str, name: str) -> ExcludeConstraint:
    """No two appointments that hold their slot overlap with the same `column` (the provider, or
    the patient)."""
    return ExcludeConstraint(
        (sa.literal_column(column), "="), (_SLOT, "&&"), name=name, using="gist", where=_BLOCKING
    )


class CptRecord(Base):
    """A billable procedure of a visit. Completing an appointment creates its primary record."""

    __tablename__ = "cpt_records"
    __table_args__ = (
        sa.Index(None, "appointment_id"),
        sa.Index(None, "patient_id"),
        # Billing (migration 0004): a charge's price is fixed when it is made.
        sa.CheckConstraint("quantity >= 1", name="quantity_positive"),
        sa.CheckConstraint("unit_price_cents >= 0", name="unit_price_cents_non_negative"),
        sa.CheckConstraint(
            "amount_cents = quantity * unit_price_cents", name="amount_cents_product"
        ),
        sa.CheckConstraint("modifier ~ '^[0-9A-Z]{2}$'", name="modifier_format"),
    )

    cpt_record_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    appointment_id: Mapped[int] = mapped_column(sa.ForeignKey("appointments.appointment_id"))
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    cpt_code: Mapped[str] = mapped_column(sa.ForeignKey("cpt_codes.code"))
    # A copy of the catalogue entry when the charge was made.
    description: Mapped[str] = mapped_column(sa.String(200))
    quantity: Mapped[int] = mapped_column(sa.SmallInteger, server_default="1")
    unit_price_cents: Mapped[int] = mapped_column(sa.Integer)
    amount_cents: Mapped[int] = mapped_column(sa.BigInteger)
    # A CPT modifier, e.g. 95 for a synchronous telehealth visit.
    modifier: Mapped[str | None] = mapped_column(sa.String(2))
    service_date: Mapped[date] = mapped_column(sa.Date)
    status: Mapped[CptRecordStatus] = mapped_column(
        checked_enum(CptRecordStatus, "cpt_record_status"),
        server_default=CptRecordStatus.pending.value,
    )
    created_at: Mapped[datetime] = created_at_column()


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        sa.CheckConstraint("scheduled_end > scheduled_start", name="end_after_start"),
        sa.CheckConstraint(
            "scheduled_end - scheduled_start <= interval '12 hours'", name="max_12h"
        ),
        # The final guarantee against double booking, also when two requests race.
        _one_at_a_time("provider_user_id", PROVIDER_OVERLAP),
        _one_at_a_time("patient_id", PATIENT_OVERLAP),
        sa.Index(None, "provider_user_id", "scheduled_start"),
        sa.Index(None, "patient_id", "scheduled_start"),
        sa.Index(None, "scheduled_start"),
    )

    appointment_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    provider_user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id"))
    scheduled_start: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    scheduled_end: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    status: Mapped[AppointmentStatus] = mapped_column(
        checked_enum(AppointmentStatus, "appointment_status")
    )
    visit_type: Mapped[VisitType] = mapped_column(
        checked_enum(VisitType, "visit_type"),
        server_default=VisitType.in_person.value,
    )
    reason: Mapped[str | None] = mapped_column(sa.String(500))
    notes: Mapped[str | None] = mapped_column(sa.Text)
    # The procedure planned; the charge made on completion uses it (else the clinic default).
    cpt_code: Mapped[str | None] = mapped_column(sa.String(5))
    cancellation_reason: Mapped[str | None] = mapped_column(sa.String(500))
    # An unguessable meeting link for telehealth visits; null for visits in person.
    telehealth_url: Mapped[str | None] = mapped_column(sa.String(300), unique=True)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    # Incremented by every UPDATE (the ETag; RFC 9110 13.1.1 If-Match).
    version: Mapped[int] = mapped_column(sa.Integer, server_default="1")

    __mapper_args__ = versioned(version)

    # The primary charge, read in the same query as the appointment. It depends on charges only,
    # not on this row, so a flush of the row leaves it; adding a first charge sets it.
    cpt_id: Mapped[int | None] = column_property(
        sa.select(sa.func.min(CptRecord.cpt_record_id))
        .where(CptRecord.appointment_id == appointment_id)
        .correlate_except(CptRecord)
        .scalar_subquery(),
        expire_on_flush=False,
    )


class ProviderWorkingHours(Base):
    """One range of a provider's weekly hours, in clinic-local wall time (weekday 0 = Monday)."""

    __tablename__ = "provider_working_hours"
    __table_args__ = (
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        sa.CheckConstraint("end_time > start_time", name="end_after_start"),
    )

    provider_user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.user_id", ondelete="CASCADE"), primary_key=True
    )
    weekday: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True)
    start_time: Mapped[time] = mapped_column(sa.Time, primary_key=True)
    end_time: Mapped[time] = mapped_column(sa.Time)
