"""Medical records, vitals and their role rules, over HTTP on real PostgreSQL."""

from typing import Any

import httpx
import pytest

from clinichub.vocabulary import Role
from tests.kit import RECORD, Login, new_patient, refused

Json = dict[str, Any]


async def test_doctor_writes_and_nurse_reads_a_record(
    client: httpx.AsyncClient, login: Login
) -> None:
    doctor = await login(Role.doctor)
    patient_id = await new_patient(client, doctor)
    created = await client.post(
        "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=doctor
    )
    assert created.status_code == 201, created.text
    assert created.json()["message"] == "Medical record created successfully"
    record = created.json()["record"]
    assert record["icd10_codes"] == ["E11.9"]
    assert record["version"] == 1
    assert record["created_at"].endswith("Z")

    nurse = await login(Role.nurse)
    got = await client.get(f"/api/medical-records/{record['medical_record_id']}", headers=nurse)
    assert got.status_code == 200
    assert got.json() == record
    listed = await client.get(f"/api/medical-records?patient_id={patient_id}", headers=nurse)
    assert listed.status_code == 200
    assert [r["medical_record_id"] for r in listed.json()["records"]] == [
        record["medical_record_id"]
    ]


@pytest.mark.parametrize("role", refused("medical_records_create"))
async def test_only_admins_and_doctors_write_records(
    client: httpx.AsyncClient, login: Login, role: Role
) -> None:
    headers = await login(role)
    patient_id = await new_patient(client, headers)
    response = await client.post(
        "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=headers
    )
    assert response.status_code == 403


async def test_receptionist_cannot_read_clinical_data(
    client: httpx.AsyncClient, login: Login
) -> None:
    doctor = await login(Role.doctor)
    patient_id = await new_patient(client, doctor)
    record = (
        await client.post(
            "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=doctor
        )
    ).json()["record"]
    receptionist = await login(Role.receptionist)
    for path in (
        f"/api/medical-records/{record['medical_record_id']}",
        f"/api/medical-records/{record['medical_record_id']}/history",
        f"/api/medical-records?patient_id={patient_id}",
        f"/api/vitals?patient_id={patient_id}",
    ):
        response = await client.get(path, headers=receptionist)
        assert response.status_code == 403, path
        assert response.json()["code"] == "forbidden"


@pytest.mark.parametrize("missing", ["diagnosis", "treatment_plan", "patient_id"])
async def test_record_requires_fields(
    client: httpx.AsyncClient, login: Login, missing: str
) -> None:
    doctor = await login(Role.doctor)
    body = {**RECORD, "patient_id": await new_patient(client, doctor)}
    del body[missing]
    response = await client.post("/api/medical-records", json=body, headers=doctor)
    assert response.status_code == 400
    assert response.json()["error"] == f"Missing required field: {missing}"


@pytest.mark.parametrize("code", ["E11", "Z99.89", "S72.001A"])
async def test_valid_icd10_codes(client: httpx.AsyncClient, login: Login, code: str) -> None:
    doctor = await login(Role.doctor)
    body = {**RECORD, "icd10_codes": [code], "patient_id": await new_patient(client, doctor)}
    response = await client.post("/api/medical-records", json=body, headers=doctor)
    assert response.status_code == 201
    assert response.json()["record"]["icd10_codes"] == [code]


@pytest.mark.parametrize("code", ["11.9", "E1", "E11.12345", "E11-9", ""])
async def test_invalid_icd10_codes(client: httpx.AsyncClient, login: Login, code: str) -> None:
    doctor = await login(Role.doctor)
    body = {**RECORD, "icd10_codes": [code], "patient_id": await new_patient(client, doctor)}
    response = await client.post("/api/medical-records", json=body, headers=doctor)
    assert response.status_code == 400
    assert response.json()["details"][0]["field"] == "icd10_codes.0"


async def test_record_for_unknown_patient_is_404(client: httpx.AsyncClient, login: Login) -> None:
    doctor = await login(Role.doctor)
    response = await client.post(
        "/api/medical-records", json={**RECORD, "patient_id": 999999}, headers=doctor
    )
    assert response.status_code == 404
    assert response.json()["error"] == "Patient not found"


