"""Dates at the end of the calendar are bad input (400), not a server error."""

import httpx
import pytest

from clinichub.vocabulary import Role
from tests.kit import Login


@pytest.mark.parametrize(
    "path",
    [
        "/api/reports/daily-revenue?date=9999-12-31",
        "/api/appointments?date_to=9999-12-31",
        "/api/appointments/daily-counts?date_from=9999-12-30&date_to=9999-12-31",
        "/api/invoices?issued_to=9999-12-31",
        "/api/audit/events?occurred_from=9999-12-31T23:00:00-05:00",
    ],
)
async def test_dates_at_the_end_of_the_calendar_are_a_400(
    client: httpx.AsyncClient, bearer: Login, path: str
) -> None:
    response = await client.get(path, headers=await bearer(Role.admin))
    assert response.status_code == 400
    assert response.json()["code"] in {"out_of_range", "invalid_request", "invalid_range"}
