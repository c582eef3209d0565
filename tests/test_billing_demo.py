"""`seed-demo` adds a few invoiced past visits, once, whose amounts add up."""

from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI

from clinichub.billing.demo import DEMO_VISITS
from clinichub.demo import seed_demo
from clinichub.vocabulary import Role
from tests.kit import Login


async def test_seed_demo_adds_invoices_once(
    app: FastAPI, client: httpx.AsyncClient, login: Login
) -> None:
    clinic_zone = ZoneInfo("America/Puerto_Rico")
    await seed_demo(app.state.sessionmaker, clinic_zone)
    await seed_demo(app.state.sessionmaker, clinic_zone)
    headers = await login(Role.admin)

    listing = (await client.get("/api/invoices", headers=headers)).json()
    invoices = listing["invoices"]
    assert listing["pagination"]["total"] == len(DEMO_VISITS)
    assert sum(invoice["status"] == "paid" for invoice in invoices) == sum(
        visit[-1] for visit in DEMO_VISITS
    )
    for invoice in invoices:
        assert invoice["total_cents"] == sum(line["amount_cents"] for line in invoice["lines"])
        assert (
            invoice["patient_due_cents"] + invoice["insurance_due_cents"] == invoice["total_cents"]
        )
        assert invoice["issued_at"] <= (invoice["paid_at"] or invoice["issued_at"])
    telehealth = [i for i in invoices if i["lines"][0]["modifier"] == "95"]
    assert len(telehealth) == sum(visit[2] == "telehealth" for visit in DEMO_VISITS)