async def _appointment(
    client: httpx.AsyncClient, headers: dict[str, str], patient_id: int, provider_id: int
) -> int:
    response = await client.post(
        "/api/appointments",
        json={
            "patient_id": patient_id,
            "provider_user_id": provider_id,
            "scheduled_start": "2030-04-15T10:00:00Z",
            "scheduled_end": "2030-04-15T10:30:00Z",
        },
        headers=headers,
    )
    assert response.status_code == 201, response.text
    appointment_id: int = response.json()["appointment"]["appointment_id"]
    return appointment_id


async def test_record_appointment_must_belong_to_the_patient(
    client: httpx.AsyncClient, login: Login
) -> None:
    doctor = await login(Role.doctor)
    profile = (await client.get("/api/profile", headers=doctor)).json()
    patient_a = await new_patient(client, doctor)
    patient_b = await new_patient(client, doctor, first_name="Other")
    appointment_of_b = await _appointment(client, doctor, patient_b, profile["user_id"])
    mismatch = await client.post(
        "/api/medical-records",
        json={**RECORD, "patient_id": patient_a, "appointment_id": appointment_of_b},
        headers=doctor,
    )
    assert mismatch.status_code == 400
    assert mismatch.json()["code"] == "appointment_patient_mismatch"
    matching = await client.post(
        "/api/medical-records",
        json={**RECORD, "patient_id": patient_b, "appointment_id": appointment_of_b},
        headers=doctor,
    )
    assert matching.status_code == 201
    assert matching.json()["record"]["appointment_id"] == appointment_of_b


async def test_records_and_vitals_of_one_visit(client: httpx.AsyncClient, login: Login) -> None:
    doctor = await login(Role.doctor)
    profile = (await client.get("/api/profile", headers=doctor)).json()
    patient_id = await new_patient(client, doctor)
    visit = await _appointment(client, doctor, patient_id, profile["user_id"])
    for appointment_id in (visit, None):
        written = await client.post(
            "/api/medical-records",
            json={**RECORD, "patient_id": patient_id, "appointment_id": appointment_id},
            headers=doctor,
        )
        assert written.status_code == 201, written.text
        measured = await client.post(
            "/api/vitals",
            json={"patient_id": patient_id, "appointment_id": appointment_id, "pulse_bpm": 70},
            headers=doctor,
        )
        assert measured.status_code == 201, measured.text

    for path, items in (("/api/medical-records", "records"), ("/api/vitals", "vitals")):
        everything = await client.get(path, params={"patient_id": patient_id}, headers=doctor)
        assert everything.json()["pagination"]["total"] == 2
        of_visit = await client.get(path, params={"appointment_id": visit}, headers=doctor)
        assert of_visit.status_code == 200
        assert [item["appointment_id"] for item in of_visit.json()[items]] == [visit]
        bad = await client.get(path, params={"appointment_id": "x"}, headers=doctor)
        assert bad.status_code == 400


async def test_amending_creates_versions_and_keeps_history(
    client: httpx.AsyncClient, login: Login
) -> None:
    author = await login(Role.doctor)
    author_id = (await client.get("/api/profile", headers=author)).json()["user_id"]
    patient_id = await new_patient(client, author)
    record = (
        await client.post(
            "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=author
        )
    ).json()["record"]
    path = f"/api/medical-records/{record['medical_record_id']}"

    other_doctor = await login(Role.doctor)
    assert (
        await client.put(path, json={"notes": "not mine"}, headers=other_doctor)
    ).status_code == 403
    assert (
        await client.put(path, json={"notes": "x"}, headers=await login(Role.nurse))
    ).status_code == 403

    amended = await client.put(path, json={"treatment_plan": "Metformin 1000 mg"}, headers=author)
    assert amended.status_code == 200, amended.text
    assert amended.json()["message"] == "Medical record updated successfully"
    assert amended.json()["record"]["version"] == 2
    assert amended.json()["record"]["treatment_plan"] == "Metformin 1000 mg"
    assert amended.json()["record"]["diagnosis"] == RECORD["diagnosis"]

    admin = await login(Role.admin)
    admin_id = (await client.get("/api/profile", headers=admin)).json()["user_id"]
    by_admin = await client.put(path, json={"notes": "Reviewed"}, headers=admin)
    assert by_admin.status_code == 200
    assert by_admin.json()["record"]["provider_user_id"] == author_id

    assert (await client.get(path, headers=admin)).json()["version"] == 3
    history = await client.get(f"{path}/history", headers=admin)
    assert history.status_code == 200
    versions = history.json()["versions"]
    assert history.json()["medical_record_id"] == record["medical_record_id"]
    assert [v["version"] for v in versions] == [1, 2, 3]
    assert [v["treatment_plan"] for v in versions] == [
        RECORD["treatment_plan"],
        "Metformin 1000 mg",
        "Metformin 1000 mg",
    ]
    assert [v["changed_by_user_id"] for v in versions] == [author_id, author_id, admin_id]
    assert [v["notes"] for v in versions] == [None, None, "Reviewed"]


