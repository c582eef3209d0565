"""Every change of privilege and every look-up leaves a trace: user, CPT code, working hours and
invoice status changes name the fields they change (never a value); a list or search of patient
data records the request itself, with its filters, even when it finds nothing; an idempotent
replay is checked against the caller's current role first, and recorded."""

from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from clinichub.vocabulary import Role
from clinichub.web.dependencies import CurrentUser
from clinichub.web.idempotency import Idempotent, IdempotentRoute
from tests.kit import PASSWORD, RECORD, Clinic, Login, MakeUser, events, new_patient

NEW_USER = {
    "email": "new.nurse@example.com",
    "password": "a long passphrase",
    "first_name": "Nia",
    "last_name": "Nurse",
    "role": "nurse",
}


def rid(value: str) -> dict[str, str]:
    return {"X-Request-ID": value}


async def of_request(app: FastAPI, request_id: str) -> list[tuple[Any, ...]]:
    """(action, resource_type, resource_id, patient_id, outcome) of one request's events."""
    return [
        (e["action"], e["resource_type"], e["resource_id"], e["patient_id"], e["outcome"])
        for e in await events(app, "request_id = :r", r=request_id)
    ]


async def profile_id(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    user_id: int = (await client.get("/api/profile", headers=headers)).json()["user_id"]
    return user_id


# --- Changes of privilege ---------------------------------------------------------------------


async def test_creating_and_changing_a_user_is_audited_field_by_field(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    admin_id = await profile_id(client, admin)
    created = await client.post("/api/users", json=NEW_USER, headers=admin | rid("u-create"))
    assert created.status_code == 201, created.text
    user_id = created.json()["user"]["user_id"]
    assert await of_request(app, "u-create") == [("create", "user", str(user_id), None, "success")]
    (event,) = await events(app, "request_id = 'u-create'")
    assert (event["actor_user_id"], event["actor_role"]) == (admin_id, "admin")

    # A promotion and a deactivation in one request: one event per field changed; a field sent
    # with its current value changed nothing and is not named.
    changed = await client.put(
        f"/api/users/{user_id}",
        json={"role": "admin", "is_active": False, "first_name": "Nia"},
        headers=admin | rid("u-update"),
    )
    assert changed.status_code == 200, changed.text
    assert sorted(await of_request(app, "u-update")) == [
        ("update", "user.is_active", str(user_id), None, "success"),
        ("update", "user.role", str(user_id), None, "success"),
    ]
    reactivated = await client.put(
        f"/api/users/{user_id}", json={"is_active": True}, headers=admin | rid("u-reactivate")
    )
    assert reactivated.status_code == 200
    assert await of_request(app, "u-reactivate") == [
        ("update", "user.is_active", str(user_id), None, "success")
    ]

    # Events hold names of fields, never values: no password, email or name anywhere.
    everything = " ".join(str(value) for e in await events(app) for value in e.values())
    for secret in (NEW_USER["password"], NEW_USER["email"], "Nia", PASSWORD):
        assert secret not in everything


async def test_a_refused_privilege_change_is_audited_as_a_failure(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    admin_id = await profile_id(client, admin)
    refused = await client.put(
        f"/api/users/{admin_id}", json={"role": "nurse"}, headers=admin | rid("u-last-admin")
    )
    assert refused.status_code == 409
    assert await of_request(app, "u-last-admin") == [
        ("update", "user.role", str(admin_id), None, "failure")
    ]
    missing = await client.put(
        "/api/users/987654", json={"role": "nurse"}, headers=admin | rid("u-missing")
    )
    assert missing.status_code == 404
    assert await of_request(app, "u-missing") == [("update", "user", "987654", None, "failure")]


async def test_cpt_code_changes_are_audited(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    body = {"code": "0001A", "description": "Vaccine", "category": "Vaccines", "price_cents": 100}
    created = await client.post("/api/cpt_codes", json=body, headers=admin | rid("c-create"))
    assert created.status_code == 201, created.text
    assert await of_request(app, "c-create") == [("create", "cpt_code", "0001A", None, "success")]

    repriced = await client.put(
        "/api/cpt_codes/0001A",
        json={"price_cents": 2500, "category": "Vaccines"},
        headers=admin | rid("c-price"),
    )
    assert repriced.status_code == 200
    assert await of_request(app, "c-price") == [
        ("update", "cpt_code.price_cents", "0001A", None, "success")
    ]
    retired = await client.put(
        "/api/cpt_codes/0001A", json={"is_active": False}, headers=admin | rid("c-retire")
    )
    assert retired.status_code == 200
    assert await of_request(app, "c-retire") == [
        ("update", "cpt_code.is_active", "0001A", None, "success")
    ]


async def test_working_hours_changes_are_audited(
    client: httpx.AsyncClient, app: FastAPI, login: Login, make_user: MakeUser
) -> None:
    admin = await login(Role.admin)
    doctor = await make_user(Role.doctor)
    week = {"hours": [{"weekday": 0, "start_time": "09:00", "end_time": "17:00"}]}
    response = await client.put(
        f"/api/providers/{doctor.user_id}/working-hours", json=week, headers=admin | rid("wh")
    )
    assert response.status_code == 200, response.text
    assert await of_request(app, "wh") == [
        ("update", "working_hours", str(doctor.user_id), None, "success")
    ]


async def test_an_invoice_status_change_is_audited_with_its_patient(
    desk: Clinic, app: FastAPI
) -> None:
    patient_id = await desk.patient()
    appointment_id, _ = await desk.visit(patient_id)
    invoice = await desk.call("POST", "/api/invoices", 201, json={"appointment_id": appointment_id})
    invoice_id = str(invoice["invoice"]["invoice_id"])
    url = f"/api/invoices/{invoice_id}"

    paid = await desk.client.put(url, json={"status": "paid"}, headers=desk.headers | rid("i-paid"))
    assert paid.status_code == 200
    assert sorted(await of_request(app, "i-paid")) == [
        ("update", "invoice.paid_at", invoice_id, patient_id, "success"),
        ("update", "invoice.status", invoice_id, patient_id, "success"),
    ]
    # Paying again changes nothing: the request is recorded, without a field.
    again = await desk.client.put(
        url, json={"status": "paid"}, headers=desk.headers | rid("i-again")
    )
    assert again.status_code == 200
    assert await of_request(app, "i-again") == [
        ("update", "invoice", invoice_id, patient_id, "success")
    ]


# --- Look-ups ---------------------------------------------------------------------------------


async def test_a_patient_search_is_recorded_even_when_it_returns_nothing(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    """`?email=...&page=9999` revealed `total: 1` and left no trace."""
    receptionist = await login(Role.receptionist)
    await new_patient(client, receptionist, email="maria.lopez@example.com")
    probe = await client.get(
        "/api/patients?email=maria.lopez@example.com&page=9999",
        headers=receptionist | rid("probe"),
    )
    assert probe.status_code == 200
    assert probe.json()["patients"] == []
    assert probe.json()["pagination"]["total"] == 1
    assert await of_request(app, "probe") == [("read", "patient_list", "email", None, "success")]

    nobody = await client.get(
        "/api/patients?search=zzyzx&dob=1999-09-09", headers=receptionist | rid("empty-search")
    )
    assert nobody.json()["patients"] == []
    assert await of_request(app, "empty-search") == [
        ("read", "patient_list", "search,dob", None, "success")
    ]
    # The values searched for are patient data: none of them is in the trail.
    everything = " ".join(str(value) for e in await events(app) for value in e.values())
    for value in ("maria.lopez@example.com", "zzyzx", "1999-09-09"):
        assert value not in everything


async def test_a_list_records_the_request_and_each_row(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    ids = [await new_patient(client, admin, first_name=f"P{n}") for n in range(2)]
    response = await client.get("/api/patients", headers=admin | rid("all"))
    assert response.status_code == 200
    recorded = await of_request(app, "all")
    assert recorded[0] == ("read", "patient_list", None, None, "success")
    assert sorted(r[3] for r in recorded[1:]) == ids
    assert {r[1] for r in recorded[1:]} == {"patient"}


async def test_every_list_of_patient_data_records_its_filters(
    desk: Clinic, app: FastAPI, client: httpx.AsyncClient
) -> None:
    patient_id = await desk.patient()
    appointment_id, _ = await desk.visit(patient_id)
    await desk.call("POST", "/api/invoices", 201, json={"appointment_id": appointment_id})
    cases = {
        "appts": (
            f"/api/appointments?patient_id={patient_id}&provider_user_id={desk.doctor_id}"
            "&status=completed&date_from=2020-01-01",
            (
                "appointment_list",
                f"patient_id,provider_user_id={desk.doctor_id},status,date_from",
                patient_id,
            ),
        ),
        "charges": (
            f"/api/cpt_records?appointment_id={appointment_id}",
            ("charge_list", f"appointment_id={appointment_id}", None),
        ),
        "invoices": (
            f"/api/invoices?patient_id={patient_id}&status=unpaid",
            ("invoice_list", "patient_id,status", patient_id),
        ),
        "records": (
            f"/api/medical-records?patient_id={patient_id}",
            ("medical_record_list", "patient_id", patient_id),
        ),
        "vitals": ("/api/vitals", ("vitals_list", None, None)),
    }
    for request_id, (url, (resource_type, resource_id, filtered_by)) in cases.items():
        response = await client.get(url, headers=desk.headers | rid(request_id))
        assert response.status_code == 200, (url, response.text)
        first = (await of_request(app, request_id))[0]
        assert first == ("read", resource_type, resource_id, filtered_by, "success"), url

    # Filtered by a patient, the look-up is in that patient's accounting of disclosures, also
    # when it found nothing.
    empty = await client.get(
        f"/api/vitals?patient_id={patient_id}", headers=desk.headers | rid("no-vitals")
    )
    assert empty.json()["vitals"] == []
    log = await client.get(f"/api/patients/{patient_id}/access-log", headers=desk.headers)
    assert ("read", "vitals_list") in {
        (e["action"], e["resource_type"]) for e in log.json()["events"]
    }


async def test_a_refused_list_is_recorded_as_a_failure(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    admin = await login(Role.admin)
    response = await client.get(
        "/api/appointments?date_from=2026-01-01&date_to=2028-01-01", headers=admin | rid("range")
    )
    assert response.status_code == 400
    assert await of_request(app, "range") == [
        ("read", "appointment_list", "date_from,date_to", None, "failure")
    ]


# --- Idempotent replays -----------------------------------------------------------------------


async def test_a_replay_checks_the_callers_current_role_first(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    """A doctor demoted to receptionist replayed a key and got a medical record back."""
    admin = await login(Role.admin)
    doctor = await login(Role.doctor)
    doctor_id = await profile_id(client, doctor)
    patient_id = await new_patient(client, admin)
    body = {**RECORD, "patient_id": patient_id}
    key = {"Idempotency-Key": "record-1"}
    first = await client.post("/api/medical-records", json=body, headers=doctor | key)
    assert first.status_code == 201

    demoted = await client.put(
        f"/api/users/{doctor_id}", json={"role": "receptionist"}, headers=admin
    )
    assert demoted.status_code == 200
    replay = await client.post(
        "/api/medical-records", json=body, headers=doctor | key | rid("demoted-replay")
    )
    assert replay.status_code == 403
    assert "idempotent-replayed" not in replay.headers
    assert "diagnosis" not in replay.text
    assert [
        (e["action"], e["outcome"]) for e in await events(app, "request_id = 'demoted-replay'")
    ] == [("access_denied", "denied")]

    # Restored, the same caller gets the stored response again (the key was kept).
    await client.put(f"/api/users/{doctor_id}", json={"role": "doctor"}, headers=admin)
    again = await client.post("/api/medical-records", json=body, headers=doctor | key)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"


async def test_a_replay_is_audited_as_a_read_of_what_it_returns(
    client: httpx.AsyncClient, app: FastAPI, login: Login
) -> None:
    nurse = await login(Role.nurse)
    nurse_id = await profile_id(client, nurse)
    patient_id = await new_patient(client, nurse)
    body = {"patient_id": patient_id, "pulse_bpm": 70}
    key = {"Idempotency-Key": "vitals-1"}
    assert (await client.post("/api/vitals", json=body, headers=nurse | key)).status_code == 201
    replay = await client.post("/api/vitals", json=body, headers=nurse | key | rid("replay"))
    assert replay.headers["idempotent-replayed"] == "true"
    assert await of_request(app, "replay") == [
        ("read", "idempotent_replay", "vitals_create", patient_id, "success")
    ]
    (event,) = await events(app, "request_id = 'replay'")
    assert (event["actor_user_id"], event["actor_role"]) == (nurse_id, "nurse")
    # A replayed answer that names no patient (a staff user) is recorded too.
    admin = await login(Role.admin)
    user_key = {"Idempotency-Key": "user-1"}
    assert (await client.post("/api/users", json=NEW_USER, headers=admin | user_key)).is_success
    await client.post("/api/users", json=NEW_USER, headers=admin | user_key | rid("user-replay"))
    assert await of_request(app, "user-replay") == [
        ("read", "idempotent_replay", "users_create", None, "success")
    ]


def test_a_route_that_claims_its_key_before_the_role_check_is_refused() -> None:
    router = APIRouter(route_class=IdempotentRoute)

    async def create(_key: Idempotent, caller: CurrentUser) -> None:
        """Claims the key before anything else is known about the caller."""

    with pytest.raises(TypeError, match="last dependency"):
        router.post("/things", operation_id="things_create")(create)
