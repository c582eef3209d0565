"""Working hours, availability and the provider list over HTTP, including daylight-saving
changes in a clinic time zone that has them."""

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.vocabulary import Role
from tests.kit import COMING_MONDAY, Clinic, Login, MakePatient, MakeStaff, clock

# A Monday well ahead: availability never offers the past.
MONDAY = COMING_MONDAY
at = clock(MONDAY)

NEW_YORK = ZoneInfo("America/New_York")
NINE_TO_FIVE = [{"weekday": day, "start_time": "09:00", "end_time": "17:00"} for day in range(7)]


async def set_hours(
    clinic: Clinic, hours: list[dict[str, Any]], *, provider_id: int | None = None
) -> httpx.Response:
    return await clinic.client.put(
        f"/api/providers/{provider_id or clinic.doctor_id}/working-hours",
        json={"hours": hours},
        headers=clinic.headers,
    )


async def slots(
    clinic: Clinic, date_from: date, date_to: date, duration: int = 30, **params: Any
) -> list[str]:
    response = await clinic.client.get(
        f"/api/providers/{clinic.doctor_id}/availability",
        params={
            "date_from": date_from.isoformat(),
            "date_to": date_to.isoformat(),
            "duration_minutes": duration,
            **params,
        },
        headers=clinic.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["provider_user_id"] == clinic.doctor_id
    assert body["duration_minutes"] == duration
    for slot in body["slots"]:
        start, end = (datetime.fromisoformat(slot[k]) for k in ("start", "end"))
        assert end - start == timedelta(minutes=duration)
    return [slot["start"] for slot in body["slots"]]


# --- Working hours ----------------------------------------------------------------------------


async def test_working_hours_replace_the_week(clinic: Clinic) -> None:
    hours = [
        {"weekday": 1, "start_time": "09:00", "end_time": "17:00"},
        {"weekday": 0, "start_time": "13:00", "end_time": "17:30"},
        {"weekday": 0, "start_time": "08:00", "end_time": "12:00"},
    ]
    response = await set_hours(clinic, hours)
    assert response.status_code == 200, response.text
    expected = {
        "provider_user_id": clinic.doctor_id,
        "hours": sorted(hours, key=lambda h: (h["weekday"], h["start_time"])),
    }
    assert response.json() == {
        "message": "Working hours updated successfully",
        "working_hours": expected,
    }
    fetched = await clinic.client.get(
        f"/api/providers/{clinic.doctor_id}/working-hours", headers=clinic.headers
    )
    assert fetched.json() == expected
    assert (await set_hours(clinic, hours[:1])).json()["working_hours"]["hours"] == hours[:1]
    cleared = await set_hours(clinic, [])
    assert cleared.json()["working_hours"]["hours"] == []


@pytest.mark.parametrize(
    "hours",
    [
        [
            {"weekday": 0, "start_time": "09:00", "end_time": "12:00"},
            {"weekday": 0, "start_time": "11:00", "end_time": "13:00"},
        ],
        [{"weekday": 0, "start_time": "12:00", "end_time": "12:00"}],
        [{"weekday": 0, "start_time": "17:00", "end_time": "09:00"}],
        [{"weekday": 7, "start_time": "09:00", "end_time": "17:00"}],
        [{"weekday": -1, "start_time": "09:00", "end_time": "17:00"}],
        [{"weekday": 0, "start_time": "9am", "end_time": "17:00"}],
        [{"weekday": 0, "start_time": "09:00:30", "end_time": "17:00"}],
        [{"weekday": 0, "start_time": "09:00", "end_time": "25:00"}],
        [{"weekday": 0, "start_time": "09:00"}],
        [{"weekday": 0, "start_time": "09:00", "end_time": "17:00", "room": 4}],
    ],
)
async def test_invalid_working_hours_are_400(clinic: Clinic, hours: list[dict[str, Any]]) -> None:
    response = await set_hours(clinic, hours)
    assert response.status_code == 400, response.text


async def test_overlapping_ranges_are_named(clinic: Clinic) -> None:
    response = await set_hours(
        clinic,
        [
            {"weekday": 2, "start_time": "09:00", "end_time": "12:00"},
            {"weekday": 2, "start_time": "11:30", "end_time": "13:00"},
        ],
    )
    assert (
        response.json()["error"]
        == "Working hours overlap on weekday 2: 09:00-12:00 and 11:30-13:00"
    )


async def test_working_hours_belong_to_active_providers(
    clinic: Clinic, make_staff: MakeStaff
) -> None:
    receptionist = await make_staff(Role.receptionist)
    inactive = await make_staff(Role.nurse, is_active=False)
    for provider_id, status in ((999_999, 404), (inactive, 404), (receptionist, 400)):
        assert (
            await set_hours(clinic, NINE_TO_FIVE, provider_id=provider_id)
        ).status_code == status
        fetched = await clinic.client.get(
            f"/api/providers/{provider_id}/working-hours", headers=clinic.headers
        )
        assert fetched.status_code == status
    assert (await set_hours(clinic, [], provider_id=receptionist)).json()["error"] == (
        f"User {receptionist} is not a provider"
    )


async def test_bookings_must_fall_inside_working_hours(
    clinic: Clinic, make_staff: MakeStaff, make_patient: MakePatient
) -> None:
    await set_hours(
        clinic,
        [
            {"weekday": 0, "start_time": "09:00", "end_time": "12:00"},
            {"weekday": 0, "start_time": "12:00", "end_time": "12:30"},
            {"weekday": 0, "start_time": "14:00", "end_time": "17:00"},
        ],
    )
    inside = await clinic.booked(at(9), at(9, 30))
    await clinic.booked(at(11, 45), at(12, 15))  # across two touching ranges
    await clinic.booked(at(16, 30), at(17))
    for start, end in (
        (at(8, 45), at(9, 15)),
        (at(12, 15), at(14, 15)),
        (at(16, 45), at(17, 15)),
        (at(10, day=1), at(10, 30, day=1)),
    ):
        response = await clinic.book(start, end, expect=409)
        assert response.json()["code"] == "outside_working_hours"
    moved = await clinic.update(
        inside["appointment_id"], scheduled_start=at(13), scheduled_end=at(13, 30), expect=409
    )
    assert moved.json()["code"] == "outside_working_hours"
    # A provider without working hours takes any time.
    clinic.doctor_id = await make_staff(Role.nurse)
    clinic.patient_id = await make_patient()
    await clinic.booked(at(3), at(3, 30, day=0))


# --- Availability -----------------------------------------------------------------------------


async def test_availability_avoids_booked_time_on_a_grid(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    await set_hours(clinic, [{"weekday": 0, "start_time": "09:00", "end_time": "11:00"}])
    await clinic.booked(at(9, 10), at(9, 40))
    cancelled = await clinic.booked(at(10, 30), at(11))
    await clinic.update(cancelled["appointment_id"], status="cancelled")
    week_end = MONDAY + timedelta(days=6)
    assert await slots(clinic, MONDAY, week_end) == [at(10), at(10, 30)]
    assert await slots(clinic, MONDAY, MONDAY, slot_minutes=15) == [
        at(9, 45),
        at(10),
        at(10, 15),
        at(10, 30),
    ]
    assert await slots(clinic, MONDAY, MONDAY, duration=60) == [at(10)]
    assert await slots(clinic, MONDAY, MONDAY, duration=45, slot_minutes=60) == [at(10)]
    # Another provider's or another patient's bookings do not matter.
    clinic.patient_id = await make_patient()
    assert await slots(clinic, MONDAY + timedelta(days=7), MONDAY + timedelta(days=7)) == [
        at(hour, minute, day=7) for hour in (9, 10) for minute in (0, 30)
    ]


async def test_availability_never_offers_the_past(clinic: Clinic) -> None:
    before = datetime.now(UTC)
    today = before.date()
    starts = await slots(clinic, today - timedelta(days=1), today + timedelta(days=1), duration=60)
    assert starts
    assert all(datetime.fromisoformat(start) >= before for start in starts)
    # No working hours: the whole day, on the grid from midnight.
    tomorrow = today + timedelta(days=1)
    assert len(await slots(clinic, tomorrow, tomorrow, duration=60)) == 24


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2027-01-01", "date_to": "2027-02-01"},  # 32 days
        {"date_from": "2027-01-02", "date_to": "2027-01-01"},
        {"date_from": "2027-01-01"},
        {"date_from": "2027-02-30", "date_to": "2027-03-01"},
        {"date_from": "2027-01-01", "date_to": "2027-01-01", "duration_minutes": 0},
        {"date_from": "2027-01-01", "date_to": "2027-01-01", "duration_minutes": 721},
        {"date_from": "2027-01-01", "date_to": "2027-01-01", "slot_minutes": 1},
    ],
)
async def test_invalid_availability_queries_are_400(clinic: Clinic, params: dict[str, Any]) -> None:
    response = await clinic.client.get(
        f"/api/providers/{clinic.doctor_id}/availability", params=params, headers=clinic.headers
    )
    assert response.status_code == 400, response.text


