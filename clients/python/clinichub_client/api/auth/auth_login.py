from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.login_request import LoginRequest
from ...models.login_response import LoginResponse
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | LoginResponse | None:
    if response.status_code == 200:
        response_200 = LoginResponse.from_dict(response.json())

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
) -> Response[Error | LoginResponse]:
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
) -> Response[Error | LoginResponse]:
    """Log in

     Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401.

    After `CLINICHUB_LOGIN_MAX_FAILURES` (10) failed attempts for an email from one client
    address in `CLINICHUB_LOGIN_WINDOW_SECONDS` (15 minutes), `CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`
    (100) for an email from all addresses, or `CLINICHUB_LOGIN_IP_MAX_FAILURES` (100) from one
    client address, further attempts get 429 `rate_limited` with `Retry-After` until the window
    ends, even with the right password; failures from other addresses do not lock the owner out
    below the account's ceiling. A successful login resets the email's counts.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LoginResponse]
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
) -> Error | LoginResponse | None:
    """Log in

     Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401.

    After `CLINICHUB_LOGIN_MAX_FAILURES` (10) failed attempts for an email from one client
    address in `CLINICHUB_LOGIN_WINDOW_SECONDS` (15 minutes), `CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`
    (100) for an email from all addresses, or `CLINICHUB_LOGIN_IP_MAX_FAILURES` (100) from one
    client address, further attempts get 429 `rate_limited` with `Retry-After` until the window
    ends, even with the right password; failures from other addresses do not lock the owner out
    below the account's ceiling. A successful login resets the email's counts.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LoginResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[Error | LoginResponse]:
    """Log in

     Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401.

    After `CLINICHUB_LOGIN_MAX_FAILURES` (10) failed attempts for an email from one client
    address in `CLINICHUB_LOGIN_WINDOW_SECONDS` (15 minutes), `CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`
    (100) for an email from all addresses, or `CLINICHUB_LOGIN_IP_MAX_FAILURES` (100) from one
    client address, further attempts get 429 `rate_limited` with `Retry-After` until the window
    ends, even with the right password; failures from other addresses do not lock the owner out
    below the account's ceiling. A successful login resets the email's counts.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LoginResponse]
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
) -> Error | LoginResponse | None:
    """Log in

     Authenticate with email (case-insensitive) and password; returns an access token and a
    refresh token for a new session. Wrong password, unknown email and an inactive account all
    give the same 401.

    After `CLINICHUB_LOGIN_MAX_FAILURES` (10) failed attempts for an email from one client
    address in `CLINICHUB_LOGIN_WINDOW_SECONDS` (15 minutes), `CLINICHUB_LOGIN_ACCOUNT_MAX_FAILURES`
    (100) for an email from all addresses, or `CLINICHUB_LOGIN_IP_MAX_FAILURES` (100) from one
    client address, further attempts get 429 `rate_limited` with `Retry-After` until the window
    ends, even with the right password; failures from other addresses do not lock the owner out
    below the account's ceiling. A successful login resets the email's counts.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LoginResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
