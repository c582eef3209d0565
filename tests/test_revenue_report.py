"""`GET /api/reports/revenue`: billed, collected and receivable for every clinic day of a range."""

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.models import Invoice
from clinichub.vocabulary import Role
from tests.kit import Clinic, Login

Json = dict[str, Any]
VISIT = 15000  # 99213, the default code of a completed visit
LAB = 3500  # 85025


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def invoice_at(
    desk: Clinic,
    app: FastAPI,
    issued: str,
    paid: str | None = None,
    *,
    lab: bool = False,
) -> int:
    """An invoice of a new visit, issued (and paid) at the given UTC moments; returns its total."""
    appointment_id, _ = await desk.visit()
    if lab:
        await desk.charge(appointment_id, "85025")
    invoice = await desk.invoice(appointment_id)
    if paid is not None:
        await desk.pay(invoice["invoice_id"])
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(Invoice)
            .where(Invoice.invoice_id == invoice["invoice_id"])
            .values(issued_at=moment(issued), paid_at=moment(paid) if paid else None)
        )
    total: int = invoice["total_cents"]
    return total


async def report(client: httpx.AsyncClient, headers: dict[str, str], first: str, last: str) -> Json:
    response = await client.get(
        "/api/reports/revenue", params={"from": first, "to": last}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


def day(on: str, billed: int, collected: int, receivable: int) -> Json:
    return {
        "date": on,
        "billed_cents": billed,
        "collected_cents": collected,
        "receivable_cents": receivable,
    }


async def test_every_day_of_the_range_with_a_running_receivable(desk: Clinic, app: FastAPI) -> None:
    # Issued and paid before the range: in nothing.
    await invoice_at(desk, app, "2026-04-05T15:00", "2026-04-06T15:00")
    # Open when the range starts, paid during it.
    assert await invoice_at(desk, app, "2026-04-09T15:00", "2026-04-11T16:00") == VISIT
    # Issued and paid on the range's first day.
    assert await invoice_at(desk, app, "2026-04-10T09:00", "2026-04-10T17:00", lab=True) == (
        VISIT + LAB
    )
    # Issued during the range, never paid.
    await invoice_at(desk, app, "2026-04-11T10:00")
    # Issued after the range.
    await invoice_at(desk, app, "2026-04-14T10:00")

    body = await report(desk.client, desk.headers, "2026-04-10", "2026-04-13")
    assert body == {
        "from": "2026-04-10",
        "to": "2026-04-13",
        "currency": "USD",
        "days": [
            day("2026-04-10", VISIT + LAB, VISIT + LAB, VISIT),
            day("2026-04-11", VISIT, VISIT, VISIT),
            day("2026-04-12", 0, 0, VISIT),
            day("2026-04-13", 0, 0, VISIT),
        ],
        "totals": {
            "billed_cents": 2 * VISIT + LAB,
            "collected_cents": 2 * VISIT + LAB,
            "receivable_cents": VISIT,
        },
    }
    # One day alone says the same about it.
    one = await report(desk.client, desk.headers, "2026-04-11", "2026-04-11")
    assert one["days"] == [day("2026-04-11", VISIT, VISIT, VISIT)]
    assert one["totals"] == {
        "billed_cents": VISIT,
        "collected_cents": VISIT,
        "receivable_cents": VISIT,
    }
    # Later, the invoice issued on the 14th is receivable too.
    later = await report(desk.client, desk.headers, "2026-04-14", "2026-04-15")
    assert [d["receivable_cents"] for d in later["days"]] == [2 * VISIT, 2 * VISIT]


async def test_an_empty_range_is_all_zeros(desk: Clinic) -> None:
    body = await report(desk.client, desk.headers, "2025-12-30", "2026-01-02")
    assert [d["date"] for d in body["days"]] == [
        "2025-12-30",
        "2025-12-31",
        "2026-01-01",
        "2026-01-02",
    ]
    assert all(
        d["billed_cents"] == d["collected_cents"] == d["receivable_cents"] == 0
        for d in body["days"]
    )
    assert body["totals"] == {"billed_cents": 0, "collected_cents": 0, "receivable_cents": 0}


async def test_unpaying_reopens_the_receivable(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    today = (await desk.pay(invoice_id))["paid_at"][:10]
    paid = await report(desk.client, desk.headers, today, today)
    assert paid["days"] == [day(today, VISIT, VISIT, 0)]
    await desk.pay(invoice_id, "unpaid")
    unpaid = await report(desk.client, desk.headers, today, today)
    assert unpaid["days"] == [day(today, VISIT, 0, VISIT)]


@pytest.fixture
async def new_york(
    settings: Settings, client: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """The same database served by an app whose clinic is in New York (daylight saving time
    starts on 8 March 2026: midnight is 05:00 UTC before, 04:00 UTC after)."""
    app = create_app(settings.model_copy(update={"clinic_timezone": "America/New_York"}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await app.state.engine.dispose()
    await app.state.side_engine.dispose()


async def test_days_are_the_clinics_across_a_daylight_saving_change(
    desk: Clinic, app: FastAPI, new_york: httpx.AsyncClient
) -> None:
    # 7 Mar 23:59 EST, paid 8 Mar 00:00 EST.
    await invoice_at(desk, app, "2026-03-08T04:59", "2026-03-08T05:00")
    # 8 Mar 23:30 EDT (the 23-hour day's last half hour), still open.
    await invoice_at(desk, app, "2026-03-09T03:30", lab=True)
    # 9 Mar 00:00 EDT.
    await invoice_at(desk, app, "2026-03-09T04:00", "2026-03-09T04:00")

    local = await report(new_york, desk.headers, "2026-03-07", "2026-03-09")
    assert local["days"] == [
        day("2026-03-07", VISIT, 0, VISIT),
        day("2026-03-08", VISIT + LAB, VISIT, VISIT + LAB),
        day("2026-03-09", VISIT, VISIT, VISIT + LAB),
    ]
    utc = await report(desk.client, desk.headers, "2026-03-07", "2026-03-09")
    assert utc["days"] == [
        day("2026-03-07", 0, 0, 0),
        day("2026-03-08", VISIT, VISIT, 0),
        day("2026-03-09", 2 * VISIT + LAB, VISIT, VISIT + LAB),
    ]
    # The range's first day starts at the clinic's midnight: the open invoice issued the evening
    # before (UTC's 9 March) is in the opening balance.
    ninth = await report(new_york, desk.headers, "2026-03-09", "2026-03-09")
    assert ninth["days"] == [day("2026-03-09", VISIT, VISIT, VISIT + LAB)]
    # What the day's collected counts is what the daily report counts as paid that day.
    for on in ("2026-03-08", "2026-03-09"):
        daily = await new_york.get(
            "/api/reports/daily-revenue", params={"date": on}, headers=desk.headers
        )
        collected = next(d for d in local["days"] if d["date"] == on)["collected_cents"]
        assert daily.json()["billed_cents"] == collected


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({}, "from", "invalid_request"),
        ({"from": "2026-04-01"}, "to", "invalid_request"),
        ({"from": "2026-04-10", "to": "2026-04-09"}, "to", "invalid_range"),
        ({"from": "2025-01-01", "to": "2026-01-02"}, "to", "invalid_range"),  # 367 days
        ({"from": "2026-04-01", "to": "01/05/2026"}, "to", "invalid_request"),
        ({"from": "1899-12-31", "to": "1900-01-01"}, "from", "invalid_request"),
        ({"from": "2100-12-31", "to": "2101-01-01"}, "to", "invalid_request"),
    ],
)
async def test_the_range_is_checked(desk: Clinic, params: Json, field: str, code: str) -> None:
    response = await desk.client.get("/api/reports/revenue", params=params, headers=desk.headers)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == code
    assert body["details"][0]["field"] == field


async def test_a_leap_year_is_the_longest_range(desk: Clinic) -> None:
    body = await report(desk.client, desk.headers, "2024-01-01", "2024-12-31")
    assert len(body["days"]) == 366
    assert body["days"][59]["date"] == "2024-02-29"
    assert [date.fromisoformat(d["date"]) for d in body["days"]] == [
        date(2024, 1, 1) + timedelta(days=n) for n in range(366)
    ]
    edge = await report(desk.client, desk.headers, "2100-12-31", "2100-12-31")
    assert len(edge["days"]) == 1


@pytest.mark.parametrize("role", [Role.doctor, Role.nurse, Role.receptionist])
async def test_only_admins_see_revenue(desk: Clinic, login: Login, role: Role) -> None:
    """As with the daily report: revenue is the practice's business, not a desk's task."""
    response = await desk.client.get(
        "/api/reports/revenue",
        params={"from": "2026-04-01", "to": "2026-04-30"},
        headers=await login(role),
    )
    assert response.status_code == 403
