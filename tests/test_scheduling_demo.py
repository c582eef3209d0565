"""The demo data's schedule: working hours for the demo providers and a week of appointments."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import FastAPI
from sqlalchemy import select

from clinichub.clinic_time import Interval
from clinichub.demo import seed_demo
from clinichub.models import Appointment
from clinichub.scheduling import repository
from clinichub.scheduling.rules import (
    INITIAL_STATUSES,
    WorkingRange,
    within_working_hours,
)
from clinichub.users.repository import get_user_by_email
from tests.kit import MakePatient

NEW_YORK = ZoneInfo("America/New_York")


async def _schedule(app: FastAPI) -> tuple[dict[int, list[WorkingRange]], list[Appointment]]:
    async with app.state.sessionmaker() as db:
        doctor = await get_user_by_email(db, "doctor@clinichub.com")
        nurse = await get_user_by_email(db, "nurse@clinichub.com")
        assert doctor is not None and nurse is not None
        weeks = await repository.working_hours(db, [doctor.user_id, nurse.user_id])
        appointments = (await db.scalars(select(Appointment))).all()
    return weeks, list(appointments)


async def test_seed_demo_adds_hours_and_a_week_of_appointments_once(
    app: FastAPI, make_patient: MakePatient
) -> None:
    for _ in range(6):
        await make_patient()
    await seed_demo(app.state.sessionmaker, NEW_YORK)
    weeks, appointments = await _schedule(app)
    assert all(weeks.values())
    # The coming week's; the demo's past visits (billing's) are completed.
    upcoming = [a for a in appointments if a.status in INITIAL_STATUSES]
    assert len(upcoming) >= 10
    now = datetime.now(UTC)
    for appointment in upcoming:
        window = Interval(appointment.scheduled_start, appointment.scheduled_end)
        week = weeks[appointment.provider_user_id]
        assert within_working_hours(window, week, NEW_YORK)
        assert now <= window.start <= now + timedelta(days=7)
    # Doctor and nurse see different patients: no patient is double-booked.
    by_provider: dict[int, set[int]] = {}
    for appointment in upcoming:
        by_provider.setdefault(appointment.provider_user_id, set()).add(appointment.patient_id)
    doctor_patients, nurse_patients = by_provider.values()
    assert not doctor_patients & nurse_patients

    await seed_demo(app.state.sessionmaker, NEW_YORK)
    again_weeks, again = await _schedule(app)
    assert again_weeks == weeks
    assert sorted(a.appointment_id for a in again) == sorted(a.appointment_id for a in appointments)
