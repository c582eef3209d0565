from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_cancelled import AppointmentCancelled
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: int,
    *,
    reason: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_reason: None | str | Unset
    if isinstance(reason, Unset):
        json_reason = UNSET
    else:
        json_reason = reason
    params["reason"] = json_reason

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/appointments/{appointment_id}".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentCancelled | Error | None:
    if response.status_code == 200:
        response_200 = AppointmentCancelled.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[AppointmentCancelled | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    reason: None | str | Unset = UNSET,
) -> Response[AppointmentCancelled | Error]:
    """Cancel an appointment

     Admins, doctors and receptionists. A soft delete: the appointment stays, with status
    `cancelled`, and its slot is free again. Cancelling a cancelled, completed or no-show
    appointment is a 409.

    Args:
        appointment_id (int):
        reason (None | str | Unset): Stored as cancellation_reason

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentCancelled | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        reason=reason,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    reason: None | str | Unset = UNSET,
) -> AppointmentCancelled | Error | None:
    """Cancel an appointment

     Admins, doctors and receptionists. A soft delete: the appointment stays, with status
    `cancelled`, and its slot is free again. Cancelling a cancelled, completed or no-show
    appointment is a 409.

    Args:
        appointment_id (int):
        reason (None | str | Unset): Stored as cancellation_reason

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentCancelled | Error
    """

    return sync_detailed(
        appointment_id=appointment_id,
        client=client,
        reason=reason,
    ).parsed


async def asyncio_detailed(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    reason: None | str | Unset = UNSET,
) -> Response[AppointmentCancelled | Error]:
    """Cancel an appointment

     Admins, doctors and receptionists. A soft delete: the appointment stays, with status
    `cancelled`, and its slot is free again. Cancelling a cancelled, completed or no-show
    appointment is a 409.

    Args:
        appointment_id (int):
        reason (None | str | Unset): Stored as cancellation_reason

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentCancelled | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        reason=reason,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    reason: None | str | Unset = UNSET,
) -> AppointmentCancelled | Error | None:
    """Cancel an appointment

     Admins, doctors and receptionists. A soft delete: the appointment stays, with status
    `cancelled`, and its slot is free again. Cancelling a cancelled, completed or no-show
    appointment is a 409.

    Args:
        appointment_id (int):
        reason (None | str | Unset): Stored as cancellation_reason

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentCancelled | Error
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            reason=reason,
        )
    ).parsed
