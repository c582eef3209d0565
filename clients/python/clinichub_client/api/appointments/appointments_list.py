import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_list import AppointmentList
from ...models.appointment_sort import AppointmentSort
from ...models.error import Error
from ...models.sort_order import SortOrder
from ...models.visit_type import VisitType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    patient_id: int | None | Unset = UNSET,
    provider_user_id: int | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    visit_type: None | Unset | VisitType = UNSET,
    date_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    date_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    sort_by: AppointmentSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_patient_id: int | None | Unset
    if isinstance(patient_id, Unset):
        json_patient_id = UNSET
    else:
        json_patient_id = patient_id
    params["patient_id"] = json_patient_id

    json_provider_user_id: int | None | Unset
    if isinstance(provider_user_id, Unset):
        json_provider_user_id = UNSET
    else:
        json_provider_user_id = provider_user_id
    params["provider_user_id"] = json_provider_user_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_visit_type: None | str | Unset
    if isinstance(visit_type, Unset):
        json_visit_type = UNSET
    elif isinstance(visit_type, VisitType):
        json_visit_type = visit_type.value
    else:
        json_visit_type = visit_type
    params["visit_type"] = json_visit_type

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    elif isinstance(date_from, datetime.datetime):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    elif isinstance(date_to, datetime.datetime):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_invoiced: bool | None | Unset
    if isinstance(invoiced, Unset):
        json_invoiced = UNSET
    else:
        json_invoiced = invoiced
    params["invoiced"] = json_invoiced

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/appointments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentList | Error | None:
    if response.status_code == 200:
        response_200 = AppointmentList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AppointmentList | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    patient_id: int | None | Unset = UNSET,
    provider_user_id: int | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    visit_type: None | Unset | VisitType = UNSET,
    date_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    date_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    sort_by: AppointmentSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[AppointmentList | Error]:
    """List appointments

     All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    The completed visits still to invoice: `?status=completed&invoiced=false`.
    Ties in the sort key are ordered by appointment_id.

    Args:
        patient_id (int | None | Unset):
        provider_user_id (int | None | Unset):
        status (None | str | Unset): One or several statuses, comma-separated:
            `scheduled,confirmed`
        visit_type (None | Unset | VisitType):
        date_from (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the start of that day (clinic time zone)
        date_to (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the end of that day (clinic time zone)
        invoiced (bool | None | Unset): `false`: only visits without an invoice (the billing
            queue, with `status=completed`); `true`: only those with one; absent: both
        sort_by (AppointmentSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        provider_user_id=provider_user_id,
        status=status,
        visit_type=visit_type,
        date_from=date_from,
        date_to=date_to,
        invoiced=invoiced,
        sort_by=sort_by,
        order=order,
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
    patient_id: int | None | Unset = UNSET,
    provider_user_id: int | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    visit_type: None | Unset | VisitType = UNSET,
    date_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    date_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    sort_by: AppointmentSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> AppointmentList | Error | None:
    """List appointments

     All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    The completed visits still to invoice: `?status=completed&invoiced=false`.
    Ties in the sort key are ordered by appointment_id.

    Args:
        patient_id (int | None | Unset):
        provider_user_id (int | None | Unset):
        status (None | str | Unset): One or several statuses, comma-separated:
            `scheduled,confirmed`
        visit_type (None | Unset | VisitType):
        date_from (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the start of that day (clinic time zone)
        date_to (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the end of that day (clinic time zone)
        invoiced (bool | None | Unset): `false`: only visits without an invoice (the billing
            queue, with `status=completed`); `true`: only those with one; absent: both
        sort_by (AppointmentSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentList | Error
    """

    return sync_detailed(
        client=client,
        patient_id=patient_id,
        provider_user_id=provider_user_id,
        status=status,
        visit_type=visit_type,
        date_from=date_from,
        date_to=date_to,
        invoiced=invoiced,
        sort_by=sort_by,
        order=order,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    patient_id: int | None | Unset = UNSET,
    provider_user_id: int | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    visit_type: None | Unset | VisitType = UNSET,
    date_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    date_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    sort_by: AppointmentSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[AppointmentList | Error]:
    """List appointments

     All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    The completed visits still to invoice: `?status=completed&invoiced=false`.
    Ties in the sort key are ordered by appointment_id.

    Args:
        patient_id (int | None | Unset):
        provider_user_id (int | None | Unset):
        status (None | str | Unset): One or several statuses, comma-separated:
            `scheduled,confirmed`
        visit_type (None | Unset | VisitType):
        date_from (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the start of that day (clinic time zone)
        date_to (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the end of that day (clinic time zone)
        invoiced (bool | None | Unset): `false`: only visits without an invoice (the billing
            queue, with `status=completed`); `true`: only those with one; absent: both
        sort_by (AppointmentSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        provider_user_id=provider_user_id,
        status=status,
        visit_type=visit_type,
        date_from=date_from,
        date_to=date_to,
        invoiced=invoiced,
        sort_by=sort_by,
        order=order,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    patient_id: int | None | Unset = UNSET,
    provider_user_id: int | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    visit_type: None | Unset | VisitType = UNSET,
    date_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    date_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    invoiced: bool | None | Unset = UNSET,
    sort_by: AppointmentSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> AppointmentList | Error | None:
    """List appointments

     All staff. Lists the appointments that overlap the window from `date_from` to `date_to`
    (either may be left open; a closed window spans at most 366 days, else 400
    `invalid_range`), so a provider's week is one request:
    `?provider_user_id=2&date_from=2026-04-13&date_to=2026-04-19&per_page=100`.
    The completed visits still to invoice: `?status=completed&invoiced=false`.
    Ties in the sort key are ordered by appointment_id.

    Args:
        patient_id (int | None | Unset):
        provider_user_id (int | None | Unset):
        status (None | str | Unset): One or several statuses, comma-separated:
            `scheduled,confirmed`
        visit_type (None | Unset | VisitType):
        date_from (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the start of that day (clinic time zone)
        date_to (datetime.date | datetime.datetime | None | Unset): ISO date or datetime; a bare
            date is the end of that day (clinic time zone)
        invoiced (bool | None | Unset): `false`: only visits without an invoice (the billing
            queue, with `status=completed`); `true`: only those with one; absent: both
        sort_by (AppointmentSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentList | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            patient_id=patient_id,
            provider_user_id=provider_user_id,
            status=status,
            visit_type=visit_type,
            date_from=date_from,
            date_to=date_to,
            invoiced=invoiced,
            sort_by=sort_by,
            order=order,
            page=page,
            per_page=per_page,
        )
    ).parsed
