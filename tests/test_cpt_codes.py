"""The CPT catalogue over HTTP: the seeded codes, filters, admin changes."""

from typing import Any

import httpx
import pytest

from clinichub.vocabulary import Role
from tests.kit import Login, refused

SEEDED = {
    "99213": ("Office Visit", 15000),
    "99214": ("Office Visit", 20000),
    "99215": ("Office Visit", 25000),
    "80053": ("Lab Test", 4500),
    "85025": ("Lab Test", 3500),
    "36415": ("Lab Test", 2500),
    "90471": ("Immunization", 3000),
    "90715": ("Immunization", 5000),
}


async def _codes(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get(
        "/api/cpt_codes", params={"per_page": 100, **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_catalogue_is_seeded_and_sorted(client: httpx.AsyncClient, login: Login) -> None:
    body = await _codes(client, await login(Role.nurse))
    codes = body["cpt_codes"]
    assert {c["code"]: (c["category"], c["price_cents"]) for c in codes} == SEEDED
    assert [(c["category"], c["code"]) for c in codes] == sorted(
        (c["category"], c["code"]) for c in codes
    )
    assert all(c["currency"] == "USD" and c["is_active"] for c in codes)
    assert body["pagination"]["total"] == len(SEEDED)


async def test_filters(client: httpx.AsyncClient, login: Login) -> None:
    headers = await login(Role.receptionist)
    labs = await _codes(client, headers, category="lab test")
    assert [c["code"] for c in labs["cpt_codes"]] == ["36415", "80053", "85025"]
    found = await _codes(client, headers, search="blood count")
    assert [c["code"] for c in found["cpt_codes"]] == ["85025"]
    by_code = await _codes(client, headers, search="9921")
    assert [c["code"] for c in by_code["cpt_codes"]] == ["99213", "99214", "99215"]
    assert (await _codes(client, headers, search="100%"))["cpt_codes"] == []
    paged = await _codes(client, headers, per_page=3, page=2)
    assert paged["pagination"] == {
        "total": 8,
        "pages": 3,
        "page": 2,
        "per_page": 3,
        "has_next": True,
        "has_prev": True,
    }


async def test_admin_adds_a_code(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    response = await client.post(
        "/api/cpt_codes",
        json={
            "code": "0001f",
            "description": "Heart failure composite measure",
            "category": "Quality Measure",
            "price_cents": 0,
        },
        headers=admin,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["message"] == "CPT code created successfully"
    assert body["cpt_code"]["code"] == "0001F"
    assert body["cpt_code"]["is_active"] is True
    duplicate = await client.post(
        "/api/cpt_codes",
        json={
            "code": "99213",
            "description": "Again",
            "category": "Office Visit",
            "price_cents": 1,
        },
        headers=admin,
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["error"] == "CPT code already exists"


@pytest.mark.parametrize(
    "change",
    [
        {"code": "9921"},
        {"code": "A9921"},
        {"price_cents": -1},
        {"price_cents": 150.5},
        {"price_cents": "15000"},
        {"price_cents": 10_000_001},
        {"description": "  "},
        {"category": ""},
        {"is_active": None},
        {"unexpected": 1},
    ],
)
async def test_invalid_new_code(
    client: httpx.AsyncClient, login: Login, change: dict[str, Any]
) -> None:
    body: dict[str, Any] = {
        "code": "87880",
        "description": "Rapid strep test",
        "category": "Lab Test",
        "price_cents": 2000,
    }
    response = await client.post(
        "/api/cpt_codes", json={**body, **change}, headers=await login(Role.admin)
    )
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_request"


async def test_missing_field(client: httpx.AsyncClient, login: Login) -> None:
    response = await client.post(
        "/api/cpt_codes",
        json={"code": "87880", "description": "Rapid strep test", "category": "Lab Test"},
        headers=await login(Role.admin),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "Missing required field: price_cents"


async def test_reprice_and_deactivate(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    response = await client.put("/api/cpt_codes/99213", json={"price_cents": 16000}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json()["message"] == "CPT code updated successfully"
    assert response.json()["cpt_code"]["price_cents"] == 16000
    assert response.json()["cpt_code"]["description"].startswith("Office or outpatient visit")

    retired = await client.put("/api/cpt_codes/90715", json={"is_active": False}, headers=admin)
    assert retired.json()["cpt_code"]["is_active"] is False
    active = await _codes(client, admin)
    assert "90715" not in [c["code"] for c in active["cpt_codes"]]
    inactive = await _codes(client, admin, active="false")
    assert [c["code"] for c in inactive["cpt_codes"]] == ["90715"]


async def test_update_errors(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    unknown = await client.put("/api/cpt_codes/12345", json={"price_cents": 1}, headers=admin)
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "CPT code not found"
    malformed = await client.put("/api/cpt_codes/12", json={"price_cents": 1}, headers=admin)
    assert malformed.status_code == 400
    nulled = await client.put("/api/cpt_codes/99213", json={"price_cents": None}, headers=admin)
    assert nulled.status_code == 400
    code = await client.put("/api/cpt_codes/99213", json={"code": "99999"}, headers=admin)
    assert code.status_code == 400


async def test_seeded_prices_are_restored_between_tests(
    client: httpx.AsyncClient, login: Login
) -> None:
    # test_reprice_and_deactivate changed 99213 and 90715; every test starts from the seed.
    body = await _codes(client, await login(Role.doctor))
    assert {c["code"]: (c["category"], c["price_cents"]) for c in body["cpt_codes"]} == SEEDED


@pytest.mark.parametrize("role", refused("cpt_codes_create"))
async def test_only_admins_change_the_catalogue(
    client: httpx.AsyncClient, login: Login, role: Role
) -> None:
    headers = await login(role)
    created = await client.post(
        "/api/cpt_codes",
        json={"code": "87880", "description": "Strep", "category": "Lab Test", "price_cents": 1},
        headers=headers,
    )
    assert created.status_code == 403
    updated = await client.put("/api/cpt_codes/99213", json={"price_cents": 1}, headers=headers)
    assert updated.status_code == 403


async def test_authentication_required(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/cpt_codes")).status_code == 401
