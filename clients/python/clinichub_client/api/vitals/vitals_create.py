from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.vitals_create import VitalsCreate
from ...models.vitals_created import VitalsCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VitalsCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/vitals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | VitalsCreated | None:
    if response.status_code == 201:
        response_201 = VitalsCreated.from_dict(response.json())

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
) -> Response[Error | VitalsCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VitalsCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Error | VitalsCreated]:
    """Record vitals

     Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client.

    Args:
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (VitalsCreate): At least one measurement; each within what a living patient can
            measure.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VitalsCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VitalsCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Error | VitalsCreated | None:
    """Record vitals

     Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client.

    Args:
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (VitalsCreate): At least one measurement; each within what a living patient can
            measure.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VitalsCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VitalsCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Error | VitalsCreated]:
    """Record vitals

     Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client.

    Args:
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (VitalsCreate): At least one measurement; each within what a living patient can
            measure.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VitalsCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VitalsCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Error | VitalsCreated | None:
    """Record vitals

     Admins, doctors and nurses. Every measurement is optional, but at least one is needed;
    implausible values are refused. `bmi` and `bmi_category` are computed from height and
    weight, never taken from the client.

    Args:
        idempotency_key (None | str | Unset): Optional. A unique value per operation (a UUID), 1
            to 255 printable ASCII characters. A retry with the same key and body within 24 hours gets
            the first response again, with `Idempotent-Replayed: true`, and creates nothing; the same
            key with another body is a 409 `idempotency_key_reuse`, a retry while the first request
            runs a 409 `idempotency_key_in_progress`. Responses of 5xx, 401, 403 and 429 are not kept:
            a retry runs again.
        body (VitalsCreate): At least one measurement; each within what a living patient can
            measure.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VitalsCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
