"""Demo scheduling: the demo providers' working hours, and their visits from a month ago to three
weeks ahead, relative to the day the demo is loaded, so that the calendar always looks lived in.

Each clinic day of that span is planned once: a day on which a demo provider already has an
appointment is left as it is, so loading again changes nothing, and loading on a later day adds
the days that have come into the span. Past days hold completed visits (and a few no-shows and
cancellations); today holds visits completed earlier, one in progress, one checked in and the
rest confirmed for later; the coming days are scheduled or confirmed. No patient has two visits
on one day, so no two bookings of a patient overlap; a provider's visits take distinct slots of
their working hours, so neither do a provider's.
"""

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.clinic_time import Interval, local_day
from clinichub.models import Appointment
from clinichub.scheduling import repository, rules
from clinichub.scheduling.rules import WorkingRange
from clinichub.vocabulary import AppointmentStatus, VisitType

# The span of demo visits around the day of loading.
DAYS_BEFORE = 35
DAYS_AFTER = 21
S = AppointmentStatus
EVERY_WEEKDAY = range(5)
WEEKEND = (5, 6)
CANCELLATION_REASONS = ["Patient called to reschedule", "Patient unwell", "Transport problem"]
_THE_PAST = datetime.min.replace(tzinfo=UTC)


def hours(days: Sequence[int], start: int, end: int) -> list[WorkingRange]:
    return [WorkingRange(day, time(start), time(end)) for day in days]


@dataclass(frozen=True)
class VisitKind:
    """What a visit is for: its reason, the code it is billed with, and whether it may be held by
    video."""

    reason: str
    cpt_code: str
    telehealth: bool = False


@dataclass(frozen=True)
class DemoProvider:
    user_id: int
    week: list[WorkingRange]
    visit_length: timedelta
    # Visits on an ordinary day, and on the day of loading (a busy one).
    per_day: int
    today: int
    kinds: Sequence[VisitKind]


async def seed_demo_working_hours(db: AsyncSession, providers: Sequence[DemoProvider]) -> None:
    """The providers' weeks, for those that have none (an admin's changes are kept)."""
    weeks = await repository.working_hours(db, [provider.user_id for provider in providers])
    for provider in providers:
        if not weeks[provider.user_id]:
            await repository.replace_working_hours(db, provider.user_id, provider.week)


async def seed_demo_visits(
    db: AsyncSession,
    providers: Sequence[DemoProvider],
    patient_ids: Sequence[int],
    timezone: ZoneInfo,
    now: datetime,
    telehealth_base_url: str,
) -> list[Appointment]:
    """The visits of every day of the span that the providers have none on yet; returns them,
    saved (with their ids)."""
    today = now.astimezone(timezone).date()
    first, last = today - timedelta(days=DAYS_BEFORE), today + timedelta(days=DAYS_AFTER)
    span = Interval(local_day(first, timezone).start, local_day(last, timezone).end)
    planned = await repository.days_with_appointments(
        db, [provider.user_id for provider in providers], span, timezone.key
    )
    visits: list[Appointment] = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if day not in planned:
            visits += plan_day(day, today, now, providers, patient_ids, timezone)
    for visit in visits:
        if visit.visit_type == VisitType.telehealth:
            visit.telehealth_url = rules.telehealth_link(
                visit.visit_type, None, base_url=telehealth_base_url, room=secrets.token_urlsafe(16)
            )
    await repository.add_appointments(db, visits)
    return visits


def plan_day(
    day: date,
    today: date,
    now: datetime,
    providers: Sequence[DemoProvider],
    patient_ids: Sequence[int],
    timezone: ZoneInfo,
) -> list[Appointment]:
    """One day's visits of every provider working that day, each with a patient of their own.
    The same day is planned the same way whenever it is planned (a generator seeded by it)."""
    rng = random.Random(day.toordinal())
    patients = list(patient_ids)
    rng.shuffle(patients)
    visits = []
    for provider in providers:
        slots = rules.available_slots(
            date_from=day,
            date_to=day,
            duration=provider.visit_length,
            step=provider.visit_length,
            week=provider.week,
            tz=timezone,
            busy=[],
            now=_THE_PAST,
        )
        wanted = provider.today if day == today else provider.per_day
        chosen = sorted(rng.sample(slots, min(wanted, len(slots), len(patients))))
        for slot, status in zip(chosen, _statuses(day, today, now, chosen, rng), strict=True):
            kind = rng.choice(provider.kinds)
            video = kind.telehealth and rng.random() < 0.25
            visits.append(
                Appointment(
                    patient_id=patients.pop(),
                    provider_user_id=provider.user_id,
                    scheduled_start=slot.start,
                    scheduled_end=slot.end,
                    status=status,
                    visit_type=VisitType.telehealth if video else VisitType.in_person,
                    reason=kind.reason,
                    cpt_code=kind.cpt_code,
                    cancellation_reason=rng.choice(CANCELLATION_REASONS)
                    if status == S.cancelled
                    else None,
                )
            )
    return visits


def _statuses(
    day: date, today: date, now: datetime, slots: Sequence[Interval], rng: random.Random
) -> list[AppointmentStatus]:
    if day < today:
        return [
            rng.choices([S.completed, S.no_show, S.cancelled], weights=[86, 7, 7])[0] for _ in slots
        ]
    if day == today:
        return _today(now, slots)
    if day == today + timedelta(days=1):
        # Tomorrow's patients have been called to confirm.
        return [S.confirmed for _ in slots]
    return [
        rng.choices([S.scheduled, S.confirmed, S.cancelled], weights=[65, 30, 5])[0] for _ in slots
    ]


def _today(now: datetime, slots: Sequence[Interval]) -> list[AppointmentStatus]:
    """Visits over by now are completed, the next is in progress, the one after checked in, the
    rest confirmed; at any hour, at least one visit of each (given four)."""
    if len(slots) < 4:
        return [S.confirmed for _ in slots]
    over = sum(slot.end <= now for slot in slots)
    done = min(max(over, 1), len(slots) - 3)
    later = len(slots) - done - 2
    return [S.completed] * done + [S.in_progress, S.checked_in] + [S.confirmed] * later
