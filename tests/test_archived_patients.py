"""An archived patient is gone everywhere (404, left out of lists), except from the record of who
saw them and from the money they still owe; archiving cancels their coming appointments."""

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from clinichub.models import Appointment, MedicalRecordVersion
from clinichub.patients.rules import CANCELLED_ON_ARCHIVE
from clinichub.scheduling.rules import CANCELLABLE_STATUSES
from clinichub.vocabulary import Role
from tests.kit import RECORD, Clinic, Login, events, iso, new_patient

Json = dict[str, Any]
# Visits of the past (completed, invoiced) and of the future (cancelled by the archive).
PAST = datetime.combine(date.today() - timedelta(days=10), datetime.min.time(), tzinfo=UTC)
FUTURE = datetime.combine(date.today() + timedelta(days=10), datetime.min.time(), tzinfo=UTC)


class Chart(Clinic):
    """A patient with a bit of everything: a plan, a completed and invoiced visit with a
    further charge, a completed visit not yet invoiced, two coming visits, a medical record and
    vitals."""

    async def fill(self, patient_id: int, hour: int = 9) -> Json:
        plan = {"carrier_name": "Acme", "member_id": "M-1", "plan_type": "PPO", "copay_cents": 2500}
        await self.call("POST", f"/api/patients/{patient_id}/plan", 201, json=plan)
        invoiced = await self.appointment(patient_id, PAST + timedelta(hours=hour))
        await self.complete(invoiced)
        charge = await self.call(
            "POST", f"/api/appointments/{invoiced}/charges", 201, json={"cpt_code": "99214"}
        )
        invoice = await self.call("POST", "/api/invoices", 201, json={"appointment_id": invoiced})
        pending = await self.appointment(patient_id, PAST + timedelta(days=1, hours=hour))
        await self.complete(pending)
        pending_charges = await self.call("GET", f"/api/appointments/{pending}/charges", 200)
        coming = await self.appointment(patient_id, FUTURE + timedelta(hours=hour))
        confirmed = await self.appointment(
            patient_id, FUTURE + timedelta(days=1, hours=hour), status="confirmed"
        )
        record = await self.call(
            "POST", "/api/medical-records", 201, json={**RECORD, "patient_id": patient_id}
        )
        vitals = await self.call(
            "POST", "/api/vitals", 201, json={"patient_id": patient_id, "pulse_bpm": 70}
        )
        return {
            "patient_id": patient_id,
            "invoiced": invoiced,
            "charge": charge["charge"]["cpt_record_id"],
            "invoice": invoice["invoice"]["invoice_id"],
            "pending": pending,
            "pending_charge": pending_charges["charges"][0]["cpt_record_id"],
            "coming": [coming, confirmed],
            "record": record["record"]["medical_record_id"],
            "vitals": vitals["vitals"]["vitals_id"],
        }


async def _chart(client: httpx.AsyncClient, bearer: Login) -> Chart:
    admin = await bearer(Role.admin)
    doctor = (await client.get("/api/profile", headers=await bearer(Role.doctor))).json()
    return Chart(client, admin, doctor["user_id"])


