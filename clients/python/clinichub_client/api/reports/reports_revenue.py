import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.revenue_report import RevenueReport
from ...types import UNSET, Response


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/reports/revenue",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | RevenueReport | None:
    if response.status_code == 200:
        response_200 = RevenueReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RevenueReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Response[Error | RevenueReport]:
    """Revenue per day over a range

     Admins only, as the daily report. For every day of the clinic's calendar from `from` to
    `to` (both included, at most 366 days; a reversed or longer range is a 400 `invalid_range`),
    days without activity included with zeros:

    - `billed_cents`: the totals of the invoices issued that day;
    - `collected_cents`: the totals of the invoices marked paid that day (an invoice marked paid
      is settled: the API records no partial payments);
    - `receivable_cents`: accounts receivable at the end of that day, what a biller's aging
      report starts from: the totals of every invoice issued by then and not paid by then, from
      the invoices' current state (an invoice marked unpaid again counts as never paid).

    `totals` has the range's billed and collected, and the receivable at the end of `to`. Days
    follow the clinic's time zone (`CLINICHUB_CLINIC_TIMEZONE`), 23 or 25 hours long on a
    daylight-saving change; amounts are integer cents in `currency`.

    Args:
        from_ (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RevenueReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Error | RevenueReport | None:
    """Revenue per day over a range

     Admins only, as the daily report. For every day of the clinic's calendar from `from` to
    `to` (both included, at most 366 days; a reversed or longer range is a 400 `invalid_range`),
    days without activity included with zeros:

    - `billed_cents`: the totals of the invoices issued that day;
    - `collected_cents`: the totals of the invoices marked paid that day (an invoice marked paid
      is settled: the API records no partial payments);
    - `receivable_cents`: accounts receivable at the end of that day, what a biller's aging
      report starts from: the totals of every invoice issued by then and not paid by then, from
      the invoices' current state (an invoice marked unpaid again counts as never paid).

    `totals` has the range's billed and collected, and the receivable at the end of `to`. Days
    follow the clinic's time zone (`CLINICHUB_CLINIC_TIMEZONE`), 23 or 25 hours long on a
    daylight-saving change; amounts are integer cents in `currency`.

    Args:
        from_ (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RevenueReport
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Response[Error | RevenueReport]:
    """Revenue per day over a range

     Admins only, as the daily report. For every day of the clinic's calendar from `from` to
    `to` (both included, at most 366 days; a reversed or longer range is a 400 `invalid_range`),
    days without activity included with zeros:

    - `billed_cents`: the totals of the invoices issued that day;
    - `collected_cents`: the totals of the invoices marked paid that day (an invoice marked paid
      is settled: the API records no partial payments);
    - `receivable_cents`: accounts receivable at the end of that day, what a biller's aging
      report starts from: the totals of every invoice issued by then and not paid by then, from
      the invoices' current state (an invoice marked unpaid again counts as never paid).

    `totals` has the range's billed and collected, and the receivable at the end of `to`. Days
    follow the clinic's time zone (`CLINICHUB_CLINIC_TIMEZONE`), 23 or 25 hours long on a
    daylight-saving change; amounts are integer cents in `currency`.

    Args:
        from_ (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RevenueReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
) -> Error | RevenueReport | None:
    """Revenue per day over a range

     Admins only, as the daily report. For every day of the clinic's calendar from `from` to
    `to` (both included, at most 366 days; a reversed or longer range is a 400 `invalid_range`),
    days without activity included with zeros:

    - `billed_cents`: the totals of the invoices issued that day;
    - `collected_cents`: the totals of the invoices marked paid that day (an invoice marked paid
      is settled: the API records no partial payments);
    - `receivable_cents`: accounts receivable at the end of that day, what a biller's aging
      report starts from: the totals of every invoice issued by then and not paid by then, from
      the invoices' current state (an invoice marked unpaid again counts as never paid).

    `totals` has the range's billed and collected, and the receivable at the end of `to`. Days
    follow the clinic's time zone (`CLINICHUB_CLINIC_TIMEZONE`), 23 or 25 hours long on a
    daylight-saving change; amounts are integer cents in `currency`.

    Args:
        from_ (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RevenueReport
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
