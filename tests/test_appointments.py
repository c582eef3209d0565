"""Appointments over HTTP on real PostgreSQL: booking, conflicts, lifecycle, cancel, list, roles."""

import asyncio
import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import clinichub.scheduling.repository as scheduling_repository
from clinichub.models import Appointment, CptRecord
from clinichub.scheduling.rules import ALLOWED_TRANSITIONS
from clinichub.vocabulary import AppointmentStatus, Role
from tests.kit import (
    PAST_MONDAY,
    Clinic,
    Login,
    MakePatient,
    MakeStaff,
    clock,
    events,
    statements_on,
)

S = AppointmentStatus
# Visits of a Monday of the past: they may be completed and marked no-shows whenever the suite
# runs. Days after FUTURE lie ahead.
MONDAY = PAST_MONDAY
FUTURE = (date.today() - MONDAY).days + 2
at = clock(MONDAY)


# --- Create -----------------------------------------------------------------------------------


async def test_create_returns_the_appointment(clinic: Clinic) -> None:
    response = await clinic.book(
        at(10), at(10, 30), reason="General checkup", notes="First visit", cpt_code="99214"
    )
    body = response.json()
    assert body["message"] == "Appointment created successfully"
    appointment = body["appointment"]
    assert appointment["appointment_id"] >= 1
    assert appointment["patient_id"] == clinic.patient_id
    assert appointment["provider_user_id"] == clinic.doctor_id
    assert appointment["scheduled_start"] == at(10)
    assert appointment["scheduled_end"] == at(10, 30)
    assert appointment["status"] == "scheduled"
    assert appointment["visit_type"] == "in_person"
    assert appointment["reason"] == "General checkup"
    assert appointment["notes"] == "First visit"
    assert appointment["cpt_code"] == "99214"
    assert appointment["cpt_id"] is None
    assert appointment["cancellation_reason"] is None
    assert appointment["created_at"].endswith("Z")
    fetched = await clinic.client.get(
        f"/api/appointments/{appointment['appointment_id']}", headers=clinic.headers
    )
    assert fetched.status_code == 200
    assert fetched.json() == appointment


async def test_times_with_an_offset_are_stored_in_utc(clinic: Clinic, app: FastAPI) -> None:
    day = MONDAY.isoformat()
    appointment = await clinic.booked(f"{day}T10:00:00-04:00", f"{day}T14:30:00+00:00")
    assert appointment["scheduled_start"] == at(14)
    assert appointment["scheduled_end"] == at(14, 30)
    naive = await clinic.booked(f"{day}T16:00:00", f"{day}T16:30:00")
    assert naive["scheduled_start"] == at(16)
    async with app.state.sessionmaker() as db:
        stored = await db.get(Appointment, naive["appointment_id"])
    assert stored is not None
    assert stored.scheduled_start == datetime.fromisoformat(at(16))


async def test_offset_input_normalises_to_utc_in_the_response(clinic: Clinic) -> None:
    day = MONDAY.isoformat()
    appointment = await clinic.booked(f"{day}T10:00:00+02:00", f"{day}T10:30:00+02:00")
    assert appointment["scheduled_start"] == at(8)
    assert appointment["scheduled_end"] == at(8, 30)


async def test_confirmed_is_a_valid_initial_status(clinic: Clinic) -> None:
    appointment = await clinic.booked(at(9), at(9, 30), status="confirmed", visit_type="telehealth")
    assert appointment["status"] == "confirmed"
    assert appointment["visit_type"] == "telehealth"


@pytest.mark.parametrize(
    "status", ["checked_in", "in_progress", "completed", "cancelled", "no_show"]
)
async def test_other_initial_statuses_are_rejected(clinic: Clinic, status: str) -> None:
    response = await clinic.book(at(9), at(9, 30), status=status, expect=400)
    assert "scheduled" in response.json()["error"]


@pytest.mark.parametrize(
    "field", ["patient_id", "provider_user_id", "scheduled_start", "scheduled_end"]
)
async def test_missing_field_is_named(clinic: Clinic, field: str) -> None:
    body = {
        "patient_id": clinic.patient_id,
        "provider_user_id": clinic.doctor_id,
        "scheduled_start": at(9),
        "scheduled_end": at(9, 30),
    }
    del body[field]
    response = await clinic.client.post("/api/appointments", json=body, headers=clinic.headers)
    assert response.status_code == 400
    assert response.json()["error"] == f"Missing required field: {field}"


