from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...models.password_change import PasswordChange
from ...types import Response


def _get_kwargs(
    *,
    body: PasswordChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/profile/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Message | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

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
    body: PasswordChange,
) -> Response[Error | Message]:
    """Change the caller's password

     Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401. The new password needs
    `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one of the 10,000
    most common passwords or the email address (NIST SP 800-63B 5.1.1.2).

    The current password is checked like a login, with the same counters: a wrong one counts as
    a failed login of the account from the caller's address, and past the login limits the answer
    is 429 `rate_limited` with `Retry-After` and the caller's session is ended (a stolen token
    cannot be used to guess the password). Every attempt is audited, never with a password.

    Args:
        body (PasswordChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message]
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
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Error | Message | None:
    """Change the caller's password

     Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401. The new password needs
    `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one of the 10,000
    most common passwords or the email address (NIST SP 800-63B 5.1.1.2).

    The current password is checked like a login, with the same counters: a wrong one counts as
    a failed login of the account from the caller's address, and past the login limits the answer
    is 429 `rate_limited` with `Retry-After` and the caller's session is ended (a stolen token
    cannot be used to guess the password). Every attempt is audited, never with a password.

    Args:
        body (PasswordChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Response[Error | Message]:
    """Change the caller's password

     Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401. The new password needs
    `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one of the 10,000
    most common passwords or the email address (NIST SP 800-63B 5.1.1.2).

    The current password is checked like a login, with the same counters: a wrong one counts as
    a failed login of the account from the caller's address, and past the login limits the answer
    is 429 `rate_limited` with `Retry-After` and the caller's session is ended (a stolen token
    cannot be used to guess the password). Every attempt is audited, never with a password.

    Args:
        body (PasswordChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Error | Message | None:
    """Change the caller's password

     Set a new password. Every other session of the user is ended; this one stays. A wrong
    current password is a 400 (`invalid_current_password`), not a 401. The new password needs
    `CLINICHUB_PASSWORD_MIN_LENGTH` characters (8 by default) and must not be one of the 10,000
    most common passwords or the email address (NIST SP 800-63B 5.1.1.2).

    The current password is checked like a login, with the same counters: a wrong one counts as
    a failed login of the account from the caller's address, and past the login limits the answer
    is 429 `rate_limited` with `Retry-After` and the caller's session is ended (a stolen token
    cannot be used to guess the password). Every attempt is audited, never with a password.

    Args:
        body (PasswordChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
