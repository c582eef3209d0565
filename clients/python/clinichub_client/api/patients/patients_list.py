import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.patient_list import PatientList
from ...models.patient_sort_key import PatientSortKey
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: None | str | Unset = UNSET,
    sort_by: PatientSortKey | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    dob: datetime.date | None | Unset = UNSET,
    email: None | str | Unset = UNSET,
    ids: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_search: None | str | Unset
    if isinstance(search, Unset):
        json_search = UNSET
    else:
        json_search = search
    params["search"] = json_search

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_dob: None | str | Unset
    if isinstance(dob, Unset):
        json_dob = UNSET
    elif isinstance(dob, datetime.date):
        json_dob = dob.isoformat()
    else:
        json_dob = dob
    params["dob"] = json_dob

    json_email: None | str | Unset
    if isinstance(email, Unset):
        json_email = UNSET
    else:
        json_email = email
    params["email"] = json_email

    json_ids: None | str | Unset
    if isinstance(ids, Unset):
        json_ids = UNSET
    else:
        json_ids = ids
    params["ids"] = json_ids

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/patients",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PatientList | None:
    if response.status_code == 200:
        response_200 = PatientList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PatientList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    search: None | str | Unset = UNSET,
    sort_by: PatientSortKey | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    dob: datetime.date | None | Unset = UNSET,
    email: None | str | Unset = UNSET,
    ids: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | PatientList]:
    """List and search patients

     All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.

    `ids` looks up many patients in one request (a schedule's names): it combines with the
    other filters, sorting and paging like them.

    Args:
        search (None | str | Unset): Words, each matched as a substring of first name, last name,
            email or phone; all must match, in any order. Case and accents are ignored.
        sort_by (PatientSortKey | Unset):
        order (SortOrder | Unset):
        dob (datetime.date | None | Unset): Exact date of birth
        email (None | str | Unset): Exact email, any case
        ids (None | str | Unset): Patient ids, comma-separated, at most 100: the patients on file
            among them (unknown or archived ids are simply absent)
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientList]
    """

    kwargs = _get_kwargs(
        search=search,
        sort_by=sort_by,
        order=order,
        dob=dob,
        email=email,
        ids=ids,
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
    search: None | str | Unset = UNSET,
    sort_by: PatientSortKey | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    dob: datetime.date | None | Unset = UNSET,
    email: None | str | Unset = UNSET,
    ids: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | PatientList | None:
    """List and search patients

     All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.

    `ids` looks up many patients in one request (a schedule's names): it combines with the
    other filters, sorting and paging like them.

    Args:
        search (None | str | Unset): Words, each matched as a substring of first name, last name,
            email or phone; all must match, in any order. Case and accents are ignored.
        sort_by (PatientSortKey | Unset):
        order (SortOrder | Unset):
        dob (datetime.date | None | Unset): Exact date of birth
        email (None | str | Unset): Exact email, any case
        ids (None | str | Unset): Patient ids, comma-separated, at most 100: the patients on file
            among them (unknown or archived ids are simply absent)
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientList
    """

    return sync_detailed(
        client=client,
        search=search,
        sort_by=sort_by,
        order=order,
        dob=dob,
        email=email,
        ids=ids,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    search: None | str | Unset = UNSET,
    sort_by: PatientSortKey | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    dob: datetime.date | None | Unset = UNSET,
    email: None | str | Unset = UNSET,
    ids: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | PatientList]:
    """List and search patients

     All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.

    `ids` looks up many patients in one request (a schedule's names): it combines with the
    other filters, sorting and paging like them.

    Args:
        search (None | str | Unset): Words, each matched as a substring of first name, last name,
            email or phone; all must match, in any order. Case and accents are ignored.
        sort_by (PatientSortKey | Unset):
        order (SortOrder | Unset):
        dob (datetime.date | None | Unset): Exact date of birth
        email (None | str | Unset): Exact email, any case
        ids (None | str | Unset): Patient ids, comma-separated, at most 100: the patients on file
            among them (unknown or archived ids are simply absent)
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientList]
    """

    kwargs = _get_kwargs(
        search=search,
        sort_by=sort_by,
        order=order,
        dob=dob,
        email=email,
        ids=ids,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    search: None | str | Unset = UNSET,
    sort_by: PatientSortKey | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    dob: datetime.date | None | Unset = UNSET,
    email: None | str | Unset = UNSET,
    ids: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | PatientList | None:
    """List and search patients

     All staff. Archived patients are never listed.

    Sorted by `sort_by` (default `last_name`) in `order`; patients with equal keys follow
    `patient_id` in the same order. Patients without an email come last when sorting by email
    ascending, first when descending.

    `pagination.total` is exact when at most 10,000 patients match. Above that it may be
    PostgreSQL's estimate from table statistics (never below 10,001), so that no request
    counts a million rows; `pages` follows from it. `has_next` is always exact, and the last
    page of a list always carries the exact total.

    `ids` looks up many patients in one request (a schedule's names): it combines with the
    other filters, sorting and paging like them.

    Args:
        search (None | str | Unset): Words, each matched as a substring of first name, last name,
            email or phone; all must match, in any order. Case and accents are ignored.
        sort_by (PatientSortKey | Unset):
        order (SortOrder | Unset):
        dob (datetime.date | None | Unset): Exact date of birth
        email (None | str | Unset): Exact email, any case
        ids (None | str | Unset): Patient ids, comma-separated, at most 100: the patients on file
            among them (unknown or archived ids are simply absent)
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientList
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            sort_by=sort_by,
            order=order,
            dob=dob,
            email=email,
            ids=ids,
            page=page,
            per_page=per_page,
        )
    ).parsed
