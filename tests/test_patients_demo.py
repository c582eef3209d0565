"""`seed-demo` adds a few dozen realistic patients with insurance plans, once."""

import httpx
from fastapi import FastAPI

from clinichub.demo import seed_demo
from clinichub.patients.demo import DEMO_PATIENTS, DEMO_PLANS
from clinichub.vocabulary import Role
from tests.kit import Login


async def test_seed_demo_adds_patients_with_plans_once(
    app: FastAPI, client: httpx.AsyncClient, bearer: Login
) -> None:
    await seed_demo(app.state.sessionmaker)
    await seed_demo(app.state.sessionmaker)
    headers = await bearer(Role.nurse)

    listing = await client.get("/api/patients", params={"per_page": 100}, headers=headers)
    patients = listing.json()["patients"]
    assert 24 <= len(patients) == len(DEMO_PATIENTS) == listing.json()["pagination"]["total"]

    found = await client.get("/api/patients", params={"search": "jose rodriguez"}, headers=headers)
    assert [p["first_name"] for p in found.json()["patients"]] == ["José"]
    found = await client.get("/api/patients", params={"search": "maria garcia"}, headers=headers)
    assert [p["last_name"] for p in found.json()["patients"]] == ["García"]

    with_plans = 0
    for patient in patients:
        plans = await client.get(f"/api/patients/{patient['patient_id']}/plans", headers=headers)
        history = plans.json()["plans"]
        assert sum(plan["is_active"] for plan in history) == (1 if history else 0)
        with_plans += bool(history)
    assert with_plans == len(DEMO_PLANS)
