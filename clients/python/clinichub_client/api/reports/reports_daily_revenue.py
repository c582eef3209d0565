import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.daily_revenue import DailyRevenue
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    *,
    date: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date = date.isoformat()
    params["date"] = json_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/reports/daily-revenue",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DailyRevenue | Error | None:
    if response.status_code == 200:
        response_200 = DailyRevenue.from_dict(response.json())

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
) -> Response[DailyRevenue | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date,
) -> Response[DailyRevenue | Error]:
    """Revenue of one day

     Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers.

    Args:
        date (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyRevenue | Error]
    """

    kwargs = _get_kwargs(
        date=date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date: datetime.date,
) -> DailyRevenue | Error | None:
    """Revenue of one day

     Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers.

    Args:
        date (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyRevenue | Error
    """

    return sync_detailed(
        client=client,
        date=date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date,
) -> Response[DailyRevenue | Error]:
    """Revenue of one day

     Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers.

    Args:
        date (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyRevenue | Error]
    """

    kwargs = _get_kwargs(
        date=date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date: datetime.date,
) -> DailyRevenue | Error | None:
    """Revenue of one day

     Admins only. The invoices whose payment time falls on that day of the clinic's calendar,
    and what they are worth: billed in total, owed by patients, owed by insurers.

    Args:
        date (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyRevenue | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            date=date,
        )
    ).parsed
