from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.medical_record_list import MedicalRecordList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
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

    json_appointment_id: int | None | Unset
    if isinstance(appointment_id, Unset):
        json_appointment_id = UNSET
    else:
        json_appointment_id = appointment_id
    params["appointment_id"] = json_appointment_id

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/medical-records",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MedicalRecordList | None:
    if response.status_code == 200:
        response_200 = MedicalRecordList.from_dict(response.json())

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
) -> Response[Error | MedicalRecordList]:
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
    appointment_id: int | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | MedicalRecordList]:
    """List medical records

     Admins, doctors and nurses. Newest first (by record date). `appointment_id` gives the
    notes of one visit.

    Args:
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MedicalRecordList]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        appointment_id=appointment_id,
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
    appointment_id: int | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | MedicalRecordList | None:
    """List medical records

     Admins, doctors and nurses. Newest first (by record date). `appointment_id` gives the
    notes of one visit.

    Args:
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MedicalRecordList
    """

    return sync_detailed(
        client=client,
        patient_id=patient_id,
        appointment_id=appointment_id,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[Error | MedicalRecordList]:
    """List medical records

     Admins, doctors and nurses. Newest first (by record date). `appointment_id` gives the
    notes of one visit.

    Args:
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MedicalRecordList]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        appointment_id=appointment_id,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    patient_id: int | None | Unset = UNSET,
    appointment_id: int | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Error | MedicalRecordList | None:
    """List medical records

     Admins, doctors and nurses. Newest first (by record date). `appointment_id` gives the
    notes of one visit.

    Args:
        patient_id (int | None | Unset):
        appointment_id (int | None | Unset):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MedicalRecordList
    """

    return (
        await asyncio_detailed(
            client=client,
            patient_id=patient_id,
            appointment_id=appointment_id,
            page=page,
            per_page=per_page,
        )
    ).parsed
