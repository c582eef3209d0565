"""Insurance plans over HTTP: saving, history, the single active plan (also under concurrent
saves, and in the database itself) and validation."""

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from clinichub.models import InsurancePlan
from clinichub.vocabulary import Role
from tests.kit import Login, new_patient

PPO = {
    "carrier_name": "Blue Cross Blue Shield",
    "member_id": "XJH123456789",
    "group_id": "GRP-00451",
    "plan_type": "PPO",
    "copay_cents": 2500,
    "effective_date": "2026-01-01",
}
NOT_FOUND = {"error": "Patient not found", "code": "not_found"}


@pytest.fixture
async def front_desk(bearer: Login) -> dict[str, str]:
    return await bearer(Role.receptionist)


@pytest.fixture
async def patient_id(client: httpx.AsyncClient, front_desk: dict[str, str]) -> int:
    return await new_patient(
        client, front_desk, first_name="María", last_name="Santiago", dob="1978-11-02"
    )


async def save(
    client: httpx.AsyncClient, headers: dict[str, str], patient_id: int, **fields: Any
) -> Any:
    response = await client.post(
        f"/api/patients/{patient_id}/plan", json={**PPO, **fields}, headers=headers
    )
    assert response.status_code == 201, response.text
    assert response.json()["message"] == "Plan saved"
    return response.json()["plan"]


