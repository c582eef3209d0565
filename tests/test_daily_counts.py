"""Appointments per clinic day, by status, over HTTP: every day of the range (zeros too), days of
the clinic's time zone (daylight-saving days included), one query, and 400s naming the field."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.scheduling.schemas import StatusCounts
from clinichub.vocabulary import AppointmentStatus, Role
from tests.kit import (
    PAST_MONDAY,
    Clinic,
    Json,
    Login,
    MakePatient,
    MakeStaff,
    allowed,
    clock,
    statements_on,
)

URL = "/api/appointments/daily-counts"
MONDAY = PAST_MONDAY
at = clock(MONDAY)


def day(offset: int) -> str:
    """The date `offset` days after MONDAY."""
    return (MONDAY + timedelta(days=offset)).isoformat()


def counted(day: str, **statuses: int) -> Json:
    """A day's entry: every status, zero unless given."""
    by_status = {status.value: statuses.get(status.value, 0) for status in AppointmentStatus}
    return {"date": day, "total": sum(by_status.values()), "by_status": by_status}


async def counts(clinic: Clinic, date_from: str, date_to: str, **params: Any) -> Json:
    return await clinic.call(
        "GET", URL, params={"date_from": date_from, "date_to": date_to, **params}
    )


def totals(body: Json) -> dict[str, int]:
    return {entry["date"]: entry["total"] for entry in body["days"]}


