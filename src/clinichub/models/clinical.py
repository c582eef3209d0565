from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from clinichub.db.base import Base, created_at_column
from clinichub.vocabulary import BmiCategory


class MedicalRecord(Base):
    """A visit note's identity. Its content lives in append-only versions; the newest is current."""

    __tablename__ = "medical_records"
    __table_args__ = (
        Index(None, "patient_id", "record_date", "medical_record_id"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    medical_record_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.patient_id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.appointment_id"))
    provider_user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id"))
    record_date: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    created_at: Mapped[datetime] = created_at_column()


class MedicalRecordVersion(Base):
    """One version of a record's content. A trigger refuses UPDATE and DELETE."""

    __tablename__ = "medical_record_versions"
    __table_args__ = (
        ForeignKeyConstraint(["medical_record_id"], ["medical_records.medical_record_id"]),
    )

    medical_record_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    diagnosis: Mapped[str] = mapped_column(Text)
    icd10_codes: Mapped[list[str]] = mapped_column(ARRAY(String(8)), server_default="{}")
    treatment_plan: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    changed_by_user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Vitals(Base):
    """One set of measurements. BMI is computed by the server from height and weight."""

    __tablename__ = "vitals"
    __table_args__ = (
        Index(None, "patient_id", "recorded_at"),
        CheckConstraint("systolic > diastolic", name="systolic_above_diastolic"),
        CheckConstraint("pain_level BETWEEN 0 AND 10", name="pain_level_range"),
        CheckConstraint("o2_saturation BETWEEN 50 AND 100", name="o2_saturation_range"),
        CheckConstraint("pulse_bpm BETWEEN 20 AND 250", name="pulse_bpm_range"),
        CheckConstraint("temperature_c BETWEEN 30 AND 45", name="temperature_c_range"),
    )

    vitals_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.patient_id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.appointment_id"))
    recorded_by_user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id"))
    recorded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    height_m: Mapped[Decimal | None] = mapped_column(Numeric(3, 2))
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    systolic: Mapped[int | None] = mapped_column(SmallInteger)
    diastolic: Mapped[int | None] = mapped_column(SmallInteger)
    temperature_c: Mapped[Decimal | None] = mapped_column(Numeric(3, 1))
    pulse_bpm: Mapped[int | None] = mapped_column(SmallInteger)
    respiratory_rate: Mapped[int | None] = mapped_column(SmallInteger)
    o2_saturation: Mapped[int | None] = mapped_column(SmallInteger)
    pain_level: Mapped[int | None] = mapped_column(SmallInteger)
    bmi: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    bmi_category: Mapped[BmiCategory | None] = mapped_column(
        Enum(BmiCategory, name="bmi_category", native_enum=False, create_constraint=True, length=12)
    )

    @property
    def blood_pressure(self) -> str | None:
        if self.systolic is None:
            return None
        return f"{self.systolic}/{self.diastolic}"