async def test_amendment_rules(client: httpx.AsyncClient, login: Login) -> None:
    author = await login(Role.doctor)
    patient_id = await new_patient(client, author)
    record = (
        await client.post(
            "/api/medical-records", json={**RECORD, "patient_id": patient_id}, headers=author
        )
    ).json()["record"]
    path = f"/api/medical-records/{record['medical_record_id']}"
    assert (await client.put(path, json={}, headers=author)).status_code == 400
    assert (await client.put(path, json={"diagnosis": None}, headers=author)).status_code == 400
    assert (await client.put(path, json={"version": 7}, headers=author)).status_code == 400
    assert (
        await client.put("/api/medical-records/999999", json={"notes": "x"}, headers=author)
    ).status_code == 404


async def test_nurse_records_vitals_and_server_computes_bmi(
    client: httpx.AsyncClient, login: Login
) -> None:
    nurse = await login(Role.nurse)
    patient_id = await new_patient(client, nurse)
    response = await client.post(
        "/api/vitals",
        json={
            "patient_id": patient_id,
            "height_m": 1.75,
            "weight_kg": 72.5,
            "blood_pressure": "120/80",
            "temperature_c": 36.8,
            "pulse_bpm": 72,
            "respiratory_rate": 16,
            "o2_saturation": 98,
            "pain_level": 2,
        },
        headers=nurse,
    )
    assert response.status_code == 201, response.text
    assert response.json()["message"] == "Vitals recorded successfully"
    vitals = response.json()["vitals"]
    assert vitals["bmi"] == 23.7
    assert vitals["bmi_category"] == "normal"
    assert vitals["blood_pressure"] == "120/80"
    assert vitals["temperature_c"] == 36.8

    only_pulse = await client.post(
        "/api/vitals", json={"patient_id": patient_id, "pulse_bpm": 90}, headers=nurse
    )
    assert only_pulse.status_code == 201
    assert only_pulse.json()["vitals"]["bmi"] is None

    listed = await client.get(f"/api/vitals?patient_id={patient_id}", headers=nurse)
    assert listed.status_code == 200
    ids = [v["vitals_id"] for v in listed.json()["vitals"]]
    assert ids == [only_pulse.json()["vitals"]["vitals_id"], vitals["vitals_id"]]
    assert listed.json()["pagination"]["total"] == 2


@pytest.mark.parametrize(
    ("height", "weight", "category"),
    [
        (1.80, 55.0, "underweight"),
        (1.80, 80.0, "normal"),
        (1.70, 80.0, "overweight"),
        (1.60, 90.0, "obese"),
    ],
)
async def test_bmi_categories(
    client: httpx.AsyncClient, login: Login, height: float, weight: float, category: str
) -> None:
    nurse = await login(Role.nurse)
    patient_id = await new_patient(client, nurse)
    response = await client.post(
        "/api/vitals",
        json={"patient_id": patient_id, "height_m": height, "weight_kg": weight},
        headers=nurse,
    )
    assert response.json()["vitals"]["bmi_category"] == category


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pulse_bpm", 19),
        ("pulse_bpm", 251),
        ("temperature_c", 29.9),
        ("temperature_c", 45.1),
        ("o2_saturation", 49),
        ("o2_saturation", 101),
        ("pain_level", 11),
        ("pain_level", -1),
        ("blood_pressure", "80/120"),
        ("blood_pressure", "120/120"),
        ("blood_pressure", "120-80"),
        ("height_m", 0),
        ("weight_kg", 9999),
        ("bmi", 22.0),
        ("bmi_category", "normal"),
    ],
)
async def test_implausible_vitals_are_refused(
    client: httpx.AsyncClient, login: Login, field: str, value: object
) -> None:
    nurse = await login(Role.nurse)
    patient_id = await new_patient(client, nurse)
    response = await client.post(
        "/api/vitals",
        json={"patient_id": patient_id, "pulse_bpm": 70, field: value},
        headers=nurse,
    )
    assert response.status_code == 400, response.text
    assert response.json()["details"][0]["field"] == field


