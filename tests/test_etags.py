"""No lost updates: GET sends the version as an ETag, PUT with a stale If-Match is a 412
(RFC 9110 13.1.1), and every update increments the version, with or without If-Match."""

import asyncio
from typing import Any

import httpx
import pytest

from tests.kit import Clinic


def if_match(tag: str) -> dict[str, str]:
    return {"If-Match": tag}


async def get(desk: Clinic, url: str) -> httpx.Response:
    response = await desk.client.get(url, headers=desk.headers)
    assert response.status_code == 200, response.text
    return response


async def put(desk: Clinic, url: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    return await desk.client.put(url, json=body, headers=desk.headers | headers)


async def resources(desk: Clinic) -> dict[str, tuple[str, dict[str, Any], dict[str, Any]]]:
    """For each resource with an ETag: its URL and two different valid updates."""
    patient_id = await desk.patient()
    appointment_id, _ = await desk.visit(patient_id)
    booked = await desk.appointment(patient_id)
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    record = await desk.call(
        "POST",
        "/api/medical-records",
        201,
        json={"patient_id": patient_id, "diagnosis": "Flu", "treatment_plan": "Rest"},
    )
    user = await desk.call(
        "POST",
        "/api/users",
        201,
        json={
            "email": "etag.user@example.com",
            "password": "a long passphrase",
            "first_name": "Eve",
            "last_name": "Tag",
            "role": "nurse",
        },
    )
    return {
        "patient": (f"/api/patients/{patient_id}", {"phone": "7870000001"}, {"address": "Elm"}),
        "appointment": (f"/api/appointments/{booked}", {"reason": "first"}, {"notes": "second"}),
        "invoice": (f"/api/invoices/{invoice_id}", {"status": "paid"}, {"status": "unpaid"}),
        "medical_record": (
            f"/api/medical-records/{record['record']['medical_record_id']}",
            {"notes": "first"},
            {"notes": "second"},
        ),
        "user": (
            f"/api/users/{user['user']['user_id']}",
            {"phone": "7870000002"},
            {"last_name": "X"},
        ),
    }


async def test_every_resource_has_an_etag_and_refuses_a_stale_if_match(desk: Clinic) -> None:
    for name, (url, first, second) in (await resources(desk)).items():
        original = (await get(desk, url)).headers["etag"]
        assert original == f'"{(await get(desk, url)).json()["version"]}"', name

        # With the current ETag the update applies and the version moves on.
        updated = await put(desk, url, first, **if_match(original))
        assert updated.status_code == 200, (name, updated.text)
        current = (await get(desk, url)).headers["etag"]
        assert current != original, name

        # The ETag read before that update is stale now: 412, and nothing changes.
        before = (await get(desk, url)).json()
        stale = await put(desk, url, second, **if_match(original))
        assert stale.status_code == 412, (name, stale.text)
        assert stale.json()["code"] == "precondition_failed"
        assert (await get(desk, url)).json() == before, name

        # Without If-Match the update proceeds (back-compatible), and still moves the version.
        blind = await put(desk, url, second)
        assert blind.status_code == 200, (name, blind.text)
        assert (await get(desk, url)).headers["etag"] not in (original, current), name


async def test_two_receptionists_edit_the_same_appointment(desk: Clinic) -> None:
    appointment_id = await desk.appointment(await desk.patient())
    url = f"/api/appointments/{appointment_id}"
    # Both read version 1, both try to save a change.
    seen = (await get(desk, url)).headers["etag"]
    first, second = await asyncio.gather(
        put(desk, url, {"reason": "Back pain"}, **if_match(seen)),
        put(desk, url, {"reason": "Headache"}, **if_match(seen)),
    )
    assert sorted([first.status_code, second.status_code]) == [200, 412]
    winner = first if first.status_code == 200 else second
    assert (await get(desk, url)).json()["reason"] == winner.json()["appointment"]["reason"]


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ('"1"', 200),
        ("*", 200),
        ('"7", "1"', 200),  # a list matches if any tag is current
        ('W/"1"', 412),  # If-Match compares strongly: a weak tag never matches
        ('"2"', 412),
        ("1", 412),  # not a quoted entity tag
    ],
)
async def test_if_match_forms(desk: Clinic, header: str, status: int) -> None:
    patient_id = await desk.patient()
    url = f"/api/patients/{patient_id}"
    response = await put(desk, url, {"phone": "7871112222"}, **if_match(header))
    assert response.status_code == status, response.text


async def test_cancelling_and_archiving_also_move_the_version(desk: Clinic) -> None:
    appointment_id = await desk.appointment(await desk.patient())
    url = f"/api/appointments/{appointment_id}"
    seen = (await get(desk, url)).headers["etag"]
    await desk.call("DELETE", url)
    assert (await get(desk, url)).headers["etag"] != seen


async def test_openapi_documents_etags_and_if_match(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    operations = {
        operation["operationId"]: operation
        for path in document["paths"].values()
        for operation in path.values()
    }
    for name in ("patients", "appointments", "invoices", "medical_records", "users"):
        read = operations[f"{name}_get"]
        assert "ETag" in read["responses"]["200"]["headers"], name
        update = operations[f"{name}_update"]
        assert "412" in update["responses"], name
        headers = [p["name"] for p in update["parameters"] if p["in"] == "header"]
        assert "If-Match" in headers, name
