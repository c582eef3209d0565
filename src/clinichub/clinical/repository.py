"""Queries on medical records (with their versions) and vitals. An archived patient's records
and vitals are never returned (`on_file`): to the API they no longer exist."""

from collections.abc import Sequence

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.models import MedicalRecord, MedicalRecordVersion, Vitals
from clinichub.models.scheduling import Appointment
from clinichub.patients.repository import on_file
from clinichub.schemas import PageParams

RecordRow = tuple[MedicalRecord, MedicalRecordVersion]


def _with_current_version() -> Select[MedicalRecord, MedicalRecordVersion]:
    return select(MedicalRecord, MedicalRecordVersion).join(
        MedicalRecordVersion,
        and_(
            MedicalRecordVersion.medical_record_id == MedicalRecord.medical_record_id,
            MedicalRecordVersion.version == MedicalRecord.version,
        ),
    )


async def appointment_patient_id(db: AsyncSession, appointment_id: int) -> int | None:
    return await db.scalar(
        select(Appointment.patient_id).where(Appointment.appointment_id == appointment_id)
    )


async def add_record(
    db: AsyncSession, record: MedicalRecord, content: MedicalRecordVersion
) -> RecordRow:
    db.add(record)
    await db.flush()
    content.medical_record_id = record.medical_record_id
    content.version = 1
    db.add(content)
    await db.flush()
    await db.refresh(record)
    await db.refresh(content)
    return record, content


async def get_record(
    db: AsyncSession, record_id: int, *, for_update: bool = False
) -> RecordRow | None:
    statement = _with_current_version().where(
        MedicalRecord.medical_record_id == record_id, on_file(MedicalRecord.patient_id)
    )
    if for_update:
        statement = statement.with_for_update(of=MedicalRecord)
    row = (await db.execute(statement)).one_or_none()
    return None if row is None else (row[0], row[1])


async def add_version(
    db: AsyncSession, record: MedicalRecord, content: MedicalRecordVersion
) -> MedicalRecordVersion:
    """Append `content` as the record's next version (the record row is locked by the caller)."""
    record.version += 1
    content.medical_record_id = record.medical_record_id
    content.version = record.version
    db.add(content)
    await db.flush()
    await db.refresh(content)
    return content


async def list_records(
    db: AsyncSession, page: PageParams, *, patient_id: int | None
) -> tuple[list[RecordRow], int]:
    conditions = [on_file(MedicalRecord.patient_id)]
    if patient_id is not None:
        conditions.append(MedicalRecord.patient_id == patient_id)
    total = await db.scalar(select(func.count()).select_from(MedicalRecord).where(*conditions))
    rows = await db.execute(
        _with_current_version()
        .where(*conditions)
        .order_by(MedicalRecord.record_date.desc(), MedicalRecord.medical_record_id.desc())
        .offset(page.offset)
        .limit(page.per_page)
    )
    return [(row[0], row[1]) for row in rows], total or 0


async def versions(db: AsyncSession, record_id: int) -> Sequence[MedicalRecordVersion]:
    """Oldest first. The caller has found the record (get_record), so its patient is on file."""
    rows = await db.scalars(
        select(MedicalRecordVersion)
        .where(MedicalRecordVersion.medical_record_id == record_id)
        .order_by(MedicalRecordVersion.version)
    )
    return rows.all()


async def add_vitals(db: AsyncSession, vitals: Vitals) -> Vitals:
    db.add(vitals)
    await db.flush()
    await db.refresh(vitals)
    return vitals


async def list_vitals(
    db: AsyncSession, page: PageParams, *, patient_id: int | None
) -> tuple[Sequence[Vitals], int]:
    conditions = [on_file(Vitals.patient_id)]
    if patient_id is not None:
        conditions.append(Vitals.patient_id == patient_id)
    total = await db.scalar(select(func.count()).select_from(Vitals).where(*conditions))
    rows = await db.scalars(
        select(Vitals)
        .where(*conditions)
        .order_by(Vitals.recorded_at.desc(), Vitals.vitals_id.desc())
        .offset(page.offset)
        .limit(page.per_page)
    )
    return rows.all(), total or 0
