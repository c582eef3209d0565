from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/session/logout",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Message | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Message]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Message]:
    """Sign out the web app

     End the session of the `clinichub_refresh` cookie (no body, no bearer token): its access
    and refresh tokens stop working at once, audited as `POST /api/logout` is, and the cookie is
    cleared. An old copy of the cookie (a refresh token rotated away since) ends the session too,
    audited as a reuse. Idempotent: without a cookie, or with one whose session has ended or
    expired, the answer is the same 200 and the cookie is cleared all the same (signing out
    twice, or after the session expired, is no error).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Error | Message | None:
    """Sign out the web app

     End the session of the `clinichub_refresh` cookie (no body, no bearer token): its access
    and refresh tokens stop working at once, audited as `POST /api/logout` is, and the cookie is
    cleared. An old copy of the cookie (a refresh token rotated away since) ends the session too,
    audited as a reuse. Idempotent: without a cookie, or with one whose session has ended or
    expired, the answer is the same 200 and the cookie is cleared all the same (signing out
    twice, or after the session expired, is no error).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Message]:
    """Sign out the web app

     End the session of the `clinichub_refresh` cookie (no body, no bearer token): its access
    and refresh tokens stop working at once, audited as `POST /api/logout` is, and the cookie is
    cleared. An old copy of the cookie (a refresh token rotated away since) ends the session too,
    audited as a reuse. Idempotent: without a cookie, or with one whose session has ended or
    expired, the answer is the same 200 and the cookie is cleared all the same (signing out
    twice, or after the session expired, is no error).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Error | Message | None:
    """Sign out the web app

     End the session of the `clinichub_refresh` cookie (no body, no bearer token): its access
    and refresh tokens stop working at once, audited as `POST /api/logout` is, and the cookie is
    cleared. An old copy of the cookie (a refresh token rotated away since) ends the session too,
    audited as a reuse. Idempotent: without a cookie, or with one whose session has ended or
    expired, the answer is the same 200 and the cookie is cleared all the same (signing out
    twice, or after the session expired, is no error).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
