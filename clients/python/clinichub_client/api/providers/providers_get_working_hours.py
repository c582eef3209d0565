from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.working_hours_read import WorkingHoursRead
from ...types import Response


def _get_kwargs(
    provider_user_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/providers/{provider_user_id}/working-hours".format(
            provider_user_id=quote(str(provider_user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkingHoursRead | None:
    if response.status_code == 200:
        response_200 = WorkingHoursRead.from_dict(response.json())

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
) -> Response[Error | WorkingHoursRead]:
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
) -> Response[Error | WorkingHoursRead]:
    """Get a provider's working hours

     All staff. Clinic-local wall times per weekday (0 = Monday); an empty list means the
    provider accepts bookings at any time.

    Args:
        provider_user_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkingHoursRead]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | WorkingHoursRead | None:
    """Get a provider's working hours

     All staff. Clinic-local wall times per weekday (0 = Monday); an empty list means the
    provider accepts bookings at any time.

    Args:
        provider_user_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkingHoursRead
    """

    return sync_detailed(
        provider_user_id=provider_user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | WorkingHoursRead]:
    """Get a provider's working hours

     All staff. Clinic-local wall times per weekday (0 = Monday); an empty list means the
    provider accepts bookings at any time.

    Args:
        provider_user_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkingHoursRead]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | WorkingHoursRead | None:
    """Get a provider's working hours

     All staff. Clinic-local wall times per weekday (0 = Monday); an empty list means the
    provider accepts bookings at any time.

    Args:
        provider_user_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkingHoursRead
    """

    return (
        await asyncio_detailed(
            provider_user_id=provider_user_id,
            client=client,
        )
    ).parsed
