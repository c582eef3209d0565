from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.login_request import LoginRequest
from ...models.session_response import SessionResponse
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/session",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SessionResponse | None:
    if response.status_code == 200:
        response_200 = SessionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

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
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[Error | SessionResponse]:
    """Sign in the web app

     `POST /api/login` for the web app: the same checks, limits (with the same counters: failed
    attempts here and there add up) and audit events. The refresh token is not in the body: it
    is set in the `clinichub_refresh` cookie (`HttpOnly`, `SameSite=Strict`,
    `Path=/api/session/`, `Max-Age` the refresh token's lifetime, `Secure` over HTTPS), which no
    script can read and which the browser sends only to `POST /api/session/refresh` and
    `POST /api/session/logout`, and only from the service's own pages. Programs use
    `POST /api/login` and `POST /api/refresh`.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Error | SessionResponse | None:
    """Sign in the web app

     `POST /api/login` for the web app: the same checks, limits (with the same counters: failed
    attempts here and there add up) and audit events. The refresh token is not in the body: it
    is set in the `clinichub_refresh` cookie (`HttpOnly`, `SameSite=Strict`,
    `Path=/api/session/`, `Max-Age` the refresh token's lifetime, `Secure` over HTTPS), which no
    script can read and which the browser sends only to `POST /api/session/refresh` and
    `POST /api/session/logout`, and only from the service's own pages. Programs use
    `POST /api/login` and `POST /api/refresh`.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[Error | SessionResponse]:
    """Sign in the web app

     `POST /api/login` for the web app: the same checks, limits (with the same counters: failed
    attempts here and there add up) and audit events. The refresh token is not in the body: it
    is set in the `clinichub_refresh` cookie (`HttpOnly`, `SameSite=Strict`,
    `Path=/api/session/`, `Max-Age` the refresh token's lifetime, `Secure` over HTTPS), which no
    script can read and which the browser sends only to `POST /api/session/refresh` and
    `POST /api/session/logout`, and only from the service's own pages. Programs use
    `POST /api/login` and `POST /api/refresh`.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Error | SessionResponse | None:
    """Sign in the web app

     `POST /api/login` for the web app: the same checks, limits (with the same counters: failed
    attempts here and there add up) and audit events. The refresh token is not in the body: it
    is set in the `clinichub_refresh` cookie (`HttpOnly`, `SameSite=Strict`,
    `Path=/api/session/`, `Max-Age` the refresh token's lifetime, `Secure` over HTTPS), which no
    script can read and which the browser sends only to `POST /api/session/refresh` and
    `POST /api/session/logout`, and only from the service's own pages. Programs use
    `POST /api/login` and `POST /api/refresh`.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
