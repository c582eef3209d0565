import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.daily_counts import DailyCounts
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    provider_user_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_provider_user_id: int | None | Unset
    if isinstance(provider_user_id, Unset):
        json_provider_user_id = UNSET
    else:
        json_provider_user_id = provider_user_id
    params["provider_user_id"] = json_provider_user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/appointments/daily-counts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DailyCounts | Error | None:
    if response.status_code == 200:
        response_200 = DailyCounts.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DailyCounts | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    provider_user_id: int | None | Unset = UNSET,
) -> Response[DailyCounts | Error]:
    """Appointments per day, by status

     All staff. For each day of the clinic's calendar from `date_from` to `date_to`, every
    day present (zeros too), how many appointments start on it, in total and in each status
    (every status present), for a calendar's month view:
    `?date_from=2026-04-01&date_to=2026-04-30&provider_user_id=2`. An appointment counts on the
    clinic-local day it starts. Archived patients' appointments are left out, as in the list.

    400 `invalid_range` naming `date_to` when it is before `date_from` or the range spans more
    than 62 days.

    Args:
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        provider_user_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyCounts | Error]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        provider_user_id=provider_user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    provider_user_id: int | None | Unset = UNSET,
) -> DailyCounts | Error | None:
    """Appointments per day, by status

     All staff. For each day of the clinic's calendar from `date_from` to `date_to`, every
    day present (zeros too), how many appointments start on it, in total and in each status
    (every status present), for a calendar's month view:
    `?date_from=2026-04-01&date_to=2026-04-30&provider_user_id=2`. An appointment counts on the
    clinic-local day it starts. Archived patients' appointments are left out, as in the list.

    400 `invalid_range` naming `date_to` when it is before `date_from` or the range spans more
    than 62 days.

    Args:
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        provider_user_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyCounts | Error
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        provider_user_id=provider_user_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    provider_user_id: int | None | Unset = UNSET,
) -> Response[DailyCounts | Error]:
    """Appointments per day, by status

     All staff. For each day of the clinic's calendar from `date_from` to `date_to`, every
    day present (zeros too), how many appointments start on it, in total and in each status
    (every status present), for a calendar's month view:
    `?date_from=2026-04-01&date_to=2026-04-30&provider_user_id=2`. An appointment counts on the
    clinic-local day it starts. Archived patients' appointments are left out, as in the list.

    400 `invalid_range` naming `date_to` when it is before `date_from` or the range spans more
    than 62 days.

    Args:
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        provider_user_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DailyCounts | Error]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        provider_user_id=provider_user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    provider_user_id: int | None | Unset = UNSET,
) -> DailyCounts | Error | None:
    """Appointments per day, by status

     All staff. For each day of the clinic's calendar from `date_from` to `date_to`, every
    day present (zeros too), how many appointments start on it, in total and in each status
    (every status present), for a calendar's month view:
    `?date_from=2026-04-01&date_to=2026-04-30&provider_user_id=2`. An appointment counts on the
    clinic-local day it starts. Archived patients' appointments are left out, as in the list.

    400 `invalid_range` naming `date_to` when it is before `date_from` or the range spans more
    than 62 days.

    Args:
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        provider_user_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DailyCounts | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            provider_user_id=provider_user_id,
        )
    ).parsed
