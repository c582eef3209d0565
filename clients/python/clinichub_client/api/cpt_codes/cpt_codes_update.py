from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cpt_code_update import CptCodeUpdate
from ...models.cpt_code_updated import CptCodeUpdated
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    code: str,
    *,
    body: CptCodeUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/cpt_codes/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CptCodeUpdated | Error | None:
    if response.status_code == 200:
        response_200 = CptCodeUpdated.from_dict(response.json())

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
) -> Response[CptCodeUpdated | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: CptCodeUpdate,
) -> Response[CptCodeUpdated | Error]:
    """Re-price, rename or deactivate a CPT code

     Admins only. A new price applies to charges made from now on: charges and invoices already
    made keep theirs. A deactivated code can no longer be charged. Each field changed is an audit
    event of its own (`cpt_code.price_cents`, `cpt_code.is_active`).

    Args:
        code (str): Five digits, or four digits and a letter
        body (CptCodeUpdate): Only the fields sent are changed. A new price applies to charges
            made from now on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CptCodeUpdated | Error]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: CptCodeUpdate,
) -> CptCodeUpdated | Error | None:
    """Re-price, rename or deactivate a CPT code

     Admins only. A new price applies to charges made from now on: charges and invoices already
    made keep theirs. A deactivated code can no longer be charged. Each field changed is an audit
    event of its own (`cpt_code.price_cents`, `cpt_code.is_active`).

    Args:
        code (str): Five digits, or four digits and a letter
        body (CptCodeUpdate): Only the fields sent are changed. A new price applies to charges
            made from now on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CptCodeUpdated | Error
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: CptCodeUpdate,
) -> Response[CptCodeUpdated | Error]:
    """Re-price, rename or deactivate a CPT code

     Admins only. A new price applies to charges made from now on: charges and invoices already
    made keep theirs. A deactivated code can no longer be charged. Each field changed is an audit
    event of its own (`cpt_code.price_cents`, `cpt_code.is_active`).

    Args:
        code (str): Five digits, or four digits and a letter
        body (CptCodeUpdate): Only the fields sent are changed. A new price applies to charges
            made from now on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CptCodeUpdated | Error]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: CptCodeUpdate,
) -> CptCodeUpdated | Error | None:
    """Re-price, rename or deactivate a CPT code

     Admins only. A new price applies to charges made from now on: charges and invoices already
    made keep theirs. A deactivated code can no longer be charged. Each field changed is an audit
    event of its own (`cpt_code.price_cents`, `cpt_code.is_active`).

    Args:
        code (str): Five digits, or four digits and a letter
        body (CptCodeUpdate): Only the fields sent are changed. A new price applies to charges
            made from now on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CptCodeUpdated | Error
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