@pytest.mark.parametrize(
    "fields",
    [
        {"scheduled_start": "next tuesday"},
        {"scheduled_end": "2026-13-40T10:00:00Z"},
        {"status": "pending"},
        {"visit_type": "house_call"},
        {"cpt_code": "9921"},
        {"appointment_id": 5},
        {"reason": "x" * 501},
    ],
)
async def test_invalid_fields_are_400(clinic: Clinic, fields: dict[str, Any]) -> None:
    body = {"scheduled_start": at(9), "scheduled_end": at(9, 30), **fields}
    response = await clinic.book(
        body.pop("scheduled_start"), body.pop("scheduled_end"), **body, expect=400
    )
    assert response.json()["code"] == "invalid_request"


async def test_window_rules(clinic: Clinic) -> None:
    for end in (at(9), at(8, 59)):
        response = await clinic.book(at(9), end, expect=400)
        assert response.json()["error"] == "scheduled_end must be after scheduled_start"
    too_long = await clinic.book(at(6), at(18, 1), expect=400)
    assert "12 hours" in too_long.json()["error"]
    await clinic.book(at(6), at(18))


async def test_unknown_or_archived_patient_is_404(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    clinic.patient_id = 999_999
    response = await clinic.book(at(9), at(9, 30), expect=404)
    assert response.json()["error"] == "Patient not found"
    clinic.patient_id = await make_patient(archived=True)
    response = await clinic.book(at(9), at(9, 30), expect=404)
    assert response.json()["error"] == "Patient not found"


async def test_provider_must_be_an_active_doctor_or_nurse(
    clinic: Clinic, make_staff: MakeStaff
) -> None:
    for provider_id in (999_999, await make_staff(Role.doctor, is_active=False)):
        clinic.doctor_id = provider_id
        response = await clinic.book(at(9), at(9, 30), expect=404)
        assert response.json()["error"] == "Provider not found or inactive"
    for role in (Role.receptionist, Role.admin):
        clinic.doctor_id = await make_staff(role)
        response = await clinic.book(at(9), at(9, 30), expect=400)
        assert response.json()["error"] == f"User {clinic.doctor_id} is not a provider"
    clinic.doctor_id = await make_staff(Role.nurse)
    await clinic.book(at(9), at(9, 30))


async def test_unknown_cpt_code_is_400(clinic: Clinic) -> None:
    response = await clinic.book(at(9), at(9, 30), cpt_code="12345", expect=400)
    assert "12345" in response.json()["error"]


# --- Conflicts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ((10, 0), (10, 30)),  # exact
        ((9, 45), (10, 15)),  # ends inside
        ((10, 15), (10, 45)),  # starts inside
        ((10, 10), (10, 20)),  # inside
        ((9, 0), (11, 0)),  # around
    ],
)
async def test_overlaps_are_409_with_the_occupying_appointment(
    clinic: Clinic, make_patient: MakePatient, start: tuple[int, int], end: tuple[int, int]
) -> None:
    first = await clinic.booked(at(10), at(10, 30))
    clinic.patient_id = await make_patient()
    response = await clinic.book(at(*start), at(*end), expect=409)
    assert response.json() == {
        "error": "Provider already has an appointment during that time slot",
        "code": "appointment_conflict",
        "conflict_appointment_id": first["appointment_id"],
    }


async def test_back_to_back_and_other_providers_are_fine(
    clinic: Clinic, make_staff: MakeStaff, make_patient: MakePatient
) -> None:
    await clinic.booked(at(10), at(10, 30))
    clinic.patient_id = await make_patient()
    await clinic.booked(at(10, 30), at(11))
    await clinic.booked(at(9, 30), at(10))
    clinic.doctor_id = await make_staff(Role.doctor)
    clinic.patient_id = await make_patient()
    await clinic.booked(at(10), at(10, 30))


@pytest.mark.parametrize("status", ["cancelled", "no_show"])
async def test_cancelled_and_no_show_slots_can_be_rebooked(
    clinic: Clinic, make_patient: MakePatient, status: str
) -> None:
    first = await clinic.booked(at(10), at(10, 30))
    await clinic.update(first["appointment_id"], status=status)
    clinic.patient_id = await make_patient()
    await clinic.booked(at(10), at(10, 30))


