"""Demo data for trying the API and the web app: a living clinic. Staff of every role; four
providers with their working hours; forty patients with insurance plans; and, around the day it
is loaded, five weeks of past visits (charged, charted, mostly invoiced and paid), a busy today
and three weeks of bookings ahead. Loading it again changes nothing; loading it on a later day
adds the days that have come into that span.

Each domain seeds its own part (`patients/demo.py`, `scheduling/demo.py`, `billing/demo.py`,
`clinical/demo.py`); this module holds the staff, the kinds of visit each provider sees (what a
visit is billed with and what its note says), and the order: one transaction for all.
"""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.billing.demo import seed_demo_billing
from clinichub.clinical.demo import VisitNote, seed_demo_charts
from clinichub.models import User
from clinichub.patients.demo import seed_demo_patients
from clinichub.scheduling.demo import (
    EVERY_WEEKDAY,
    WEEKEND,
    DemoProvider,
    VisitKind,
    hours,
    seed_demo_visits,
    seed_demo_working_hours,
)
from clinichub.users.passwords import hash_password
from clinichub.users.repository import get_user_by_email
from clinichub.vocabulary import Role

DEFAULT_TELEHEALTH_BASE_URL = "https://meet.jit.si"

# (email, password, first name, last name, role). Passwords follow the original product's
# example, `<role>123`: demo only, never for real data. The first four are the documented logins.
DEMO_STAFF = [
    ("admin@clinichub.com", "admin123", "Ada", "Admin", Role.admin),
    ("doctor@clinichub.com", "doctor123", "Gregory", "Santos", Role.doctor),
    ("nurse@clinichub.com", "nurse123", "Florence", "Rivera", Role.nurse),
    ("receptionist@clinichub.com", "receptionist123", "Pam", "Ortiz", Role.receptionist),
    ("doctor2@clinichub.com", "doctor123", "Marisol", "Vega", Role.doctor),
    ("nurse2@clinichub.com", "nurse123", "Irene", "Delgado", Role.nurse),
]


@dataclass(frozen=True)
class DemoVisitKind:
    """A kind of visit: how it is booked, what it is billed with beyond its visit code, and the
    note its doctor writes (none for a nurse's visit)."""

    kind: VisitKind
    further_codes: Sequence[str] = ()
    note: VisitNote | None = None


def _doctor(
    reason: str,
    code: str,
    diagnosis: str,
    icd10: Sequence[str],
    plan: str,
    further: Sequence[str] = (),
    *,
    telehealth: bool = True,
    fever: bool = False,
    pain: int = 0,
) -> DemoVisitKind:
    return DemoVisitKind(
        VisitKind(reason, code, telehealth),
        tuple(further),
        VisitNote(diagnosis, tuple(icd10), plan, fever=fever, pain=pain),
    )


DOCTOR_VISITS = [
    _doctor(
        "Annual physical",
        "99214",
        "Routine adult health examination without abnormal findings",
        ["Z00.00"],
        "Fasting labs drawn; age-appropriate screening discussed; return in one year",
        ["80053", "36415"],
        telehealth=False,
    ),
    _doctor(
        "Diabetes follow-up",
        "99214",
        "Type 2 diabetes mellitus without complications",
        ["E11.9"],
        "Continue metformin 1000 mg twice daily; HbA1c in three months; foot care reviewed",
        ["80053", "36415"],
    ),
    _doctor(
        "Blood pressure follow-up",
        "99213",
        "Essential (primary) hypertension",
        ["I10"],
        "Continue lisinopril 10 mg daily; home readings twice a week; reduce salt",
    ),
    _doctor(
        "Cough and sore throat",
        "99213",
        "Acute upper respiratory infection, unspecified",
        ["J06.9"],
        "Fluids, rest and acetaminophen as needed; return if fever lasts beyond three days",
        fever=True,
        pain=3,
    ),
    _doctor(
        "Low back pain",
        "99213",
        "Low back pain, unspecified",
        ["M54.50"],
        "Ibuprofen 400 mg with meals for five days; stretching exercises; physical therapy "
        "referral if not better in two weeks",
        telehealth=False,
        pain=6,
    ),
    _doctor(
        "Chest discomfort",
        "99215",
        "Chest pain, unspecified; hyperlipidemia",
        ["R07.9", "E78.5"],
        "ECG normal; CBC drawn; start atorvastatin 20 mg; cardiology referral",
        ["85025", "36415"],
        telehealth=False,
        pain=4,
    ),
    _doctor(
        "Asthma check",
        "99214",
        "Mild persistent asthma, uncomplicated",
        ["J45.30"],
        "Continue inhaled budesonide; albuterol as needed; asthma action plan updated",
    ),
    _doctor(
        "Anxiety follow-up",
        "99214",
        "Generalized anxiety disorder",
        ["F41.1"],
        "Continue sertraline 50 mg daily; counselling referral; follow up in six weeks",
    ),
    _doctor(
        "Heartburn",
        "99213",
        "Gastro-esophageal reflux disease without esophagitis",
        ["K21.9"],
        "Omeprazole 20 mg daily for eight weeks; avoid late meals",
    ),
    _doctor(
        "Migraine",
        "99213",
        "Migraine, unspecified, not intractable",
        ["G43.909"],
        "Sumatriptan 50 mg at onset; headache diary; review in one month",
        pain=5,
    ),
]
NURSE_VISITS = [
    DemoVisitKind(VisitKind("Tdap vaccination", "90471"), ("90715",)),
    DemoVisitKind(VisitKind("Blood draw: complete blood count", "36415"), ("85025",)),
    DemoVisitKind(VisitKind("Blood draw: metabolic panel", "36415"), ("80053",)),
]
KINDS = {kind.kind.reason: kind for kind in DOCTOR_VISITS + NURSE_VISITS}


