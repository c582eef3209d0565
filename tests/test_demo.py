"""`seed-demo`: a living clinic around the day it is loaded, the same after loading it again.

Staff and four providers with working hours, patients with plans (test_patients_demo.py), five
weeks of past visits charged, charted, invoiced and paid, a busy today, bookings ahead."""

import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from clinichub.clinic_time import Interval
from clinichub.demo import DEMO_STAFF, seed_demo
from clinichub.models import (
    Appointment,
    AuditEvent,
    CptRecord,
    InsurancePlan,
    Invoice,
    MedicalRecord,
    Patient,
    User,
    Vitals,
)
from clinichub.scheduling import repository
from clinichub.scheduling.demo import DAYS_AFTER, DAYS_BEFORE
from clinichub.scheduling.rules import within_working_hours
from clinichub.vocabulary import Role
from tests.kit import Login

Json = dict[str, Any]
NEW_YORK = ZoneInfo("America/New_York")
TABLES = (User, Patient, InsurancePlan, Appointment, CptRecord, Invoice, MedicalRecord, Vitals)
# The load must stay quick on a laptop's embedded PostgreSQL (15 s), and on a busy test machine.
SEED_SECONDS = 30


async def counts(app: FastAPI) -> dict[str, int]:
    async with app.state.sessionmaker() as db:
        return {
            table.__tablename__: await db.scalar(select(func.count()).select_from(table)) or 0
            for table in TABLES
        }


async def appointments(app: FastAPI) -> list[Appointment]:
    async with app.state.sessionmaker() as db:
        return list((await db.scalars(select(Appointment))).all())


