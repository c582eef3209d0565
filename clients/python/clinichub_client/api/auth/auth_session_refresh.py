from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.session_response import SessionResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/session/refresh",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SessionResponse | None:
    if response.status_code == 200:
        response_200 = SessionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

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
) -> Response[Error | SessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | SessionResponse]:
    """Renew the web app's access token

     `POST /api/refresh` with the refresh token of the `clinichub_refresh` cookie (no body):
    it rotates, the cookie gets the new one, and the answer names the user, so that a reloaded
    page learns who is signed in. Sending a refresh token rotated away since (an old copy of the
    cookie) ends the whole session (RFC 9700 section 4.14.2). A missing, invalid or expired
    cookie is a 401 that clears it; the limit of `POST /api/refresh` applies (429).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Error | SessionResponse | None:
    """Renew the web app's access token

     `POST /api/refresh` with the refresh token of the `clinichub_refresh` cookie (no body):
    it rotates, the cookie gets the new one, and the answer names the user, so that a reloaded
    page learns who is signed in. Sending a refresh token rotated away since (an old copy of the
    cookie) ends the whole session (RFC 9700 section 4.14.2). A missing, invalid or expired
    cookie is a 401 that clears it; the limit of `POST /api/refresh` applies (429).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | SessionResponse]:
    """Renew the web app's access token

     `POST /api/refresh` with the refresh token of the `clinichub_refresh` cookie (no body):
    it rotates, the cookie gets the new one, and the answer names the user, so that a reloaded
    page learns who is signed in. Sending a refresh token rotated away since (an old copy of the
    cookie) ends the whole session (RFC 9700 section 4.14.2). A missing, invalid or expired
    cookie is a 401 that clears it; the limit of `POST /api/refresh` applies (429).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Error | SessionResponse | None:
    """Renew the web app's access token

     `POST /api/refresh` with the refresh token of the `clinichub_refresh` cookie (no body):
    it rotates, the cookie gets the new one, and the answer names the user, so that a reloaded
    page learns who is signed in. Sending a refresh token rotated away since (an old copy of the
    cookie) ends the whole session (RFC 9700 section 4.14.2). A missing, invalid or expired
    cookie is a 401 that clears it; the limit of `POST /api/refresh` applies (429).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