# Every day of the week has providers at work, so that today always has visits.
DEMO_PROVIDERS = {
    # Weekdays, with a lunch break.
    "doctor@clinichub.com": (hours(EVERY_WEEKDAY, 9, 12) + hours(EVERY_WEEKDAY, 13, 17), 30, 4, 9),
    # The late clinic on weekdays, and weekend mornings.
    "doctor2@clinichub.com": (hours(EVERY_WEEKDAY, 12, 19) + hours(WEEKEND, 9, 13), 30, 4, 8),
    "nurse@clinichub.com": (hours(EVERY_WEEKDAY, 8, 16), 20, 3, 7),
    "nurse2@clinichub.com": (hours(EVERY_WEEKDAY, 11, 19) + hours(WEEKEND, 9, 13), 20, 2, 6),
}


async def seed_demo(
    sessionmaker: async_sessionmaker[AsyncSession],
    timezone: tzinfo = UTC,
    telehealth_base_url: str = DEFAULT_TELEHEALTH_BASE_URL,
    *,
    now: datetime | None = None,
) -> None:
    """`timezone` is the clinic's (a ZoneInfo; UTC by default): working hours are local wall
    times, and "today" is the clinic's. `now` is the moment of loading (the clock's)."""
    zone = timezone if isinstance(timezone, ZoneInfo) else ZoneInfo("UTC")
    now = now or datetime.now(UTC)
    async with sessionmaker() as db, db.begin():
        await _seed_staff(db)
        patient_ids = await seed_demo_patients(db)
        providers = await _providers(db)
        await seed_demo_working_hours(db, providers)
        visits = await seed_demo_visits(db, providers, patient_ids, zone, now, telehealth_base_url)
        kinds = [(visit, KINDS[visit.reason or ""]) for visit in visits]
        await seed_demo_billing(db, [(v, kind.further_codes) for v, kind in kinds], zone, now)
        await seed_demo_charts(db, [(v, kind.note) for v, kind in kinds], zone)


async def _seed_staff(db: AsyncSession) -> None:
    """The demo staff not yet on file; bcrypt runs only for them, in parallel threads."""
    missing = [staff for staff in DEMO_STAFF if await get_user_by_email(db, staff[0]) is None]
    hashes = await asyncio.gather(*(hash_password(password) for _, password, *_ in missing))
    for (email, _, first_name, last_name, role), password_hash in zip(missing, hashes, strict=True):
        await db.execute(
            insert(User)
            .values(
                email=email,
                password_hash=password_hash,
                first_name=first_name,
                last_name=last_name,
                role=role,
            )
            .on_conflict_do_nothing(index_elements=[User.email])
        )


async def _providers(db: AsyncSession) -> list[DemoProvider]:
    """The demo providers on file, active, with what each of them sees."""
    providers = []
    for email, (week, minutes, per_day, today) in DEMO_PROVIDERS.items():
        user = await get_user_by_email(db, email)
        if user is None or not user.is_active or user.role not in (Role.doctor, Role.nurse):
            continue
        kinds = DOCTOR_VISITS if user.role == Role.doctor else NURSE_VISITS
        providers.append(
            DemoProvider(
                user_id=user.user_id,
                week=week,
                visit_length=timedelta(minutes=minutes),
                per_day=per_day,
                today=today,
                kinds=[kind.kind for kind in kinds],
            )
        )
    return providers
