import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.availability import Availability
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    provider_user_id: int,
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    duration_minutes: int | Unset = 30,
    slot_minutes: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["duration_minutes"] = duration_minutes

    json_slot_minutes: int | None | Unset
    if isinstance(slot_minutes, Unset):
        json_slot_minutes = UNSET
    else:
        json_slot_minutes = slot_minutes
    params["slot_minutes"] = json_slot_minutes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/providers/{provider_user_id}/availability".format(
            provider_user_id=quote(str(provider_user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Availability | Error | None:
    if response.status_code == 200:
        response_200 = Availability.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Availability | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    duration_minutes: int | Unset = 30,
    slot_minutes: int | None | Unset = UNSET,
) -> Response[Availability | Error]:
    """Free slots of a provider

     All staff. Slots (UTC) of `duration_minutes` inside the provider's working hours in the
    clinic time zone (correct across daylight-saving changes), not overlapping any appointment
    that holds its slot, and not in the past. Starts lie on a grid of `slot_minutes` from the
    start of each working period. A provider without working hours is free all day.

    Args:
        provider_user_id (int):
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        duration_minutes (int | Unset):  Default: 30.
        slot_minutes (int | None | Unset): Grid of slot starts; default: duration

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Availability | Error]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
        date_from=date_from,
        date_to=date_to,
        duration_minutes=duration_minutes,
        slot_minutes=slot_minutes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    duration_minutes: int | Unset = 30,
    slot_minutes: int | None | Unset = UNSET,
) -> Availability | Error | None:
    """Free slots of a provider

     All staff. Slots (UTC) of `duration_minutes` inside the provider's working hours in the
    clinic time zone (correct across daylight-saving changes), not overlapping any appointment
    that holds its slot, and not in the past. Starts lie on a grid of `slot_minutes` from the
    start of each working period. A provider without working hours is free all day.

    Args:
        provider_user_id (int):
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        duration_minutes (int | Unset):  Default: 30.
        slot_minutes (int | None | Unset): Grid of slot starts; default: duration

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Availability | Error
    """

    return sync_detailed(
        provider_user_id=provider_user_id,
        client=client,
        date_from=date_from,
        date_to=date_to,
        duration_minutes=duration_minutes,
        slot_minutes=slot_minutes,
    ).parsed


async def asyncio_detailed(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    duration_minutes: int | Unset = 30,
    slot_minutes: int | None | Unset = UNSET,
) -> Response[Availability | Error]:
    """Free slots of a provider

     All staff. Slots (UTC) of `duration_minutes` inside the provider's working hours in the
    clinic time zone (correct across daylight-saving changes), not overlapping any appointment
    that holds its slot, and not in the past. Starts lie on a grid of `slot_minutes` from the
    start of each working period. A provider without working hours is free all day.

    Args:
        provider_user_id (int):
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        duration_minutes (int | Unset):  Default: 30.
        slot_minutes (int | None | Unset): Grid of slot starts; default: duration

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Availability | Error]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
        date_from=date_from,
        date_to=date_to,
        duration_minutes=duration_minutes,
        slot_minutes=slot_minutes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    duration_minutes: int | Unset = 30,
    slot_minutes: int | None | Unset = UNSET,
) -> Availability | Error | None:
    """Free slots of a provider

     All staff. Slots (UTC) of `duration_minutes` inside the provider's working hours in the
    clinic time zone (correct across daylight-saving changes), not overlapping any appointment
    that holds its slot, and not in the past. Starts lie on a grid of `slot_minutes` from the
    start of each working period. A provider without working hours is free all day.

    Args:
        provider_user_id (int):
        date_from (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        date_to (datetime.date): YYYY-MM-DD, from 1900-01-01 to 2100-12-31
        duration_minutes (int | Unset):  Default: 30.
        slot_minutes (int | None | Unset): Grid of slot starts; default: duration

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Availability | Error
    """

    return (
        await asyncio_detailed(
            provider_user_id=provider_user_id,
            client=client,
            date_from=date_from,
            date_to=date_to,
            duration_minutes=duration_minutes,
            slot_minutes=slot_minutes,
        )
    ).parsed