async def test_an_archived_patients_data_is_404_and_left_out_of_lists(
    client: httpx.AsyncClient, bearer: Login, app: FastAPI
) -> None:
    chart = await _chart(client, bearer)
    kept = await chart.fill(await new_patient(client, chart.headers, last_name="Kept"), hour=9)
    gone = await chart.fill(await new_patient(client, chart.headers, last_name="Gone"), hour=11)
    await chart.call("DELETE", f"/api/patients/{gone['patient_id']}", 200)

    for method, url, body in [
        ("GET", "/api/patients/{patient_id}", None),
        ("GET", "/api/patients/{patient_id}/plan", None),
        ("GET", "/api/patients/{patient_id}/plans", None),
        (
            "POST",
            "/api/patients/{patient_id}/plan",
            {"carrier_name": "X", "member_id": "1", "plan_type": "self_pay"},
        ),
        ("GET", "/api/appointments/{invoiced}", None),
        ("PUT", "/api/appointments/{pending}", {"notes": "Called back"}),
        ("DELETE", "/api/appointments/{pending}", None),
        ("GET", "/api/appointments/{pending}/charges", None),
        ("POST", "/api/appointments/{pending}/charges", {"cpt_code": "99214"}),
        ("DELETE", "/api/cpt_records/{pending_charge}", None),
        ("POST", "/api/invoices", {"appointment_id": "{pending}"}),
        ("GET", "/api/medical-records/{record}", None),
        ("PUT", "/api/medical-records/{record}", {"diagnosis": "Amended"}),
        ("GET", "/api/medical-records/{record}/history", None),
        ("GET", "/api/medical-records?patient_id={patient_id}", None),
        ("GET", "/api/vitals?patient_id={patient_id}", None),
        ("POST", "/api/medical-records", {**RECORD, "patient_id": "{patient_id}"}),
        ("POST", "/api/vitals", {"patient_id": "{patient_id}", "pulse_bpm": 70}),
    ]:
        path = url.format(**gone)
        json = None
        if body is not None:
            json = {
                key: int(value.format(**gone)) if isinstance(value, str) and "{" in value else value
                for key, value in body.items()
            }
        response = await client.request(method, path, json=json, headers=chart.headers)
        assert response.status_code == 404, (method, path, response.text)
        # The same request about the patient on file is no 404.
        kept_path = url.format(**kept)
        if method == "GET":
            assert (await client.get(kept_path, headers=chart.headers)).status_code == 200, (
                kept_path
            )

    # A PUT on the record wrote no new version.
    async with app.state.sessionmaker() as db:
        versions = await db.scalar(
            select(func.count())
            .select_from(MedicalRecordVersion)
            .where(MedicalRecordVersion.medical_record_id == gone["record"])
        )
    assert versions == 1

    # Unfiltered lists leave every row of the archived patient out.
    async def ids(url: str, items: str, key: str, **params: int) -> set[int]:
        body = await chart.call("GET", url, 200, params={"per_page": 100, **params})
        return {item[key] for item in body[items]}

    appointments = await ids("/api/appointments", "appointments", "appointment_id")
    assert appointments == {kept["invoiced"], kept["pending"], *kept["coming"]}
    charges = await ids("/api/cpt_records", "cpt_records", "cpt_record_id")
    assert gone["charge"] not in charges and gone["pending_charge"] not in charges
    assert kept["charge"] in charges
    assert await ids("/api/medical-records", "records", "medical_record_id") == {kept["record"]}
    assert await ids("/api/vitals", "vitals", "vitals_id") == {kept["vitals"]}
    patient, visit = {"patient_id": gone["patient_id"]}, {"appointment_id": gone["invoiced"]}
    assert await ids("/api/appointments", "appointments", "appointment_id", **patient) == set()
    assert await ids("/api/cpt_records", "cpt_records", "cpt_record_id", **patient) == set()
    assert await ids("/api/cpt_records", "cpt_records", "cpt_record_id", **visit) == set()


async def test_money_owed_stays_collectable(client: httpx.AsyncClient, bearer: Login) -> None:
    chart = await _chart(client, bearer)
    gone = await chart.fill(await new_patient(client, chart.headers))
    await chart.call("DELETE", f"/api/patients/{gone['patient_id']}", 200)

    invoice = await chart.call("GET", f"/api/invoices/{gone['invoice']}", 200)
    assert invoice["patient_id"] == gone["patient_id"]
    assert [line["code"] for line in invoice["lines"]] == ["99213", "99214"]
    listed = await chart.call(
        "GET", "/api/invoices", 200, params={"patient_id": gone["patient_id"]}
    )
    assert [i["invoice_id"] for i in listed["invoices"]] == [gone["invoice"]]
    for role in (Role.receptionist, Role.admin):
        for status in ("paid", "unpaid"):
            response = await client.put(
                f"/api/invoices/{gone['invoice']}",
                json={"status": status},
                headers=await bearer(role),
            )
            assert response.status_code == 200, response.text
            assert response.json()["invoice"]["status"] == status
    # No new charge or invoice: the visit is not found, like the patient.
    no_invoice = await client.post(
        "/api/invoices", json={"appointment_id": gone["pending"]}, headers=chart.headers
    )
    assert no_invoice.status_code == 404
    assert no_invoice.json()["code"] == "appointment_not_found"