async def test_vitals_need_a_measurement_and_a_patient(
    client: httpx.AsyncClient, login: Login
) -> None:
    nurse = await login(Role.nurse)
    patient_id = await new_patient(client, nurse)
    empty = await client.post("/api/vitals", json={"patient_id": patient_id}, headers=nurse)
    assert empty.status_code == 400
    assert empty.json()["code"] == "no_measurement"
    unknown = await client.post(
        "/api/vitals", json={"patient_id": 999999, "pulse_bpm": 70}, headers=nurse
    )
    assert unknown.status_code == 404
    receptionist = await login(Role.receptionist)
    denied = await client.post(
        "/api/vitals", json={"patient_id": patient_id, "pulse_bpm": 70}, headers=receptionist
    )
    assert denied.status_code == 403


async def test_telehealth_visits_get_their_own_link_and_modifier_95(
    client: httpx.AsyncClient, login: Login
) -> None:
    doctor = await login(Role.doctor)
    doctor_id = (await client.get("/api/profile", headers=doctor)).json()["user_id"]
    patient_id = await new_patient(client, doctor)
    slot = {
        "patient_id": patient_id,
        "provider_user_id": doctor_id,
        "scheduled_start": "2025-05-01T14:00:00Z",
        "scheduled_end": "2025-05-01T14:30:00Z",
    }
    video = await client.post(
        "/api/appointments", json={**slot, "visit_type": "telehealth"}, headers=doctor
    )
    assert video.status_code == 201, video.text
    link = video.json()["appointment"]["telehealth_url"]
    assert link.startswith("https://meet.jit.si/clinichub-")
    assert len(link.removeprefix("https://meet.jit.si/clinichub-")) >= 22  # 128 bits, base64url

    in_person = await client.post(
        "/api/appointments",
        json={
            **slot,
            "scheduled_start": "2025-05-01T15:00:00Z",
            "scheduled_end": "2025-05-01T15:30:00Z",
        },
        headers=doctor,
    )
    assert in_person.json()["appointment"]["telehealth_url"] is None
    switched = await client.put(
        f"/api/appointments/{in_person.json()['appointment']['appointment_id']}",
        json={"visit_type": "telehealth"},
        headers=doctor,
    )
    other_link = switched.json()["appointment"]["telehealth_url"]
    assert other_link and other_link != link

    path = f"/api/appointments/{video.json()['appointment']['appointment_id']}"
    unchanged = await client.put(path, json={"reason": "Follow-up"}, headers=doctor)
    assert unchanged.json()["appointment"]["telehealth_url"] == link
    completed = await client.put(path, json={"status": "completed"}, headers=doctor)
    assert completed.status_code == 200, completed.text
    cpt_id = completed.json()["appointment"]["cpt_id"]
    charges = await client.get(f"{path}/charges", headers=doctor)
    primary = next(c for c in charges.json()["charges"] if c["cpt_record_id"] == cpt_id)
    assert primary["modifier"] == "95"

    back = await client.put(
        f"/api/appointments/{in_person.json()['appointment']['appointment_id']}",
        json={"visit_type": "in_person"},
        headers=doctor,
    )
    assert back.json()["appointment"]["telehealth_url"] is None


@pytest.mark.parametrize(
    ("field", "value"), [("height_m", 1.755), ("weight_kg", 72.25), ("temperature_c", 36.85)]
)
async def test_vitals_more_precise_than_stored_are_refused(
    client: httpx.AsyncClient, login: Login, field: str, value: float
) -> None:
    nurse = await login(Role.nurse)
    patient_id = await new_patient(client, nurse)
    response = await client.post(
        "/api/vitals", json={"patient_id": patient_id, field: value}, headers=nurse
    )
    assert response.status_code == 400
    assert response.json()["details"][0] == {
        "field": field,
        "message": "at most " + ("2" if field == "height_m" else "1") + " decimal places",
    }