async def test_a_patient_cannot_be_in_two_places(clinic: Clinic, make_staff: MakeStaff) -> None:
    first = await clinic.booked(at(10), at(10, 30))
    clinic.doctor_id = await make_staff(Role.nurse)
    response = await clinic.book(at(10, 15), at(10, 45), expect=409)
    assert response.json() == {
        "error": "Patient already has an appointment during that time slot",
        "code": "patient_conflict",
        "conflict_appointment_id": first["appointment_id"],
    }
    await clinic.booked(at(10, 30), at(11))


async def test_completed_appointments_keep_their_slot(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    first = await clinic.booked(at(10), at(10, 30))
    await clinic.update(first["appointment_id"], status="completed")
    clinic.patient_id = await make_patient()
    response = await clinic.book(at(10), at(10, 30), expect=409)
    assert response.json()["conflict_appointment_id"] == first["appointment_id"]


async def test_fifty_concurrent_bookings_of_one_slot(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    patients = [await make_patient() for _ in range(50)]

    async def attempt(patient_id: int) -> httpx.Response:
        body = {
            "patient_id": patient_id,
            "provider_user_id": clinic.doctor_id,
            "scheduled_start": at(10),
            "scheduled_end": at(10, 30),
        }
        return await clinic.client.post("/api/appointments", json=body, headers=clinic.headers)

    responses = await asyncio.gather(*(attempt(p) for p in patients))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 49, statuses
    (winner,) = [r.json()["appointment"] for r in responses if r.status_code == 201]
    for response in responses:
        if response.status_code == 409:
            assert response.json()["code"] == "appointment_conflict"
            assert response.json()["conflict_appointment_id"] == winner["appointment_id"]
    assert (await clinic.listing())["pagination"]["total"] == 1


async def test_the_database_refuses_overlaps_the_application_missed(
    clinic: Clinic, app: FastAPI, make_patient: MakePatient
) -> None:
    first = await clinic.booked(at(10), at(10, 30))
    other_patient = await make_patient()
    async with app.state.sessionmaker() as db:
        db.add(
            Appointment(
                patient_id=other_patient,
                provider_user_id=clinic.doctor_id,
                scheduled_start=datetime.fromisoformat(at(10, 15)),
                scheduled_end=datetime.fromisoformat(at(10, 45)),
                status=S.scheduled,
            )
        )
        with pytest.raises(IntegrityError, match="ex_appointments_provider_overlap"):
            await db.commit()
    assert await clinic.ids() == [first["appointment_id"]]


async def test_a_booking_the_check_missed_is_a_409_naming_the_winner(
    clinic: Clinic, make_patient: MakePatient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check before the insert is blind to a booking that commits just after it: the insert
    (ON CONFLICT DO NOTHING) then inserts nothing, and the check, run again, names the winner.
    Here the first check is skipped, as if the winner had committed after it."""
    first = await clinic.booked(at(10), at(10, 30))
    ensure_free = scheduling_repository.ensure_free
    checks: list[dict[str, Any]] = []

    async def blind_first(db: Any, **kwargs: Any) -> None:
        checks.append(kwargs)
        if len(checks) > 1:
            await ensure_free(db, **kwargs)

    monkeypatch.setattr(scheduling_repository, "ensure_free", blind_first)
    clinic.patient_id = await make_patient()
    response = await clinic.book(at(10, 15), at(10, 45), expect=409)
    assert response.json()["conflict_appointment_id"] == first["appointment_id"]
    assert len(checks) == 2
    assert await clinic.ids() == [first["appointment_id"]]


# --- Update and reschedule --------------------------------------------------------------------


async def test_reschedule_to_a_free_slot(clinic: Clinic) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    moved = (
        await clinic.update(
            appointment["appointment_id"], scheduled_start=at(10, 15), scheduled_end=at(10, 45)
        )
    ).json()
    assert moved["message"] == "Appointment updated successfully"
    assert moved["appointment"]["scheduled_start"] == at(10, 15)
    assert moved["appointment"]["scheduled_end"] == at(10, 45)
    assert moved["appointment"]["updated_at"] >= appointment["updated_at"]


async def test_partial_updates(clinic: Clinic) -> None:
    appointment = await clinic.booked(at(10), at(10, 30), reason="Checkup", cpt_code="99213")
    appointment_id = appointment["appointment_id"]
    later = (await clinic.update(appointment_id, scheduled_end=at(11))).json()["appointment"]
    assert (later["scheduled_start"], later["scheduled_end"]) == (at(10), at(11))
    response = await clinic.update(appointment_id, scheduled_start=at(11), expect=400)
    assert response.json()["error"] == "scheduled_end must be after scheduled_start"
    cleared = (
        await clinic.update(appointment_id, reason=None, notes="Bring labs", cpt_code=None)
    ).json()["appointment"]
    assert (cleared["reason"], cleared["notes"], cleared["cpt_code"]) == (None, "Bring labs", None)
    for field in ("scheduled_start", "status", "visit_type"):
        await clinic.update(appointment_id, expect=400, **{field: None})
    for field, value in (("patient_id", 2), ("provider_user_id", 2), ("cancellation_reason", "x")):
        await clinic.update(appointment_id, expect=400, **{field: value})
    await clinic.update(appointment_id, cpt_code="00000", expect=400)


async def test_moving_into_an_occupied_slot_is_409(
    clinic: Clinic, make_patient: MakePatient
) -> None:
    occupying = await clinic.booked(at(10), at(10, 30))
    clinic.patient_id = await make_patient()
    moving = await clinic.booked(at(11), at(11, 30))
    response = await clinic.update(
        moving["appointment_id"], scheduled_start=at(10, 15), scheduled_end=at(10, 45), expect=409
    )
    assert response.json()["code"] == "appointment_conflict"
    assert response.json()["conflict_appointment_id"] == occupying["appointment_id"]
    # Overlapping its own old window is fine.
    await clinic.update(
        moving["appointment_id"], scheduled_start=at(11, 15), scheduled_end=at(11, 45)
    )


@pytest.mark.parametrize("status", ["completed", "cancelled", "no_show"])
async def test_final_appointments_cannot_move(clinic: Clinic, status: str) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    appointment_id = appointment["appointment_id"]
    await clinic.update(appointment_id, status=status)
    response = await clinic.update(appointment_id, scheduled_start=at(9, 30), expect=409)
    assert response.json()["error"] == f"Cannot reschedule an appointment with status '{status}'"
    # The same window is not a move; notes may still change.
    await clinic.update(
        appointment_id, scheduled_start=at(10), scheduled_end=at(10, 30), notes="Follow up"
    )


async def test_every_transition_over_http(clinic: Clinic, make_patient: MakePatient) -> None:
    """Each (from, to) pair is allowed or rejected as the table says; a new patient and hour each
    time keep the bookings apart."""
    path_to = {
        S.scheduled: [],
        S.confirmed: [S.confirmed],
        S.checked_in: [S.checked_in],
        S.in_progress: [S.in_progress],
        S.completed: [S.completed],
        S.cancelled: [S.cancelled],
        S.no_show: [S.no_show],
    }
    for hour, (current, new) in enumerate(itertools.product(S, S)):
        clinic.patient_id = await make_patient()
        appointment = await clinic.booked(
            at(hour % 24, day=hour // 24), at(hour % 24, 30, day=hour // 24)
        )
        appointment_id = appointment["appointment_id"]
        for step in path_to[current]:
            await clinic.update(appointment_id, status=step)
        response = await clinic.update(appointment_id, status=new, expect=None)
        if new == current or new in ALLOWED_TRANSITIONS[current]:
            assert response.status_code == 200, (current, new, response.text)
            assert response.json()["appointment"]["status"] == new
        else:
            assert response.status_code == 409, (current, new)
            assert response.json() == {
                "error": f"Cannot change status from '{current}' to '{new}'",
                "code": "invalid_status_transition",
            }


# --- Completion -------------------------------------------------------------------------------


async def _cpt_records(app: FastAPI, appointment_id: int) -> list[CptRecord]:
    async with app.state.sessionmaker() as db:
        records = await db.scalars(
            select(CptRecord).where(CptRecord.appointment_id == appointment_id)
        )
        return list(records)


async def test_completion_creates_exactly_one_cpt_record(clinic: Clinic, app: FastAPI) -> None:
    appointment = await clinic.booked(at(10), at(10, 30), cpt_code="99214")
    appointment_id = appointment["appointment_id"]
    await clinic.update(appointment_id, status="checked_in")
    response = (await clinic.update(appointment_id, status="completed")).json()
    assert response["message"] == "Appointment updated successfully"
    cpt_id = response["appointment"]["cpt_id"]
    assert isinstance(cpt_id, int)
    assert response["appointment"]["status"] == "completed"
    # Re-sending the status is a no-op: no second record.
    again = (await clinic.update(appointment_id, status="completed")).json()
    assert again["appointment"]["cpt_id"] == cpt_id
    (record,) = await _cpt_records(app, appointment_id)
    assert record.cpt_record_id == cpt_id
    assert record.cpt_code == "99214"
    assert record.patient_id == clinic.patient_id
    assert record.service_date == MONDAY
    fetched = await clinic.client.get(f"/api/appointments/{appointment_id}", headers=clinic.headers)
    assert fetched.json()["cpt_id"] == cpt_id
    listed = await clinic.listing(status="completed")
    assert listed["appointments"][0]["cpt_id"] == cpt_id


async def test_completion_uses_the_clinic_default_code(clinic: Clinic, app: FastAPI) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    await clinic.update(appointment["appointment_id"], status="completed")
    (record,) = await _cpt_records(app, appointment["appointment_id"])
    assert record.cpt_code == "99213"


async def test_completion_can_set_the_final_code(clinic: Clinic, app: FastAPI) -> None:
    appointment = await clinic.booked(at(10), at(10, 30), cpt_code="99213")
    await clinic.update(appointment["appointment_id"], status="completed", cpt_code="99215")
    (record,) = await _cpt_records(app, appointment["appointment_id"])
    assert record.cpt_code == "99215"
    response = await clinic.update(appointment["appointment_id"], cpt_code="99214", expect=409)
    assert response.json()["code"] == "appointment_completed"


async def test_only_completion_creates_a_record(clinic: Clinic, app: FastAPI) -> None:
    for hour, status in enumerate(
        ["confirmed", "checked_in", "in_progress", "cancelled", "no_show"]
    ):
        appointment = await clinic.booked(at(hour), at(hour, 30))
        await clinic.update(appointment["appointment_id"], status=status)
    async with app.state.sessionmaker() as db:
        assert await db.scalar(select(func.count()).select_from(CptRecord)) == 0


async def test_concurrent_completions_create_one_record(clinic: Clinic, app: FastAPI) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    responses = await asyncio.gather(
        *(
            clinic.update(appointment["appointment_id"], status="completed", expect=None)
            for _ in range(5)
        )
    )
    assert all(r.status_code == 200 for r in responses)
    assert len({r.json()["appointment"]["cpt_id"] for r in responses}) == 1
    assert len(await _cpt_records(app, appointment["appointment_id"])) == 1


async def test_a_visit_is_completed_on_or_after_its_day(clinic: Clinic, app: FastAPI) -> None:
    ahead = await clinic.booked(at(10, day=FUTURE), at(10, 30, day=FUTURE))
    early = await clinic.update(ahead["appointment_id"], status="completed", expect=409)
    assert early.json() == {
        "error": "Cannot complete a visit before the day it is scheduled",
        "code": "visit_not_started",
    }
    assert await _cpt_records(app, ahead["appointment_id"]) == []
    # Later today: a patient seen early is fine (the tests' clinic day is UTC's).
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    start = now + min(timedelta(hours=1), (midnight - now) / 2)
    today = await clinic.booked(start.isoformat(), (start + timedelta(minutes=1)).isoformat())
    done = await clinic.update(today["appointment_id"], status="completed")
    assert done.json()["appointment"]["cpt_id"] is not None


async def test_a_no_show_is_recorded_after_the_start(clinic: Clinic) -> None:
    start = datetime.now(UTC) + timedelta(minutes=5)
    coming = await clinic.booked(start.isoformat(), (start + timedelta(minutes=30)).isoformat())
    response = await clinic.update(coming["appointment_id"], status="no_show", expect=409)
    assert response.json() == {
        "error": "Cannot mark a visit as a no-show before its scheduled start",
        "code": "visit_not_started",
    }
    started = datetime.now(UTC) - timedelta(minutes=30)
    missed = await clinic.booked(started.isoformat(), (started + timedelta(minutes=10)).isoformat())
    await clinic.update(missed["appointment_id"], status="no_show")


async def test_the_front_desk_cannot_bill_next_months_visit(
    clinic: Clinic, bearer: Login, app: FastAPI
) -> None:
    """The review's finding: a receptionist (or a nurse) booked a visit next month with CPT
    99215 and completed it, which made its charge."""
    admin = clinic.headers
    clinic.headers = await bearer(Role.receptionist)
    ahead = await clinic.booked(
        at(10, day=FUTURE + 30), at(10, 30, day=FUTURE + 30), cpt_code="99215"
    )
    appointment_id = ahead["appointment_id"]
    for role in (Role.receptionist, Role.nurse):
        clinic.headers = await bearer(role)
        await clinic.update(appointment_id, status="completed", expect=403)
        await clinic.update(appointment_id, status="checked_in")
        await clinic.update(appointment_id, cpt_code="99214", expect=403)
    clinic.headers = admin
    response = await clinic.update(appointment_id, status="completed", expect=409)
    assert response.json()["code"] == "visit_not_started"
    assert await _cpt_records(app, appointment_id) == []


async def test_a_deactivated_planned_or_default_code_is_409(clinic: Clinic, app: FastAPI) -> None:
    planned = await clinic.booked(at(10), at(10, 30), cpt_code="99215")
    default = await clinic.booked(at(11), at(11, 30))
    for code in ("99215", "99213"):
        retired = await clinic.client.put(
            f"/api/cpt_codes/{code}", json={"is_active": False}, headers=clinic.headers
        )
        assert retired.status_code == 200, retired.text
    for appointment, code in ((planned, "99215"), (default, "99213")):
        response = await clinic.update(
            appointment["appointment_id"], status="completed", expect=409
        )
        assert response.json() == {
            "error": f"CPT code {code} is inactive or not in the catalogue: set another cpt_code "
            "to complete the visit",
            "code": "cpt_code_inactive",
            "cpt_code": code,
        }
        assert await _cpt_records(app, appointment["appointment_id"]) == []
    # Another code, set with the completion, bills it.
    await clinic.update(planned["appointment_id"], status="completed", cpt_code="99214")
    (record,) = await _cpt_records(app, planned["appointment_id"])
    assert record.cpt_code == "99214"


# --- Cancel -----------------------------------------------------------------------------------


async def test_cancel_is_a_soft_delete(clinic: Clinic) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    appointment_id = appointment["appointment_id"]
    response = await clinic.client.delete(
        f"/api/appointments/{appointment_id}",
        params={"reason": "Patient called"},
        headers=clinic.headers,
    )
    assert response.status_code == 200
    assert response.json() == {
        "message": "Appointment cancelled successfully",
        "appointment_id": appointment_id,
    }
    kept = await clinic.client.get(f"/api/appointments/{appointment_id}", headers=clinic.headers)
    assert kept.json()["status"] == "cancelled"
    assert kept.json()["cancellation_reason"] == "Patient called"
    again = await clinic.client.delete(
        f"/api/appointments/{appointment_id}", headers=clinic.headers
    )
    assert again.status_code == 409
    assert again.json()["error"] == "Appointment is already cancelled"


@pytest.mark.parametrize("status", ["completed", "no_show"])
async def test_finished_appointments_cannot_be_cancelled(clinic: Clinic, status: str) -> None:
    appointment = await clinic.booked(at(10), at(10, 30))
    await clinic.update(appointment["appointment_id"], status=status)
    response = await clinic.client.delete(
        f"/api/appointments/{appointment['appointment_id']}", headers=clinic.headers
    )
    assert response.status_code == 409
    assert response.json()["error"] == f"Cannot change status from '{status}' to 'cancelled'"


async def test_unknown_appointment_is_404(clinic: Clinic) -> None:
    for method in ("GET", "PUT", "DELETE"):
        response = await clinic.client.request(
            method,
            "/api/appointments/424242",
            json={} if method == "PUT" else None,
            headers=clinic.headers,
        )
        assert response.status_code == 404
        assert response.json()["error"] == "Appointment not found"
    bad = await clinic.client.get("/api/appointments/abc", headers=clinic.headers)
    assert bad.status_code == 400


# --- List -------------------------------------------------------------------------------------


async def test_list_filters(
    clinic: Clinic, make_staff: MakeStaff, make_patient: MakePatient
) -> None:
    first_patient, first_doctor = clinic.patient_id, clinic.doctor_id
    a = await clinic.booked(at(9), at(9, 30))
    b = await clinic.booked(at(10), at(10, 30), visit_type="telehealth", status="confirmed")
    clinic.patient_id = await make_patient()
    clinic.doctor_id = await make_staff(Role.nurse)
    c = await clinic.booked(at(9), at(9, 30))
    await clinic.update(c["appointment_id"], status="cancelled")
    a_id, b_id, c_id = a["appointment_id"], b["appointment_id"], c["appointment_id"]

    assert await clinic.ids() == [a_id, c_id, b_id]
    assert await clinic.ids(patient_id=first_patient) == [a_id, b_id]
    assert await clinic.ids(provider_user_id=first_doctor) == [a_id, b_id]
    assert await clinic.ids(status="scheduled") == [a_id]
    assert await clinic.ids(status="confirmed,cancelled") == [c_id, b_id]
    assert await clinic.ids(visit_type="telehealth") == [b_id]
    assert await clinic.ids(patient_id=999) == []
    bad = await clinic.client.get(
        "/api/appointments", params={"status": "scheduled,done"}, headers=clinic.headers
    )
    assert bad.status_code == 400
    assert "done" in bad.json()["error"]
    for params in (
        {"visit_type": "x"},
        {"patient_id": "x"},
        {"sort_by": "reason"},
        {"order": "up"},
    ):
        response = await clinic.client.get(
            "/api/appointments", params=params, headers=clinic.headers
        )
        assert response.status_code == 400, params


async def test_the_invoiced_filter_finds_the_billing_queue(clinic: Clinic, app: FastAPI) -> None:
    billed, _ = await clinic.visit()
    await clinic.invoice(billed)
    to_bill, _ = await clinic.visit()
    coming = await clinic.appointment(await clinic.patient())

    assert await clinic.ids(invoiced="true") == [billed]
    assert await clinic.ids(invoiced="false") == [to_bill, coming]
    # The billing queue: completed visits without an invoice.
    queue = await clinic.listing(status="completed", invoiced="false")
    assert [a["appointment_id"] for a in queue["appointments"]] == [to_bill]
    assert queue["pagination"]["total"] == 1
    assert await clinic.ids(status="scheduled", invoiced="true") == []
    assert await clinic.ids() == [billed, to_bill, coming]
    # Invoicing the visit takes it out of the queue.
    await clinic.invoice(to_bill)
    assert await clinic.ids(status="completed", invoiced="false") == []
    assert await clinic.ids(invoiced="true") == [billed, to_bill]

    # The audit trail names the filter (three look-ups used both), never its value.
    looked_up = await events(
        app, "resource_type = 'appointment_list' AND resource_id = 'status,invoiced'"
    )
    assert len(looked_up) == 3
    bad = await clinic.client.get(
        "/api/appointments", params={"invoiced": "maybe"}, headers=clinic.headers
    )
    assert bad.status_code == 400
    assert bad.json()["details"][0]["field"] == "invoiced"


async def test_list_date_windows(clinic: Clinic, make_patient: MakePatient) -> None:
    late_sunday = await clinic.booked(at(23, 30, day=-1), at(0, 30))  # crosses into Monday
    monday = await clinic.booked(at(12), at(12, 30))
    tuesday = await clinic.booked(at(0, day=1), at(0, 30, day=1))
    ids = [a["appointment_id"] for a in (late_sunday, monday, tuesday)]
    day = MONDAY.isoformat()
    # A bare date is the whole day (UTC here); overlapping appointments are included.
    assert await clinic.ids(date_from=day, date_to=day) == ids[:2]
    assert await clinic.ids(date_from=day) == ids
    assert await clinic.ids(date_to=day) == ids[:2]
    assert await clinic.ids(date_from=(MONDAY + timedelta(days=1)).isoformat()) == ids[2:]
    # Datetimes are instants; the end is exclusive.
    assert await clinic.ids(date_from=at(0, 30), date_to=at(12)) == []
    assert await clinic.ids(date_from=at(0, 29), date_to=at(12, 1)) == ids[:2]
    assert await clinic.ids(date_from=f"{day}T14:00:00+02:00", date_to=f"{day}T14:30:00+02:00") == [
        ids[1]
    ]
    for params in (
        {"date_from": "yesterday"},
        {"date_from": "123"},  # not a Unix time
        {"date_to": "2026-02-30"},
        {"date_from": at(1), "date_to": at(0)},
    ):
        response = await clinic.client.get(
            "/api/appointments", params=params, headers=clinic.headers
        )
        assert response.status_code == 400, params


async def test_list_sorting_and_pagination(clinic: Clinic, make_patient: MakePatient) -> None:
    ids = []
    for hour in (11, 9, 10):
        clinic.patient_id = await make_patient()
        ids.append((await clinic.booked(at(hour), at(hour, 30)))["appointment_id"])
    await clinic.update(ids[0], status="confirmed")
    late, early, middle = ids
    assert await clinic.ids() == [early, middle, late]
    assert await clinic.ids(sort_by="scheduled_start", order="desc") == [late, middle, early]
    assert await clinic.ids(sort_by="scheduled_end") == [early, middle, late]
    assert await clinic.ids(sort_by="appointment_id") == ids
    assert await clinic.ids(sort_by="created_at", order="desc") == ids[::-1]
    assert await clinic.ids(sort_by="status") == [late, early, middle]  # confirmed < scheduled
    page = await clinic.listing(per_page=2, page=2)
    assert [a["appointment_id"] for a in page["appointments"]] == [late]
    assert page["pagination"] == {
        "total": 3,
        "pages": 2,
        "page": 2,
        "per_page": 2,
        "has_next": False,
        "has_prev": True,
    }
    assert (await clinic.listing(per_page=1000))["pagination"]["per_page"] == 100


async def test_a_list_counts_only_when_its_page_does_not_tell_the_total(
    clinic: Clinic, make_patient: MakePatient, app: FastAPI
) -> None:
    """A page that is not full ends the list: its rows give the exact total without a count."""
    for hour in (9, 10, 11):
        clinic.patient_id = await make_patient()
        await clinic.booked(at(hour), at(hour, 30))
    for params, total, counted in (
        ({"per_page": 10}, 3, False),  # the whole list on its first page
        ({"per_page": 2}, 3, True),  # a full page: more may follow
        ({"per_page": 2, "page": 2}, 3, False),  # the last page
        ({"per_page": 2, "page": 5}, 3, True),  # past the end: nothing to tell from
        ({"per_page": 3}, 3, True),  # full, and the end, which only a count tells
    ):
        with statements_on(app) as statements:
            page = await clinic.listing(**params)
        assert page["pagination"]["total"] == total, params
        counts = [s for s in statements if "count(" in s and "FROM appointments" in s]
        assert bool(counts) is counted, (params, statements)


async def test_a_providers_week_is_one_request(clinic: Clinic, make_patient: MakePatient) -> None:
    for day in range(7):
        clinic.patient_id = await make_patient()
        await clinic.booked(at(9, day=day), at(9, 30, day=day))
    week = await clinic.listing(
        provider_user_id=clinic.doctor_id,
        date_from=MONDAY.isoformat(),
        date_to=(MONDAY + timedelta(days=4)).isoformat(),
        per_page=100,
    )
    assert week["pagination"]["total"] == 5


# --- Roles ------------------------------------------------------------------------------------


async def test_authentication_is_required(client: httpx.AsyncClient) -> None:
    for method, path in [
        ("GET", "/api/appointments"),
        ("POST", "/api/appointments"),
        ("GET", "/api/appointments/1"),
        ("PUT", "/api/appointments/1"),
        ("DELETE", "/api/appointments/1"),
        ("GET", "/api/providers"),
        ("GET", "/api/providers/1/working-hours"),
        ("PUT", "/api/providers/1/working-hours"),
        ("GET", "/api/providers/1/availability"),
    ]:
        response = await client.request(method, path)
        assert response.status_code == 401, (method, path)
        assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("role", list(Role))
async def test_role_matrix(clinic: Clinic, bearer: Login, role: Role) -> None:
    """Every staff role books, reads and updates; nurses may not cancel."""
    clinic.headers = await bearer(role)
    appointment = await clinic.booked(at(10), at(10, 30))
    appointment_id = appointment["appointment_id"]
    assert (
        await clinic.client.get(f"/api/appointments/{appointment_id}", headers=clinic.headers)
    ).status_code == 200
    assert (await clinic.listing())["pagination"]["total"] == 1
    await clinic.update(appointment_id, notes="Updated")
    may_cancel = role != Role.nurse
    # Cancelling by status takes the same roles as DELETE.
    by_status = await clinic.update(appointment_id, status="cancelled", expect=None)
    assert by_status.status_code == (200 if may_cancel else 403)
    other = await clinic.booked(at(11), at(11, 30))
    # Every role records the other steps of a visit.
    await clinic.update(other["appointment_id"], status="checked_in")
    cancel = await clinic.client.delete(
        f"/api/appointments/{other['appointment_id']}", headers=clinic.headers
    )
    assert cancel.status_code == (200 if may_cancel else 403)
