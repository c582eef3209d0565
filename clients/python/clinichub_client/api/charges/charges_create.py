from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.charge_create import ChargeCreate
from ...models.charge_created import ChargeCreated
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: int,
    *,
    body: ChargeCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/appointments/{appointment_id}/charges".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChargeCreated | Error | None:
    if response.status_code == 201:
        response_201 = ChargeCreated.from_dict(response.json())

        return response_201

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

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
) -> Response[ChargeCreated | Error]:
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
    body: ChargeCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ChargeCreated | Error]:
    """Add a charge to a completed appointment

     Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409.

    Args:
        appointment_id (int):
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (ChargeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChargeCreated | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: ChargeCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ChargeCreated | Error | None:
    """Add a charge to a completed appointment

     Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409.

    Args:
        appointment_id (int):
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (ChargeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChargeCreated | Error
    """

    return sync_detailed(
        appointment_id=appointment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: ChargeCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ChargeCreated | Error]:
    """Add a charge to a completed appointment

     Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409.

    Args:
        appointment_id (int):
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (ChargeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChargeCreated | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: ChargeCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ChargeCreated | Error | None:
    """Add a charge to a completed appointment

     Admins and doctors. Bills a further procedure of the visit (a lab, a vaccine) at the
    catalogue's current price. An unknown or inactive code is a 400; an appointment that is not
    completed, or already invoiced, is a 409.

    Args:
        appointment_id (int):
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (ChargeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChargeCreated | Error
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
