from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clinic_read import ClinicRead
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/clinic",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClinicRead | Error | None:
    if response.status_code == 200:
        response_200 = ClinicRead.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClinicRead | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ClinicRead | Error]:
    """The clinic's settings

     All staff. The clinic's time zone, with today's date in it, and its currency, so that a
    client shows clinic days and amounts as the server counts them; and the bounds of a new
    password, so that a form can check one before sending it. `today` turns at the clinic's
    midnight.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | Error]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ClinicRead | Error | None:
    """The clinic's settings

     All staff. The clinic's time zone, with today's date in it, and its currency, so that a
    client shows clinic days and amounts as the server counts them; and the bounds of a new
    password, so that a form can check one before sending it. `today` turns at the clinic's
    midnight.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | Error
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ClinicRead | Error]:
    """The clinic's settings

     All staff. The clinic's time zone, with today's date in it, and its currency, so that a
    client shows clinic days and amounts as the server counts them; and the bounds of a new
    password, so that a form can check one before sending it. `today` turns at the clinic's
    midnight.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClinicRead | Error]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ClinicRead | Error | None:
    """The clinic's settings

     All staff. The clinic's time zone, with today's date in it, and its currency, so that a
    client shows clinic days and amounts as the server counts them; and the bounds of a new
    password, so that a form can check one before sending it. `today` turns at the clinic's
    midnight.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClinicRead | Error
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