async def get(client: httpx.AsyncClient, headers: dict[str, str], url: str, **params: Any) -> Json:
    response = await client.get(url, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def test_loading_twice_changes_nothing(app: FastAPI, client: httpx.AsyncClient) -> None:
    now = datetime.now(UTC)
    started = time.monotonic()
    await seed_demo(app.state.sessionmaker, now=now)
    elapsed = time.monotonic() - started
    assert elapsed < SEED_SECONDS, elapsed
    first = await counts(app)
    assert first["users"] == len(DEMO_STAFF) == 6
    assert first["patients"] >= 40
    assert first["appointments"] > 300
    assert min(first.values()) > 0

    await seed_demo(app.state.sessionmaker)
    assert await counts(app) == first
    # No audit events: the demo is not anyone's access to patient data.
    async with app.state.sessionmaker() as db:
        assert await db.scalar(select(func.count()).select_from(AuditEvent)) == 0

    # Every day of the span has visits, weekends included; past days hold only finished
    # visits, the coming ones only bookings.
    today = now.date()
    by_day: dict[date, Counter[str]] = {}
    for visit in await appointments(app):
        day = visit.scheduled_start.astimezone(UTC).date()
        by_day.setdefault(day, Counter())[visit.status.value] += 1
    assert sorted(by_day) == [
        today + timedelta(days=offset) for offset in range(-DAYS_BEFORE, DAYS_AFTER + 1)
    ]
    for day, statuses in by_day.items():
        if day < today:
            assert set(statuses) <= {"completed", "no_show", "cancelled"}, (day, statuses)
        elif day > today:
            assert set(statuses) <= {"scheduled", "confirmed", "cancelled"}, (day, statuses)


async def test_today_is_busy_in_every_status_of_a_visit(
    app: FastAPI, client: httpx.AsyncClient, login: Login
) -> None:
    await seed_demo(app.state.sessionmaker)  # the tests' clinic is in UTC
    headers = await login(Role.receptionist)
    today = datetime.now(UTC).date().isoformat()
    listing = await get(
        client, headers, "/api/appointments", date_from=today, date_to=today, per_page=100
    )
    statuses = Counter(visit["status"] for visit in listing["appointments"])
    assert statuses["completed"] >= 2
    assert statuses["in_progress"] >= 2  # one per provider at work
    assert statuses["checked_in"] >= 2
    assert statuses["confirmed"] >= 2
    assert listing["pagination"]["total"] >= 14
    providers = await get(client, headers, "/api/providers", per_page=100)
    at_work_today = {visit["provider_user_id"] for visit in listing["appointments"]}
    assert len(at_work_today) >= 2
    assert {p["provider_user_id"] for p in providers["providers"]} >= at_work_today


async def test_the_providers_and_their_hours_in_the_clinics_time_zone(
    app: FastAPI, client: httpx.AsyncClient, login: Login
) -> None:
    await seed_demo(app.state.sessionmaker, NEW_YORK)
    headers = await login(Role.receptionist)
    providers = (await get(client, headers, "/api/providers", per_page=100))["providers"]
    assert Counter(p["role"] for p in providers) == {"doctor": 2, "nurse": 2}
    weeks: dict[int, Any] = {}
    async with app.state.sessionmaker() as db:
        weeks = await repository.working_hours(db, [p["provider_user_id"] for p in providers])
    assert all(weeks.values())
    # Every day of the week, somebody sees patients.
    assert {r.weekday for week in weeks.values() for r in week} == set(range(7))
    visits = await appointments(app)
    by_patient_day: Counter[tuple[int, date]] = Counter()
    for visit in visits:
        window = Interval(visit.scheduled_start, visit.scheduled_end)
        assert within_working_hours(window, weeks[visit.provider_user_id], NEW_YORK), visit
        by_patient_day[(visit.patient_id, visit.scheduled_start.astimezone(NEW_YORK).date())] += 1
    # No patient is booked twice a day: never in two places at once.
    assert max(by_patient_day.values()) == 1
    today = datetime.now(NEW_YORK).date()
    assert any(v.scheduled_start.astimezone(NEW_YORK).date() == today for v in visits)


async def test_billing_has_a_queue_open_invoices_and_payments_and_patients_a_chart(
    app: FastAPI, client: httpx.AsyncClient, login: Login
) -> None:
    await seed_demo(app.state.sessionmaker)
    headers = await login(Role.admin)
    invoices = (await get(client, headers, "/api/invoices", per_page=100))["invoices"]
    statuses = Counter(invoice["status"] for invoice in invoices)
    assert statuses["paid"] >= 10 and statuses["unpaid"] >= 5
    now = datetime.now(UTC).isoformat()
    for invoice in invoices:
        assert invoice["total_cents"] == sum(line["amount_cents"] for line in invoice["lines"])
        assert (
            invoice["patient_due_cents"] + invoice["insurance_due_cents"]
            == (invoice["total_cents"])
        )
        assert invoice["issued_at"] <= (invoice["paid_at"] or invoice["issued_at"]) <= now
        telehealth = invoice["lines"][0]["modifier"] == "95"
        appointment = await get(client, headers, f"/api/appointments/{invoice['appointment_id']}")
        assert telehealth == (appointment["visit_type"] == "telehealth")
    # The billing queue: completed visits, charged, not yet invoiced.
    async with app.state.sessionmaker() as db:
        queued = await db.scalar(
            select(func.count())
            .select_from(Appointment)
            .where(
                Appointment.status == "completed",
                ~select(Invoice.invoice_id)
                .where(Invoice.appointment_id == Appointment.appointment_id)
                .exists(),
            )
        )
        uncharged = await db.scalar(
            select(func.count())
            .select_from(Appointment)
            .where(
                Appointment.status == "completed",
                ~select(CptRecord.cpt_record_id)
                .where(CptRecord.appointment_id == Appointment.appointment_id)
                .exists(),
            )
        )
    assert queued is not None and queued >= 5
    assert uncharged == 0
    # The last thirty days' revenue report has every kind of figure.
    today = datetime.now(UTC).date()
    report = await get(
        client,
        headers,
        "/api/reports/revenue",
        **{"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()},
    )
    totals = report["totals"]
    assert totals["billed_cents"] > 0 and totals["collected_cents"] > 0
    assert totals["receivable_cents"] > 0
    assert sum(day["billed_cents"] > 0 for day in report["days"]) >= 15

    # Visit notes with their codes, by the doctors; vitals; a history of visits.
    records = (await get(client, headers, "/api/medical-records", per_page=100))["records"]
    assert records
    assert all(record["icd10_codes"] for record in records)
    doctors = {u.user_id for u in await _users(app) if u.role == Role.doctor}
    assert {record["provider_user_id"] for record in records} <= doctors
    patient_id = records[0]["patient_id"]
    vitals = (await get(client, headers, "/api/vitals", patient_id=patient_id))["vitals"]
    assert vitals
    assert all(v["bmi"] is not None and v["blood_pressure"] for v in vitals)
    history = await get(client, headers, "/api/appointments", patient_id=patient_id)
    assert history["pagination"]["total"] >= 2


async def _users(app: FastAPI) -> list[User]:
    async with app.state.sessionmaker() as db:
        return list((await db.scalars(select(User))).all())


async def test_loading_a_week_later_adds_the_new_days_only(app: FastAPI, clean_db: None) -> None:
    now = datetime.now(UTC)
    await seed_demo(app.state.sessionmaker, now=now)
    before = Counter(v.scheduled_start.date() for v in await appointments(app))
    await seed_demo(app.state.sessionmaker, now=now + timedelta(days=7))
    after = Counter(v.scheduled_start.date() for v in await appointments(app))
    assert {day: after[day] for day in before} == before
    added = sorted(set(after) - set(before))
    last = now.date() + timedelta(days=DAYS_AFTER)
    assert added == [last + timedelta(days=n) for n in range(1, 8)]
