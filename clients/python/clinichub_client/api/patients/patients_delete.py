from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.patient_deleted import PatientDeleted
from ...types import Response


def _get_kwargs(
    patient_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/patients/{patient_id}".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PatientDeleted | None:
    if response.status_code == 200:
        response_200 = PatientDeleted.from_dict(response.json())

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
) -> Response[Error | PatientDeleted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | PatientDeleted]:
    """Archive a patient

     Admins only. Medical and billing records must be retained, so the patient is archived,
    not erased: the rows stay intact, but from then on the patient, its plans, appointments,
    charges, medical records and vitals are 404 and absent from lists and search, and its
    email may be used by a new patient. Its appointments that have not started yet are
    cancelled (reason `patient archived`), in the same transaction. Its invoices stay
    readable and payable; no new charge or invoice can be made. The access log
    (`/access-log`) keeps working.

    Args:
        patient_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientDeleted]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | PatientDeleted | None:
    """Archive a patient

     Admins only. Medical and billing records must be retained, so the patient is archived,
    not erased: the rows stay intact, but from then on the patient, its plans, appointments,
    charges, medical records and vitals are 404 and absent from lists and search, and its
    email may be used by a new patient. Its appointments that have not started yet are
    cancelled (reason `patient archived`), in the same transaction. Its invoices stay
    readable and payable; no new charge or invoice can be made. The access log
    (`/access-log`) keeps working.

    Args:
        patient_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientDeleted
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | PatientDeleted]:
    """Archive a patient

     Admins only. Medical and billing records must be retained, so the patient is archived,
    not erased: the rows stay intact, but from then on the patient, its plans, appointments,
    charges, medical records and vitals are 404 and absent from lists and search, and its
    email may be used by a new patient. Its appointments that have not started yet are
    cancelled (reason `patient archived`), in the same transaction. Its invoices stay
    readable and payable; no new charge or invoice can be made. The access log
    (`/access-log`) keeps working.

    Args:
        patient_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientDeleted]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: int,
    *,
    client: AuthenticatedClient,
) -> Error | PatientDeleted | None:
    """Archive a patient

     Admins only. Medical and billing records must be retained, so the patient is archived,
    not erased: the rows stay intact, but from then on the patient, its plans, appointments,
    charges, medical records and vitals are 404 and absent from lists and search, and its
    email may be used by a new patient. Its appointments that have not started yet are
    cancelled (reason `patient archived`), in the same transaction. Its invoices stay
    readable and payable; no new charge or invoice can be made. The access log
    (`/access-log`) keeps working.

    Args:
        patient_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientDeleted
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
        )
    ).parsed
