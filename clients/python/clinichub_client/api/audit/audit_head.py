from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_head import AuditHead
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/audit/head",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditHead | Error | None:
    if response.status_code == 200:
        response_200 = AuditHead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditHead | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AuditHead | Error]:
    """The audit trail's newest seal

     Admins only. The newest seal's id and hash. Keep it outside the database (each new seal
    is also written to the service's log) and pass it to `GET /api/audit/verify?head=` later:
    removing the newest seals together with their events is then detected. 404 while nothing
    is sealed yet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditHead | Error]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AuditHead | Error | None:
    """The audit trail's newest seal

     Admins only. The newest seal's id and hash. Keep it outside the database (each new seal
    is also written to the service's log) and pass it to `GET /api/audit/verify?head=` later:
    removing the newest seals together with their events is then detected. 404 while nothing
    is sealed yet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditHead | Error
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AuditHead | Error]:
    """The audit trail's newest seal

     Admins only. The newest seal's id and hash. Keep it outside the database (each new seal
    is also written to the service's log) and pass it to `GET /api/audit/verify?head=` later:
    removing the newest seals together with their events is then detected. 404 while nothing
    is sealed yet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditHead | Error]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AuditHead | Error | None:
    """The audit trail's newest seal

     Admins only. The newest seal's id and hash. Keep it outside the database (each new seal
    is also written to the service's log) and pass it to `GET /api/audit/verify?head=` later:
    removing the newest seals together with their events is then detected. 404 while nothing
    is sealed yet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditHead | Error
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