async def test_availability_of_a_non_provider(clinic: Clinic, make_staff: MakeStaff) -> None:
    params = {"date_from": "2027-01-01", "date_to": "2027-01-01"}
    for provider_id, status in ((999_999, 404), (await make_staff(Role.admin), 400)):
        response = await clinic.client.get(
            f"/api/providers/{provider_id}/availability", params=params, headers=clinic.headers
        )
        assert response.status_code == status


# --- Providers --------------------------------------------------------------------------------


async def test_providers_list_active_doctors_and_nurses(
    clinic: Clinic, make_staff: MakeStaff
) -> None:
    nurse_id = await make_staff(Role.nurse, last_name="Aaron")
    await make_staff(Role.doctor, is_active=False)
    await make_staff(Role.receptionist)
    await set_hours(clinic, NINE_TO_FIVE[:1])
    response = await clinic.client.get("/api/providers", headers=clinic.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["pagination"]["total"] == 2
    assert [p["provider_user_id"] for p in body["providers"]] == [nurse_id, clinic.doctor_id]
    assert body["providers"][0] == {
        "provider_user_id": nurse_id,
        "first_name": "Test",
        "last_name": "Aaron",
        "role": "nurse",
        "working_hours": [],
    }
    assert body["providers"][1]["working_hours"] == NINE_TO_FIVE[:1]
    page = await clinic.client.get(
        "/api/providers", params={"per_page": 1, "page": 2}, headers=clinic.headers
    )
    assert [p["provider_user_id"] for p in page.json()["providers"]] == [clinic.doctor_id]


@pytest.mark.parametrize("role", list(Role))
async def test_provider_endpoints_role_matrix(clinic: Clinic, bearer: Login, role: Role) -> None:
    clinic.headers = await bearer(role)
    expected_put = 200 if role == Role.admin else 403
    assert (await set_hours(clinic, NINE_TO_FIVE)).status_code == expected_put
    base = f"/api/providers/{clinic.doctor_id}"
    for path, params in (
        ("/api/providers", {}),
        (f"{base}/working-hours", {}),
        (f"{base}/availability", {"date_from": MONDAY.isoformat(), "date_to": MONDAY.isoformat()}),
    ):
        response = await clinic.client.get(path, params=params, headers=clinic.headers)
        assert response.status_code == 200, (role, path)


# --- Daylight saving --------------------------------------------------------------------------


def next_change(tz: ZoneInfo, *, forward: bool) -> date:
    """The next day (after today) on which the zone's UTC offset moves forward or back."""
    day = datetime.now(UTC).date()
    while True:
        day += timedelta(days=1)
        before = datetime.combine(day - timedelta(days=1), time(12), tzinfo=tz).utcoffset()
        after = datetime.combine(day, time(12), tzinfo=tz).utcoffset()
        assert before is not None and after is not None
        if after != before and (after > before) == forward:
            return day


def utc_at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC).isoformat().replace("+00:00", "Z")


