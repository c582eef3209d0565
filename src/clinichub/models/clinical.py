from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, checked_enum, created_at_column
from clinichub.vocabulary import BmiCategory


class MedicalRecord(Base):
    """A visit note's identity. Its content lives in append-only versions; the newest is current."""

    __tablename__ = "medical_records"
    __table_args__ = (
        sa.Index(None, "patient_id", "record_date", "medical_record_id"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    medical_record_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    appointment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appointments.appointment_id"))
    provider_user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id"))
    record_date: Mapped[date] = mapped_column(sa.Date)
    version: Mapped[int] = mapped_column(sa.Integer, server_default="1")
    created_at: Mapped[datetime] = created_at_column()


class MedicalRecordVersion(Base):
    """One version of a record's content. A trigger refuses UPDATE and DELETE."""

    __tablename__ = "medical_record_versions"
    __table_args__ = (
        sa.ForeignKeyConstraint(["medical_record_id"], ["medical_records.medical_record_id"]),
    )

    medical_record_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    version: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    diagnosis: Mapped[str] = mapped_column(sa.Text)
    icd10_codes: Mapped[list[str]] = mapped_column(ARRAY(sa.String(8)), server_default="{}")
    treatment_plan: Mapped[str] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    changed_by_user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id"))
    changed_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )


class Vitals(Base):
    """One set of measurements. BMI is computed by the server from height and weight."""

    __tablename__ = "vitals"
    __table_args__ = (
        sa.Index(None, "patient_id", "recorded_at"),
        sa.CheckConstraint("systolic > diastolic", name="systolic_above_diastolic"),
        sa.CheckConstraint("pain_level BETWEEN 0 AND 10", name="pain_level_range"),
        sa.CheckConstraint("o2_saturation BETWEEN 50 AND 100", name="o2_saturation_range"),
        sa.CheckConstraint("pulse_bpm BETWEEN 20 AND 250", name="pulse_bpm_range"),
        sa.CheckConstraint("temperature_c BETWEEN 30 AND 45", name="temperature_c_range"),
    )

    vitals_id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(sa.ForeignKey("patients.patient_id"))
    appointment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appointments.appointment_id"))
    recorded_by_user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.user_id"))
    recorded_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now()
    )
    height_m: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    weight_kg: Mapped[Decimal | None] = mapped_column(sa.Numeric(4, 1))
    systolic: Mapped[int | None] = mapped_column(sa.SmallInteger)
    diastolic: Mapped[int | None] = mapped_column(sa.SmallInteger)
    temperature_c: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 1))
    pulse_bpm: Mapped[int | None] = mapped_column(sa.SmallInteger)
    respiratory_rate: Mapped[int | None] = mapped_column(sa.SmallInteger)
    o2_saturation: Mapped[int | None] = mapped_column(sa.SmallInteger)
    pain_level: Mapped[int | None] = mapped_column(sa.SmallInteger)
    bmi: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 1))
    bmi_category: Mapped[BmiCategory | None] = mapped_column(
        checked_enum(BmiCategory, "bmi_category", length=12)
    )

    @property
    def blood_pressure(self) -> str | None:
        if self.systolic is None:
            return None
        return f"{self.systolic}/{self.diastolic}"
