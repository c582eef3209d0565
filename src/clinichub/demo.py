"""Demo data for trying the API: staff of every role, the providers' working hours, a week of
appointments and a few invoiced past visits. Loading it twice changes nothing."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.billing.demo import seed_demo_billing
from clinichub.db.base import AnyRow
from clinichub.models import Appointment, User
from clinichub.patients.demo import seed_demo_patients
from clinichub.patients.repository import list_patients
from clinichub.patients.schemas import PatientSortKey
from clinichub.scheduling import repository as scheduling
from clinichub.scheduling.rules import WorkingRange, available_slots
from clinichub.schemas import PageParams
from clinichub.users.passwords import hash_password
from clinichub.users.repository import get_user_by_email
from clinichub.vocabulary import AppointmentStatus, Role, VisitType

# (email, password, first name, last name, role). Passwords follow the original product's
# example, `<role>123`: demo only, never for real data.
DEMO_STAFF = [
    ("admin@clinichub.com", "admin123", "Ada", "Admin", Role.admin),
    ("doctor@clinichub.com", "doctor123", "Gregory", "Santos", Role.doctor),
    ("nurse@clinichub.com", "nurse123", "Florence", "Rivera", Role.nurse),
    ("receptionist@clinichub.com", "receptionist123", "Pam", "Ortiz", Role.receptionist),
]


WEEKDAYS = range(5)
# Per demo provider: working hours (a lunch break for the doctor), visit length and how often
# a visit starts, so that the week is busy but not full.
DEMO_SCHEDULES = {
    "doctor@clinichub.com": (
        [WorkingRange(d, time(9), time(12)) for d in WEEKDAYS]
        + [WorkingRange(d, time(13), time(17)) for d in WEEKDAYS],
        timedelta(minutes=30),
        timedelta(minutes=90),
    ),
    "nurse@clinichub.com": (
        [WorkingRange(d, time(8), time(16)) for d in WEEKDAYS],
        timedelta(minutes=20),
        timedelta(hours=2),
    ),
}
DEMO_REASONS = ["Annual physical", "Follow-up", "Blood pressure check", "Vaccination", "Lab review"]


async def seed_demo(sessionmaker: async_sessionmaker[AsyncSession], timezone: tzinfo = UTC) -> None:
    """`timezone` is the clinic's: working hours are local wall times."""
    async with sessionmaker() as db, db.begin():
        for email, password, first_name, last_name, role in DEMO_STAFF:
            await db.execute(
                insert(User)
                .values(
                    email=email,
                    password_hash=await hash_password(password),
                    first_name=first_name,
                    last_name=last_name,
                    role=role,
                )
                .on_conflict_do_nothing(index_elements=[User.email])
            )
        await seed_demo_patients(db)
        await _seed_schedule(db, timezone)
        await seed_demo_billing(db, timezone)


async def _seed_schedule(db: AsyncSession, timezone: tzinfo) -> None:
    """Working hours for the demo providers that have none, and a week of appointments from
    today for the first demo patients, unless the demo providers already have appointments."""
    providers = [await get_user_by_email(db, email) for email in DEMO_SCHEDULES]
    ids = [provider.user_id for provider in providers if provider is not None]
    weeks = await scheduling.working_hours(db, ids)
    patients, _ = await list_patients(
        db, PageParams(page=1, per_page=20), sort_by=PatientSortKey.patient_id
    )
    book = patients and not await scheduling.has_appointments(db, ids)
    today = datetime.now(timezone).date()
    for index, (provider, (week, duration, step)) in enumerate(
        zip(providers, DEMO_SCHEDULES.values(), strict=True)
    ):
        if provider is None:
            continue
        if not weeks[provider.user_id]:
            await scheduling.replace_working_hours(db, provider.user_id, week)
        # Each provider sees their own patients, so no patient is ever in two places at once.
        own_patients = patients[index :: len(DEMO_SCHEDULES)]
        if book and own_patients:
            await scheduling.add_appointments(
                db,
                _demo_week(provider.user_id, own_patients, week, duration, step, today, timezone),
            )


def _demo_week(
    provider_user_id: int,
    patients: Sequence[AnyRow],
    week: list[WorkingRange],
    duration: timedelta,
    step: timedelta,
    today: date,
    timezone: tzinfo,
) -> list[Appointment]:
    slots = available_slots(
        date_from=today,
        date_to=today + timedelta(days=6),
        duration=duration,
        step=step,
        week=week,
        tz=timezone,
        busy=[],
        now=datetime.now(UTC),
    )
    return [
        Appointment(
            patient_id=patients[n % len(patients)].patient_id,
            provider_user_id=provider_user_id,
            scheduled_start=slot.start,
            scheduled_end=slot.end,
            # Tomorrow's visits have been confirmed by phone; later ones not yet.
            status=AppointmentStatus.confirmed
            if slot.start.astimezone(timezone).date() <= today + timedelta(days=1)
            else AppointmentStatus.scheduled,
            visit_type=VisitType.telehealth if n % 4 == 3 else VisitType.in_person,
            reason=DEMO_REASONS[n % len(DEMO_REASONS)],
        )
        for n, slot in enumerate(slots)
    ]