async def test_no_plan_yet(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    current = await client.get(f"/api/patients/{patient_id}/plan", headers=front_desk)
    assert (current.status_code, current.json()) == (200, {"plan": None})
    history = await client.get(f"/api/patients/{patient_id}/plans", headers=front_desk)
    assert (history.status_code, history.json()) == (200, {"plans": []})


async def test_save_returns_the_active_plan(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    plan = await save(client, front_desk, patient_id, carrier_name="  Triple-S  ")
    assert plan == {
        **PPO,
        "carrier_name": "Triple-S",
        "plan_id": plan["plan_id"],
        "patient_id": patient_id,
        "currency": "USD",
        "is_active": True,
        "created_at": plan["created_at"],
    }
    assert plan["created_at"].endswith("Z")
    current = await client.get(f"/api/patients/{patient_id}/plan", headers=front_desk)
    assert current.json() == {"plan": plan}


async def test_a_new_plan_replaces_the_active_one_and_history_is_kept(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    first = await save(client, front_desk, patient_id, carrier_name="First")
    second = await save(client, front_desk, patient_id, carrier_name="Second", plan_type="HMO")
    third = await save(client, front_desk, patient_id, carrier_name="Third", plan_type="Medicare")
    history = (await client.get(f"/api/patients/{patient_id}/plans", headers=front_desk)).json()
    assert [(p["plan_id"], p["carrier_name"], p["is_active"]) for p in history["plans"]] == [
        (third["plan_id"], "Third", True),
        (second["plan_id"], "Second", False),
        (first["plan_id"], "First", False),
    ]
    current = (await client.get(f"/api/patients/{patient_id}/plan", headers=front_desk)).json()
    assert current["plan"]["plan_id"] == third["plan_id"]


async def test_plans_belong_to_their_patient(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    other = await client.post(
        "/api/patients",
        json={"first_name": "Luis", "last_name": "Ortiz", "dob": "1960-01-01"},
        headers=front_desk,
    )
    other_id = other.json()["patient"]["patient_id"]
    await save(client, front_desk, patient_id, member_id="MINE")
    await save(client, front_desk, other_id, member_id="THEIRS")
    mine = (await client.get(f"/api/patients/{patient_id}/plans", headers=front_desk)).json()
    assert [(p["member_id"], p["is_active"]) for p in mine["plans"]] == [("MINE", True)]


async def test_concurrent_saves_leave_exactly_one_active_plan(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    responses = await asyncio.gather(
        *(
            client.post(
                f"/api/patients/{patient_id}/plan",
                json={**PPO, "member_id": f"M{n}"},
                headers=front_desk,
            )
            for n in range(6)
        )
    )
    assert [r.status_code for r in responses] == [201] * 6
    plans = (await client.get(f"/api/patients/{patient_id}/plans", headers=front_desk)).json()
    assert len(plans["plans"]) == 6
    active = [p for p in plans["plans"] if p["is_active"]]
    # Saves run one after the other, so the last one saved (the highest id) is the active one.
    assert [p["plan_id"] for p in active] == [max(p["plan_id"] for p in plans["plans"])]


async def test_the_database_refuses_a_second_active_plan(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int, app: FastAPI
) -> None:
    await save(client, front_desk, patient_id, member_id="A")
    await save(client, front_desk, patient_id, member_id="B")
    with pytest.raises(IntegrityError, match="uq_insurance_plans_patient_id_active"):
        async with app.state.sessionmaker() as db, db.begin():
            await db.execute(update(InsurancePlan).values(is_active=True))
    async with app.state.sessionmaker() as db:
        active = await db.scalars(select(InsurancePlan.member_id).where(InsurancePlan.is_active))
        assert active.all() == ["B"]


async def test_copay_is_required_unless_self_pay(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int
) -> None:
    for plan_type in ("HMO", "PPO", "EPO", "POS", "Medicare", "Medicaid"):
        body = {k: v for k, v in PPO.items() if k != "copay_cents"} | {"plan_type": plan_type}
        response = await client.post(
            f"/api/patients/{patient_id}/plan", json=body, headers=front_desk
        )
        assert response.status_code == 400, plan_type
        assert response.json()["error"] == "Missing required field: copay_cents"
        explicit_null = await client.post(
            f"/api/patients/{patient_id}/plan",
            json={**body, "copay_cents": None},
            headers=front_desk,
        )
        assert explicit_null.status_code == 400, plan_type
    self_pay = {"carrier_name": "Self", "member_id": "SELF", "plan_type": "self_pay"}
    plan = await save(client, front_desk, patient_id, **self_pay, copay_cents=None, group_id=None)
    assert (plan["plan_type"], plan["copay_cents"], plan["group_id"]) == ("self_pay", None, None)
    plan = await save(client, front_desk, patient_id, plan_type="self_pay", copay_cents=0)
    assert plan["copay_cents"] == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("copay_cents", -1),
        ("copay_cents", 12.5),
        ("copay_cents", "25.00"),
        ("copay_cents", 10**12),
        ("plan_type", "ppo"),
        ("plan_type", "Platinum"),
        ("carrier_name", ""),
        ("carrier_name", "x" * 101),
        ("member_id", "  "),
        ("member_id", "x" * 51),
        ("group_id", "x" * 51),
        ("effective_date", "2026-02-30"),
        ("effective_date", "01/01/2026"),
        ("is_active", False),
        ("patient_id", 2),
    ],
)
async def test_invalid_plans_are_400(
    client: httpx.AsyncClient,
    front_desk: dict[str, str],
    patient_id: int,
    field: str,
    value: object,
) -> None:
    response = await client.post(
        f"/api/patients/{patient_id}/plan", json={**PPO, field: value}, headers=front_desk
    )
    assert response.status_code == 400, response.text
    assert field in [detail["field"] for detail in response.json()["details"]]


@pytest.mark.parametrize("field", ["carrier_name", "member_id", "plan_type"])
async def test_plan_required_fields(
    client: httpx.AsyncClient, front_desk: dict[str, str], patient_id: int, field: str
) -> None:
    body = {k: v for k, v in PPO.items() if k != field}
    response = await client.post(f"/api/patients/{patient_id}/plan", json=body, headers=front_desk)
    assert response.status_code == 400
    assert response.json()["error"] == f"Missing required field: {field}"


@pytest.mark.parametrize(
    ("method", "suffix"), [("GET", "plan"), ("GET", "plans"), ("POST", "plan")]
)
async def test_plans_of_an_unknown_patient_are_404(
    client: httpx.AsyncClient, front_desk: dict[str, str], method: str, suffix: str
) -> None:
    response = await client.request(
        method, f"/api/patients/987654/{suffix}", json=PPO, headers=front_desk
    )
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
