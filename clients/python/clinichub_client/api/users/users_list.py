from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.role import Role
from ...models.user_list import UserList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    role: None | Role | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, Role):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_is_active: bool | None | Unset
    if isinstance(is_active, Unset):
        json_is_active = UNSET
    else:
        json_is_active = is_active
    params["is_active"] = json_is_active

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/users",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | UserList | None:
    if response.status_code == 200:
        response_200 = UserList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | UserList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | UserList]:
    """List staff users

     All staff. Sorted by last name, first name. Filter by role to pick a provider.

    Args:
        role (None | Role | Unset):
        is_active (bool | None | Unset):
        search (None | str | Unset): Words matched against name and email
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserList]
    """

    kwargs = _get_kwargs(
        role=role,
        is_active=is_active,
        search=search,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | UserList | None:
    """List staff users

     All staff. Sorted by last name, first name. Filter by role to pick a provider.

    Args:
        role (None | Role | Unset):
        is_active (bool | None | Unset):
        search (None | str | Unset): Words matched against name and email
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserList
    """

    return sync_detailed(
        client=client,
        role=role,
        is_active=is_active,
        search=search,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | UserList]:
    """List staff users

     All staff. Sorted by last name, first name. Filter by role to pick a provider.

    Args:
        role (None | Role | Unset):
        is_active (bool | None | Unset):
        search (None | str | Unset): Words matched against name and email
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserList]
    """

    kwargs = _get_kwargs(
        role=role,
        is_active=is_active,
        search=search,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    search: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | UserList | None:
    """List staff users

     All staff. Sorted by last name, first name. Filter by role to pick a provider.

    Args:
        role (None | Role | Unset):
        is_active (bool | None | Unset):
        search (None | str | Unset): Words matched against name and email
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserList
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            is_active=is_active,
            search=search,
            page=page,
            per_page=per_page,
        )
    ).parsed
