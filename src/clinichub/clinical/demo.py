"""Demo charts: the vitals taken at the demo's visits and the notes their doctors wrote, so that a
patient's page has a history to show.

Vitals are taken at every visit completed or under way, by its provider, a few minutes after
it starts; each patient keeps a height, a weight and a blood pressure of their own, give or take
a little from one visit to the next. A doctor's completed visit has its visit note (a medical
record dated the day of the visit) with the diagnosis and ICD-10-CM codes of its kind.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.clinic_time import service_date
from clinichub.clinical import repository
from clinichub.clinical.schemas import MedicalRecordCreate, VitalsCreate
from clinichub.clinical.service import vitals_values
from clinichub.models import Appointment
from clinichub.vocabulary import AppointmentStatus

CHARTED = frozenset({AppointmentStatus.completed, AppointmentStatus.in_progress})


@dataclass(frozen=True)
class VisitNote:
    diagnosis: str
    icd10_codes: Sequence[str]
    treatment_plan: str
    # Kinds of visit with a symptom show it in the vitals.
    fever: bool = False
    pain: int = 0


async def seed_demo_charts(
    db: AsyncSession,
    visits: Sequence[tuple[Appointment, VisitNote | None]],
    timezone: ZoneInfo,
) -> None:
    """Vitals for each visit of `visits` completed or in progress; a visit note, by the visit's
    provider, for each completed one that comes with a note."""
    vitals = []
    notes = []
    for appointment, note in visits:
        if appointment.status not in CHARTED:
            continue
        vitals.append(_vitals(appointment, note))
        if note is None or appointment.status != AppointmentStatus.completed:
            continue
        record = MedicalRecordCreate(
            patient_id=appointment.patient_id,
            appointment_id=appointment.appointment_id,
            diagnosis=note.diagnosis,
            icd10_codes=list(note.icd10_codes),
            treatment_plan=note.treatment_plan,
            notes=appointment.reason,
        )
        day = service_date(appointment.scheduled_start, timezone)
        notes.append((record, appointment.provider_user_id, day))
    await repository.add_many_vitals(db, vitals)
    await repository.add_records(db, notes)


def _vitals(appointment: Appointment, note: VisitNote | None) -> dict[str, object]:
    """Plausible measurements: the patient's own (a generator seeded by the patient), varied by
    the visit (one seeded by the visit)."""
    person = random.Random(appointment.patient_id)
    visit = random.Random(appointment.scheduled_start.timestamp())
    height = round(person.uniform(1.52, 1.88), 2)
    weight = round(person.uniform(52, 105) + visit.uniform(-1.5, 1.5), 1)
    systolic = person.randint(108, 148) + visit.randint(-6, 6)
    diastolic = min(person.randint(66, 92) + visit.randint(-4, 4), systolic - 25)
    fever = note is not None and note.fever
    body = VitalsCreate(
        patient_id=appointment.patient_id,
        appointment_id=appointment.appointment_id,
        height_m=height,
        weight_kg=weight,
        blood_pressure=f"{systolic}/{diastolic}",
        temperature_c=round(visit.uniform(38.0, 38.9) if fever else visit.uniform(36.4, 37.2), 1),
        pulse_bpm=visit.randint(88, 104) if fever else visit.randint(60, 88),
        respiratory_rate=visit.randint(14, 20),
        o2_saturation=visit.randint(95, 99),
        pain_level=note.pain if note is not None else 0,
    )
    values = vitals_values(body, appointment.provider_user_id)
    values["recorded_at"] = appointment.scheduled_start + timedelta(minutes=5)
    return values