async def test_archiving_cancels_the_coming_appointments(
    client: httpx.AsyncClient, bearer: Login, app: FastAPI
) -> None:
    chart = await _chart(client, bearer)
    kept = await chart.fill(await new_patient(client, chart.headers, last_name="Kept"), hour=9)
    gone = await chart.fill(await new_patient(client, chart.headers, last_name="Gone"), hour=11)
    request_id = "archive-1"
    archived = await client.delete(
        f"/api/patients/{gone['patient_id']}", headers={**chart.headers, "X-Request-ID": request_id}
    )
    assert archived.status_code == 200

    async with app.state.sessionmaker() as db:
        rows = await db.execute(
            select(
                Appointment.appointment_id,
                Appointment.status,
                Appointment.cancellation_reason,
                Appointment.version,
            ).order_by(Appointment.appointment_id)
        )
        state = {row.appointment_id: row for row in rows}
    for appointment_id in gone["coming"]:
        assert state[appointment_id].status == "cancelled"
        assert state[appointment_id].cancellation_reason == "patient archived"
        assert state[appointment_id].version == 2
    for appointment_id in (gone["invoiced"], gone["pending"]):
        assert state[appointment_id].status == "completed"
    for appointment_id in kept["coming"]:
        assert state[appointment_id].status != "cancelled"
    # Each cancellation is recorded with the archive, in its request.
    recorded = await events(app, "request_id = :rid", rid=request_id)
    assert {(e["action"], e["resource_type"], e["resource_id"]) for e in recorded} == {
        ("delete", "patient", str(gone["patient_id"])),
        *(("update", "appointment", str(a)) for a in gone["coming"]),
    }
    # The freed slots take another patient.
    await chart.appointment(kept["patient_id"], FUTURE + timedelta(hours=11))


async def test_archiving_and_booking_at_once_leave_no_coming_visit(
    client: httpx.AsyncClient, bearer: Login, app: FastAPI
) -> None:
    """The booking share-locks the patient: it runs before the archive (and is cancelled) or
    after it (and is a 404), never beside it."""
    chart = await _chart(client, bearer)
    for round_ in range(6):
        patient_id = await new_patient(client, chart.headers, last_name=f"Race{round_}")
        start = FUTURE + timedelta(days=round_)
        body = {
            "patient_id": patient_id,
            "provider_user_id": chart.doctor_id,
            "scheduled_start": iso(start),
            "scheduled_end": iso(start + timedelta(minutes=30)),
        }
        booking, archive = await asyncio.gather(
            client.post("/api/appointments", json=body, headers=chart.headers),
            client.delete(f"/api/patients/{patient_id}", headers=chart.headers),
        )
        assert archive.status_code == 200
        assert booking.status_code in (201, 404), booking.text
        async with app.state.sessionmaker() as db:
            live = await db.scalar(
                select(func.count())
                .select_from(Appointment)
                .where(Appointment.patient_id == patient_id, Appointment.status != "cancelled")
            )
        assert live == 0, (round_, booking.status_code)


async def test_the_access_log_outlives_the_record(client: httpx.AsyncClient, bearer: Login) -> None:
    admin = await bearer(Role.admin)
    patient_id = await new_patient(client, admin)
    assert (await client.get(f"/api/patients/{patient_id}", headers=admin)).status_code == 200
    assert (await client.delete(f"/api/patients/{patient_id}", headers=admin)).status_code == 200
    log = await client.get(f"/api/patients/{patient_id}/access-log", headers=admin)
    assert log.status_code == 200, log.text
    actions = [(e["action"], e["resource_type"]) for e in log.json()["events"]]
    assert ("delete", "patient") in actions
    assert ("read", "patient") in actions
    never = await client.get("/api/patients/999999/access-log", headers=admin)
    assert never.status_code == 404
    assert never.json() == {"error": "Patient not found", "code": "not_found"}


def test_archiving_cancels_exactly_the_visits_that_can_still_be_cancelled() -> None:
    # Patients do not import scheduling, so the statuses are named twice: they must agree.
    assert CANCELLED_ON_ARCHIVE == CANCELLABLE_STATUSES
