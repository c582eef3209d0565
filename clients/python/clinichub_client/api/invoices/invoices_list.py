import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.invoice_list import InvoiceList
from ...models.invoice_sort import InvoiceSort
from ...models.invoice_status import InvoiceStatus
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: InvoiceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    issued_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    issued_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    sort_by: InvoiceSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, InvoiceStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_patient_id: int | None | Unset
    if isinstance(patient_id, Unset):
        json_patient_id = UNSET
    else:
        json_patient_id = patient_id
    params["patient_id"] = json_patient_id

    json_appointment_id: int | None | Unset
    if isinstance(appointment_id, Unset):
        json_appointment_id = UNSET
    else:
        json_appointment_id = appointment_id
    params["appointment_id"] = json_appointment_id

    json_issued_from: None | str | Unset
    if isinstance(issued_from, Unset):
        json_issued_from = UNSET
    elif isinstance(issued_from, datetime.date):
        json_issued_from = issued_from.isoformat()
    elif isinstance(issued_from, datetime.datetime):
        json_issued_from = issued_from.isoformat()
    else:
        json_issued_from = issued_from
    params["issued_from"] = json_issued_from

    json_issued_to: None | str | Unset
    if isinstance(issued_to, Unset):
        json_issued_to = UNSET
    elif isinstance(issued_to, datetime.date):
        json_issued_to = issued_to.isoformat()
    elif isinstance(issued_to, datetime.datetime):
        json_issued_to = issued_to.isoformat()
    else:
        json_issued_to = issued_to
    params["issued_to"] = json_issued_to

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
        "url": "/api/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InvoiceList | None:
    if response.status_code == 200:
        response_200 = InvoiceList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InvoiceList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: InvoiceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    issued_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    issued_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    sort_by: InvoiceSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | InvoiceList]:
    """List invoices

     Admins, doctors and receptionists. Newest first by default; equal keys follow
    `invoice_id` in the same order. A range from `issued_from` to `issued_to` spans at most 366
    days (400 `invalid_range`).

    Args:
        status (InvoiceStatus | None | Unset):
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        issued_from (datetime.date | datetime.datetime | None | Unset): ISO datetime, or a date:
            from the start of that day (clinic time)
        issued_to (datetime.date | datetime.datetime | None | Unset): ISO datetime (excluded), or
            a date: to the end of that day
        sort_by (InvoiceSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvoiceList]
    """

    kwargs = _get_kwargs(
        status=status,
        patient_id=patient_id,
        appointment_id=appointment_id,
        issued_from=issued_from,
        issued_to=issued_to,
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
    status: InvoiceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    issued_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    issued_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    sort_by: InvoiceSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | InvoiceList | None:
    """List invoices

     Admins, doctors and receptionists. Newest first by default; equal keys follow
    `invoice_id` in the same order. A range from `issued_from` to `issued_to` spans at most 366
    days (400 `invalid_range`).

    Args:
        status (InvoiceStatus | None | Unset):
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        issued_from (datetime.date | datetime.datetime | None | Unset): ISO datetime, or a date:
            from the start of that day (clinic time)
        issued_to (datetime.date | datetime.datetime | None | Unset): ISO datetime (excluded), or
            a date: to the end of that day
        sort_by (InvoiceSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvoiceList
    """

    return sync_detailed(
        client=client,
        status=status,
        patient_id=patient_id,
        appointment_id=appointment_id,
        issued_from=issued_from,
        issued_to=issued_to,
        sort_by=sort_by,
        order=order,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: InvoiceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    issued_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    issued_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    sort_by: InvoiceSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | InvoiceList]:
    """List invoices

     Admins, doctors and receptionists. Newest first by default; equal keys follow
    `invoice_id` in the same order. A range from `issued_from` to `issued_to` spans at most 366
    days (400 `invalid_range`).

    Args:
        status (InvoiceStatus | None | Unset):
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        issued_from (datetime.date | datetime.datetime | None | Unset): ISO datetime, or a date:
            from the start of that day (clinic time)
        issued_to (datetime.date | datetime.datetime | None | Unset): ISO datetime (excluded), or
            a date: to the end of that day
        sort_by (InvoiceSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InvoiceList]
    """

    kwargs = _get_kwargs(
        status=status,
        patient_id=patient_id,
        appointment_id=appointment_id,
        issued_from=issued_from,
        issued_to=issued_to,
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
    status: InvoiceStatus | None | Unset = UNSET,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    issued_from: datetime.date | datetime.datetime | None | Unset = UNSET,
    issued_to: datetime.date | datetime.datetime | None | Unset = UNSET,
    sort_by: InvoiceSort | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | InvoiceList | None:
    """List invoices

     Admins, doctors and receptionists. Newest first by default; equal keys follow
    `invoice_id` in the same order. A range from `issued_from` to `issued_to` spans at most 366
    days (400 `invalid_range`).

    Args:
        status (InvoiceStatus | None | Unset):
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        issued_from (datetime.date | datetime.datetime | None | Unset): ISO datetime, or a date:
            from the start of that day (clinic time)
        issued_to (datetime.date | datetime.datetime | None | Unset): ISO datetime (excluded), or
            a date: to the end of that day
        sort_by (InvoiceSort | Unset):
        order (SortOrder | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InvoiceList
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            patient_id=patient_id,
            appointment_id=appointment_id,
            issued_from=issued_from,
            issued_to=issued_to,
            sort_by=sort_by,
            order=order,
            page=page,
            per_page=per_page,
        )
    ).parsed
