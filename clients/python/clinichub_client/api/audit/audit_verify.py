from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_verification import AuditVerification
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    head: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_head: None | str | Unset
    if isinstance(head, Unset):
        json_head = UNSET
    else:
        json_head = head
    params["head"] = json_head

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/audit/verify",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditVerification | Error | None:
    if response.status_code == 200:
        response_200 = AuditVerification.from_dict(response.json())

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
) -> Response[AuditVerification | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    head: None | str | Unset = UNSET,
) -> Response[AuditVerification | Error]:
    """Verify the audit trail's hash chain

     Admins only. Recomputes every seal, under the audit key, from the events it covers.
    `valid: false` names the first broken seal: an event was altered, removed or inserted, or a
    seal was changed or made without the key. With `head`, that seal must still be in the chain
    with that hash.

    Args:
        head (None | str | Unset): A head taken earlier from `GET /api/audit/head`, as
            `<seal_id>:<hash>`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Error]
    """

    kwargs = _get_kwargs(
        head=head,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    head: None | str | Unset = UNSET,
) -> AuditVerification | Error | None:
    """Verify the audit trail's hash chain

     Admins only. Recomputes every seal, under the audit key, from the events it covers.
    `valid: false` names the first broken seal: an event was altered, removed or inserted, or a
    seal was changed or made without the key. With `head`, that seal must still be in the chain
    with that hash.

    Args:
        head (None | str | Unset): A head taken earlier from `GET /api/audit/head`, as
            `<seal_id>:<hash>`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Error
    """

    return sync_detailed(
        client=client,
        head=head,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    head: None | str | Unset = UNSET,
) -> Response[AuditVerification | Error]:
    """Verify the audit trail's hash chain

     Admins only. Recomputes every seal, under the audit key, from the events it covers.
    `valid: false` names the first broken seal: an event was altered, removed or inserted, or a
    seal was changed or made without the key. With `head`, that seal must still be in the chain
    with that hash.

    Args:
        head (None | str | Unset): A head taken earlier from `GET /api/audit/head`, as
            `<seal_id>:<hash>`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Error]
    """

    kwargs = _get_kwargs(
        head=head,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    head: None | str | Unset = UNSET,
) -> AuditVerification | Error | None:
    """Verify the audit trail's hash chain

     Admins only. Recomputes every seal, under the audit key, from the events it covers.
    `valid: false` names the first broken seal: an event was altered, removed or inserted, or a
    seal was changed or made without the key. With `head`, that seal must still be in the chain
    with that hash.

    Args:
        head (None | str | Unset): A head taken earlier from `GET /api/audit/head`, as
            `<seal_id>:<hash>`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            head=head,
        )
    ).parsed