@asynccontextmanager
async def clinic_in(settings: Settings, zone: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app on the same database whose clinic is in `zone`."""
    app = create_app(settings.model_copy(update={"clinic_timezone": zone}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await app.state.engine.dispose()
    await app.state.side_engine.dispose()


def test_every_status_has_its_count() -> None:
    assert set(StatusCounts.model_fields) == set(AppointmentStatus)


async def test_every_day_and_every_status_is_present(clinic: Clinic) -> None:
    statuses = {
        9: None,  # scheduled
        10: "confirmed",
        11: "completed",
        12: "cancelled",
        13: "no_show",
    }
    for hour, status in statuses.items():
        booked = await clinic.booked(at(hour), at(hour, 30))
        if status is not None:
            await clinic.update(booked["appointment_id"], status=status)
    for hour, status in ((9, "checked_in"), (10, "in_progress")):
        booked = await clinic.booked(at(hour, day=2), at(hour, 30, day=2))
        await clinic.update(booked["appointment_id"], status=status)

    body = await counts(clinic, day(-1), day(3))
    assert body == {
        "date_from": day(-1),
        "date_to": day(3),
        "days": [
            counted(day(-1)),
            counted(day(0), scheduled=1, confirmed=1, completed=1, cancelled=1, no_show=1),
            counted(day(1)),
            counted(day(2), checked_in=1, in_progress=1),
            counted(day(3)),
        ],
    }
    # One day alone, and a range that holds no appointment: every day still answers.
    assert (await counts(clinic, day(2), day(2)))["days"] == [
        counted(day(2), checked_in=1, in_progress=1)
    ]
    assert totals(await counts(clinic, day(5), day(6))) == {day(5): 0, day(6): 0}


async def test_a_late_visit_counts_on_its_clinic_day(clinic: Clinic, settings: Settings) -> None:
    """Puerto Rico is UTC-4 all year: 23:30 there on Monday is 03:30Z on Tuesday."""
    evening = await clinic.booked(f"{day(0)}T20:00:00-04:00", f"{day(0)}T20:30:00-04:00")
    late = await clinic.booked(f"{day(0)}T23:30:00-04:00", f"{day(1)}T00:00:00-04:00")
    midnight = await clinic.booked(f"{day(1)}T00:00:00-04:00", f"{day(1)}T00:30:00-04:00")
    assert late["scheduled_start"] == f"{day(1)}T03:30:00Z"
    assert evening["scheduled_start"] == f"{day(1)}T00:00:00Z"

    utc = await counts(clinic, day(0), day(1))
    assert totals(utc) == {day(0): 0, day(1): 3}

    async with clinic_in(settings, "America/Puerto_Rico") as puerto_rico:
        clinic.client = puerto_rico
        local = await counts(clinic, day(0), day(1))
        assert local["days"] == [counted(day(0), scheduled=2), counted(day(1), scheduled=1)]
        # The list's bare dates cut the same clinic days.
        listed = await clinic.ids(date_from=day(0), date_to=day(0))
    assert listed == [evening["appointment_id"], late["appointment_id"]]
    assert midnight["appointment_id"] not in listed


async def test_a_daylight_saving_day_is_one_clinic_day(clinic: Clinic, settings: Settings) -> None:
    """New York springs forward on 2026-03-08: that day runs from 05:00Z to 04:00Z the next
    day (23 hours), and 23:30 is 04:30Z the day before, 03:30Z that day."""
    await clinic.booked("2026-03-08T04:30:00Z", "2026-03-08T05:00:00Z")  # 7 March, 23:30 EST
    await clinic.booked("2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z")  # 8 March, 00:00 EST
    await clinic.booked("2026-03-09T03:30:00Z", "2026-03-09T04:00:00Z")  # 8 March, 23:30 EDT
    await clinic.booked("2026-03-09T04:00:00Z", "2026-03-09T04:30:00Z")  # 9 March, 00:00 EDT
    async with clinic_in(settings, "America/New_York") as new_york:
        clinic.client = new_york
        body = await counts(clinic, "2026-03-07", "2026-03-09")
    assert totals(body) == {"2026-03-07": 1, "2026-03-08": 2, "2026-03-09": 1}


async def test_one_providers_days(clinic: Clinic, make_staff: MakeStaff) -> None:
    first = clinic.doctor_id
    await clinic.booked(at(9), at(9, 30))
    clinic.doctor_id = await make_staff(Role.nurse)
    await clinic.booked(at(10), at(10, 30))
    await clinic.booked(at(10, day=1), at(10, 30, day=1))

    assert totals(await counts(clinic, day(0), day(1))) == {day(0): 2, day(1): 1}
    mine = await counts(clinic, day(0), day(1), provider_user_id=first)
    assert totals(mine) == {day(0): 1, day(1): 0}
    assert totals(await counts(clinic, day(0), day(0), provider_user_id=999999)) == {day(0): 0}


async def test_archived_patients_visits_are_left_out(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    await clinic.booked(at(9), at(9, 30))
    archived = clinic.patient_id = await make_patient()
    await clinic.booked(at(10), at(10, 30))
    assert totals(await counts(clinic, day(0), day(0))) == {day(0): 2}
    await clinic.call("DELETE", f"/api/patients/{archived}")
    assert totals(await counts(clinic, day(0), day(0))) == {day(0): 1}
    # As in the list.
    assert (await clinic.listing(date_from=day(0), date_to=day(0)))["pagination"]["total"] == 1


async def test_the_counts_are_one_query(clinic: Clinic, app: FastAPI) -> None:
    for offset in range(3):
        await clinic.booked(at(9, day=offset), at(9, 30, day=offset))
    with statements_on(app) as statements:
        body = await counts(clinic, day(0), day(61))
    assert len(body["days"]) == 62
    assert sum(totals(body).values()) == 3
    assert len([s for s in statements if "FROM appointments" in s]) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "date_from"),
        ({"date_from": "2026-04-13"}, "date_to"),
        ({"date_from": "2026-02-30", "date_to": "2026-03-01"}, "date_from"),
        ({"date_from": "2026-04-13", "date_to": "14/04/2026"}, "date_to"),
        ({"date_from": "2026-04-13T00:00:00Z", "date_to": "2026-04-14"}, "date_from"),
        ({"date_from": "1899-12-31", "date_to": "1900-01-01"}, "date_from"),
        ({"date_from": "2026-04-13", "date_to": "2026-04-14", "provider_user_id": 0}, None),
    ],
)
async def test_invalid_parameters_are_400_naming_the_field(
    clinic: Clinic, params: Json, field: str | None
) -> None:
    response = await clinic.client.get(URL, params=params, headers=clinic.headers)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_request"
    assert body["details"][0]["field"] == (field or "provider_user_id")
    if not params:
        # Not taken for an appointment id by /api/appointments/{appointment_id}.
        assert body["error"] == "Missing required field: date_from"


@pytest.mark.parametrize(
    ("date_from", "date_to", "error"),
    [
        ("2026-04-14", "2026-04-13", "date_to must not be before date_from"),
        (
            "2026-04-01",
            "2026-06-02",  # 63 days in all
            "The range from date_from to date_to may span at most 62 days",
        ),
    ],
)
async def test_reversed_and_long_ranges_are_400(
    clinic: Clinic, date_from: str, date_to: str, error: str
) -> None:
    response = await clinic.client.get(
        URL, params={"date_from": date_from, "date_to": date_to}, headers=clinic.headers
    )
    assert response.status_code == 400, response.text
    body = response.json()
    assert (body["code"], body["error"]) == ("invalid_range", error)
    assert [detail["field"] for detail in body["details"]] == ["date_to"]


async def test_62_days_is_the_longest_range(clinic: Clinic) -> None:
    body = await counts(clinic, "2026-04-01", "2026-06-01")
    dates = [entry["date"] for entry in body["days"]]
    assert (len(dates), dates[0], dates[-1]) == (62, "2026-04-01", "2026-06-01")
    assert dates == sorted(set(dates))


@pytest.mark.parametrize("role", sorted(allowed("appointments_daily_counts")))
async def test_every_member_of_staff_reads_the_counts(
    clinic: Clinic, bearer: Login, role: Role
) -> None:
    await clinic.booked(at(9), at(9, 30))
    clinic.headers = await bearer(role)
    assert totals(await counts(clinic, day(0), day(0))) == {day(0): 1}
    anonymous = await clinic.client.get(URL, params={"date_from": day(0), "date_to": day(0)})
    assert anonymous.status_code == 401
