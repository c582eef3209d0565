"""Many patients in one request: `GET /api/patients?ids=...` over HTTP on real PostgreSQL (order,
paging, combined filters, the 100 limit, malformed values, archived patients, roles and audit)."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from clinichub.schemas import MAX_ID
from clinichub.vocabulary import Role
from tests.kit import Login, allowed, events, insert_patient, new_patient


@pytest.fixture
async def admin(bearer: Login) -> dict[str, str]:
    return await bearer(Role.admin)


async def listing(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get("/api/patients", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def joined(ids: list[int]) -> str:
    return ",".join(str(patient_id) for patient_id in ids)


async def test_ids_list_exactly_those_patients_in_the_lists_order(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    names = ["Young", "Adams", "Moreno", "Baker"]
    ids = [await new_patient(client, admin, last_name=name) for name in names]
    wanted = [ids[0], ids[1], ids[3]]
    body = await listing(client, admin, ids=f" {wanted[2]} ,{wanted[0]},{wanted[1]} ")
    assert [p["last_name"] for p in body["patients"]] == ["Adams", "Baker", "Young"]
    assert body["pagination"]["total"] == 3
    by_id = await listing(client, admin, ids=joined(wanted), sort_by="patient_id", order="desc")
    assert [p["patient_id"] for p in by_id["patients"]] == sorted(wanted, reverse=True)
    # A patient named twice is listed once.
    twice = await listing(client, admin, ids=f"{ids[2]},{ids[2]}")
    assert [p["patient_id"] for p in twice["patients"]] == [ids[2]]


async def test_ids_page_like_the_list(
    client: httpx.AsyncClient, app: FastAPI, admin: dict[str, str]
) -> None:
    ids = [await insert_patient(app, f"Name{n:02}") for n in range(5)]
    pages = [
        await listing(client, admin, ids=joined(ids), per_page=2, page=page) for page in (1, 2, 3)
    ]
    assert [[p["patient_id"] for p in page["patients"]] for page in pages] == [
        ids[0:2],
        ids[2:4],
        ids[4:5],
    ]
    assert {page["pagination"]["total"] for page in pages} == {5}
    assert [page["pagination"]["has_next"] for page in pages] == [True, True, False]
    past = await listing(client, admin, ids=joined(ids), per_page=2, page=4)
    assert past["patients"] == [] and past["pagination"]["total"] == 5


async def test_ids_combine_with_the_other_filters(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    ana = await new_patient(client, admin, first_name="Ana", dob="1990-05-10")
    bea = await new_patient(client, admin, first_name="Bea", dob="1990-05-10")
    await new_patient(client, admin, first_name="Ana", dob="1990-05-10")
    both = joined([ana, bea])
    assert [
        p["patient_id"] for p in (await listing(client, admin, ids=both, search="ana"))["patients"]
    ] == [ana]
    dob = await listing(client, admin, ids=both, dob="1990-05-10", sort_by="first_name")
    assert [p["patient_id"] for p in dob["patients"]] == [ana, bea]
    assert (await listing(client, admin, ids=both, dob="1990-05-11"))["patients"] == []


async def test_unknown_and_archived_ids_are_simply_absent(
    client: httpx.AsyncClient, app: FastAPI, admin: dict[str, str]
) -> None:
    kept = await insert_patient(app, "Kept")
    archived = await insert_patient(app, "Gone", archived=True)
    deleted = await new_patient(client, admin)
    assert (await client.delete(f"/api/patients/{deleted}", headers=admin)).status_code == 200
    body = await listing(client, admin, ids=joined([kept, archived, deleted, MAX_ID]))
    assert [p["patient_id"] for p in body["patients"]] == [kept]
    assert body["pagination"]["total"] == 1
    nothing = await listing(client, admin, ids=str(MAX_ID))
    assert nothing["patients"] == [] and nothing["pagination"]["total"] == 0


async def test_at_most_100_ids(
    client: httpx.AsyncClient, app: FastAPI, admin: dict[str, str]
) -> None:
    ids = [await insert_patient(app, f"P{n:03}") for n in range(101)]
    body = await listing(client, admin, ids=joined(ids[:100]), per_page=100)
    assert len(body["patients"]) == 100 and body["pagination"]["total"] == 100
    response = await client.get("/api/patients", params={"ids": joined(ids)}, headers=admin)
    assert response.status_code == 400
    assert response.json() == {
        "error": "Invalid value for ids: at most 100 ids",
        "code": "invalid_request",
        "details": [{"field": "ids", "message": "at most 100 ids"}],
    }


MALFORMED = ["", " ", "1,", ",1", "1,,2", "0", "-1", "+1", "1.0", "1e3", "abc", "1;2", "\u0663"]


@pytest.mark.parametrize("value", [*MALFORMED, str(MAX_ID + 1), "9" * 30])
async def test_malformed_ids_are_400_on_the_field(
    client: httpx.AsyncClient, admin: dict[str, str], value: str
) -> None:
    response = await client.get("/api/patients", params={"ids": value}, headers=admin)
    assert response.status_code == 400, value
    body = response.json()
    assert body["code"] == "invalid_request"
    assert [detail["field"] for detail in body["details"]] == ["ids"]


@pytest.mark.parametrize("role", sorted(allowed("patients_list")))
async def test_every_role_that_lists_may_look_up_ids(
    client: httpx.AsyncClient, bearer: Login, app: FastAPI, role: Role
) -> None:
    patient_id = await insert_patient(app, "Shared")
    headers = await bearer(role)
    body = await listing(client, headers, ids=str(patient_id))
    assert [p["patient_id"] for p in body["patients"]] == [patient_id]


async def test_a_look_up_is_audited_like_the_list(
    client: httpx.AsyncClient, app: FastAPI, admin: dict[str, str]
) -> None:
    ids = [await insert_patient(app, f"A{n}") for n in range(3)]
    archived = await insert_patient(app, "Gone", archived=True)
    response = await client.get(
        "/api/patients",
        params={"ids": joined([*ids, archived])},
        headers={**admin, "X-Request-ID": "ids-1"},
    )
    assert response.status_code == 200
    recorded = await events(app, "request_id = 'ids-1'")
    listed, *reads = recorded
    assert (listed["action"], listed["resource_type"], listed["resource_id"]) == (
        "read",
        "patient_list",
        "ids",
    )
    assert listed["patient_id"] is None
    assert sorted(e["patient_id"] for e in reads) == ids
    assert {(e["action"], e["resource_type"]) for e in reads} == {("read", "patient")}
    assert sorted(e["resource_id"] for e in reads) == sorted(str(i) for i in ids)
