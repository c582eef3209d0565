"""The clinic's settings over HTTP: what a client needs to show clinic days and money, to every
signed-in member of staff, and nothing secret."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.vocabulary import Role
from tests.kit import Login, allowed


@asynccontextmanager
async def served(settings: Settings, **changes: object) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app on the same database, with `changes` to its settings."""
    app = create_app(settings.model_copy(update=changes))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await app.state.engine.dispose()
    await app.state.side_engine.dispose()


def today_in(zone: str) -> date:
    return datetime.now(ZoneInfo(zone)).date()


@pytest.mark.parametrize("role", sorted(allowed("clinic_get")))
async def test_every_member_of_staff_reads_the_clinic(
    client: httpx.AsyncClient, bearer: Login, role: Role
) -> None:
    before = today_in("UTC")
    response = await client.get("/api/clinic", headers=await bearer(role))
    after = today_in("UTC")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["today"] in {before.isoformat(), after.isoformat()}
    # Exactly these keys: no secret, URL or deployment detail.
    assert body == {
        "timezone": "UTC",
        "currency": "USD",
        "today": body["today"],
        "password_min_length": 8,
        "password_max_bytes": 72,
        "document_max_bytes": 10 * 1024 * 1024,
        "default_cpt_code": "99213",
    }
    assert response.headers["cache-control"] == "no-store"


async def test_the_document_limit_is_the_configured_one(settings: Settings, bearer: Login) -> None:
    """The web app checks a file against it before sending (a clinic may raise it)."""
    headers = await bearer(Role.receptionist)
    async with served(settings, document_max_bytes=25 * 1024 * 1024) as http:
        response = await http.get("/api/clinic", headers=headers)
    assert response.json()["document_max_bytes"] == 25 * 1024 * 1024


async def test_today_is_the_clinics_day(settings: Settings, bearer: Login) -> None:
    """Kiritimati (UTC+14) and Pago Pago (UTC-11) are always on different days: each clinic's
    today is its own, one day apart."""
    headers = await bearer(Role.receptionist)
    todays: dict[str, date] = {}
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        async with served(settings, clinic_timezone=zone) as http:
            before = today_in(zone)
            response = await http.get("/api/clinic", headers=headers)
            after = today_in(zone)
        assert response.status_code == 200, response.text
        assert response.json()["timezone"] == zone
        today = date.fromisoformat(response.json()["today"])
        assert today in {before, after}
        todays[zone] = today
    assert todays["Pacific/Kiritimati"] - todays["Pacific/Pago_Pago"] in {
        timedelta(days=1),
        timedelta(days=2),  # Kiritimati's midnight passed between the two requests
    }


async def test_the_settings_are_the_servers(settings: Settings, bearer: Login) -> None:
    headers = await bearer(Role.nurse)
    async with served(settings, password_min_length=15, default_cpt_code="99214") as http:
        body = (await http.get("/api/clinic", headers=headers)).json()
    assert (body["password_min_length"], body["default_cpt_code"]) == (15, "99214")


async def test_a_token_is_required(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/clinic")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["code"] == "token_missing"
    bad = await client.get("/api/clinic", headers={"Authorization": "Bearer not-a-token"})
    assert bad.status_code == 401
    assert bad.json()["code"] == "invalid_token"