@pytest.fixture
async def new_york_client(settings: Settings, clean_db: None) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app whose clinic is in New York (EST/EDT), on the same database."""
    app: FastAPI = create_app(settings.model_copy(update={"clinic_timezone": "America/New_York"}))
    assert app.state.settings.timezone == NEW_YORK
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await app.state.engine.dispose()


@pytest.mark.parametrize("forward", [True, False], ids=["spring_forward", "fall_back"])
async def test_working_hours_follow_daylight_saving(
    clinic: Clinic, new_york_client: httpx.AsyncClient, forward: bool
) -> None:
    change = next_change(NEW_YORK, forward=forward)
    eve = change - timedelta(days=1)
    # 09:00 in New York: 14:00Z in winter (EST, -5), 13:00Z in summer (EDT, -4).
    nine_before, nine_after = (14, 13) if forward else (13, 14)
    assert (await set_hours(clinic, NINE_TO_FIVE)).status_code == 200
    clinic.client = new_york_client

    assert await slots(clinic, eve, change, duration=8 * 60) == [
        utc_at(eve, nine_before),
        utc_at(change, nine_after),
    ]
    hourly = await slots(clinic, change, change, duration=60)
    assert hourly[0] == utc_at(change, nine_after)
    assert len(hourly) == 8

    # 13:00Z is 09:00 on the summer-time side of the change, but 08:00 on the winter side.
    summer, winter = (change, eve) if forward else (eve, change)
    response = await clinic.book(utc_at(winter, 13), utc_at(winter, 13, 30), expect=409)
    assert response.json()["code"] == "outside_working_hours"
    await clinic.booked(utc_at(summer, 13), utc_at(summer, 13, 30))


async def test_list_days_are_clinic_days_across_a_change(
    clinic: Clinic, new_york_client: httpx.AsyncClient
) -> None:
    change = next_change(NEW_YORK, forward=True)
    eve = change - timedelta(days=1)
    clinic.client = new_york_client
    # The change day runs from 05:00Z (midnight EST) to 04:00Z the next day (midnight EDT).
    late_eve = await clinic.booked(utc_at(change, 4, 30), utc_at(change, 5))  # 23:30 EST
    first = await clinic.booked(utc_at(change, 5), utc_at(change, 5, 30))  # 00:00 EST
    last = await clinic.booked(
        utc_at(change + timedelta(days=1), 3, 30), utc_at(change + timedelta(days=1), 4)
    )  # 23:30 EDT
    after = await clinic.booked(
        utc_at(change + timedelta(days=1), 4), utc_at(change + timedelta(days=1), 4, 30)
    )  # 00:00 EDT the next day
    ids = [a["appointment_id"] for a in (late_eve, first, last, after)]
    day = change.isoformat()
    assert await clinic.ids(date_from=day, date_to=day) == ids[1:3]
    assert await clinic.ids(date_from=eve.isoformat(), date_to=eve.isoformat()) == ids[:1]
    # Offsets in the input are honoured and the output is UTC.
    local = await clinic.booked(f"{day}T09:00:00-04:00", f"{day}T09:30:00-04:00")
    assert local["scheduled_start"] == utc_at(change, 13)
