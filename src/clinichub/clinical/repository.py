"""Queries on medical records (with their versions) and vitals. An archived patient's records
and vitals are never returned (`on_file`): to the API they no longer exist."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.clinical.schemas import MedicalRecordCreate
from clinichub.db.repository import page_of_entities, page_of_rows
from clinichub.models import MedicalRecord, MedicalRecordVersion, Vitals
from clinichub.models.scheduling import Appointment
from clinichub.patients.repository import of_patients_on_file, on_file
from clinichub.schemas import PageParams

RecordRow = tuple[MedicalRecord, MedicalRecordVersion]
# What a version of a record holds; an amendment keeps the fields it does not send.
CONTENT_FIELDS = ("diagnosis", "icd10_codes", "treatment_plan", "notes")


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
    db: AsyncSession, data: MedicalRecordCreate, *, author_user_id: int, record_date: date
) -> RecordRow:
    """A new record and its first version, written by `author_user_id`."""
    record = MedicalRecord(
        patient_id=data.patient_id,
        appointment_id=data.appointment_id,
        provider_user_id=author_user_id,
        record_date=record_date,
    )
    content = MedicalRecordVersion(
        **{field: getattr(data, field) for field in CONTENT_FIELDS},
        changed_by_user_id=author_user_id,
    )
    db.add(record)
    await db.flush()
    content.medical_record_id = record.medical_record_id
    content.version = 1
    db.add(content)
    await db.flush()
    await db.refresh(record)
    await db.refresh(content)
    return record, content


async def add_records(
    db: AsyncSession, notes: Sequence[tuple[MedicalRecordCreate, int, date]]
) -> None:
    """Many new records, each with its first version, as (content, author, record date): the
    demo's charts, in two statements."""
    records = [
        MedicalRecord(
            patient_id=data.patient_id,
            appointment_id=data.appointment_id,
            provider_user_id=author_user_id,
            record_date=record_date,
        )
        for data, author_user_id, record_date in notes
    ]
    db.add_all(records)
    await db.flush()
    db.add_all(
        [
            MedicalRecordVersion(
                **{field: getattr(data, field) for field in CONTENT_FIELDS},
                changed_by_user_id=author_user_id,
                medical_record_id=record.medical_record_id,
                version=1,
            )
            for record, (data, author_user_id, _) in zip(records, notes, strict=True)
        ]
    )
    await db.flush()


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
    db: AsyncSession,
    row: RecordRow,
    changes: Mapping[str, Any],
    *,
    author_user_id: int,
) -> MedicalRecordVersion:
    """Append the current version with `changes` merged in as the record's next version (the
    record row is locked by the caller: get_record with for_update)."""
    record, current = row
    content = MedicalRecordVersion(
        **{field: changes.get(field, getattr(current, field)) for field in CONTENT_FIELDS},
        changed_by_user_id=author_user_id,
    )
    record.version += 1
    content.medical_record_id = record.medical_record_id
    content.version = record.version
    db.add(content)
    await db.flush()
    await db.refresh(content)
    return content


async def list_records(
    db: AsyncSession, page: PageParams, *, patient_id: int | None, appointment_id: int | None
) -> tuple[list[RecordRow], int]:
    conditions = of_patients_on_file(MedicalRecord.patient_id, patient_id)
    if appointment_id is not None:
        conditions.append(MedicalRecord.appointment_id == appointment_id)
    rows, total = await page_of_rows(
        db,
        cast(
            "Select[Any]",
            _with_current_version().order_by(
                MedicalRecord.record_date.desc(), MedicalRecord.medical_record_id.desc()
            ),
        ),
        page,
        count_from=MedicalRecord,
        conditions=conditions,
    )
    return [(row[0], row[1]) for row in rows], total


async def versions(db: AsyncSession, record_id: int) -> Sequence[MedicalRecordVersion]:
    """Oldest first. The caller has found the record (get_record), so its patient is on file."""
    rows = await db.scalars(
        select(MedicalRecordVersion)
        .where(MedicalRecordVersion.medical_record_id == record_id)
        .order_by(MedicalRecordVersion.version)
    )
    return rows.all()


async def add_vitals(db: AsyncSession, values: Mapping[str, Any]) -> Vitals:
    vitals = Vitals(**values)
    db.add(vitals)
    await db.flush()
    await db.refresh(vitals)
    return vitals


async def add_many_vitals(db: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> None:
    """Many sets of vitals at once (the demo's charts)."""
    db.add_all([Vitals(**values) for values in rows])
    await db.flush()


async def list_vitals(
    db: AsyncSession, page: PageParams, *, patient_id: int | None, appointment_id: int | None
) -> tuple[Sequence[Vitals], int]:
    conditions = of_patients_on_file(Vitals.patient_id, patient_id)
    if appointment_id is not None:
        conditions.append(Vitals.appointment_id == appointment_id)
    return await page_of_entities(
        db,
        select(Vitals).order_by(Vitals.recorded_at.desc(), Vitals.vitals_id.desc()),
        page,
        count_from=Vitals,
        conditions=conditions,
    )
