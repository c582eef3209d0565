from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.medical_record_update import MedicalRecordUpdate
from ...models.medical_record_updated import MedicalRecordUpdated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    medical_record_id: int,
    *,
    body: MedicalRecordUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/medical-records/{medical_record_id}".format(
            medical_record_id=quote(str(medical_record_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MedicalRecordUpdated | None:
    if response.status_code == 200:
        response_200 = MedicalRecordUpdated.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())

        return response_412

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
) -> Response[Error | MedicalRecordUpdated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    medical_record_id: int,
    *,
    client: AuthenticatedClient,
    body: MedicalRecordUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Error | MedicalRecordUpdated]:
    """Amend a medical record

     Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read.

    Args:
        medical_record_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (MedicalRecordUpdate): The fields sent replace those of the current version, in a new
            version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MedicalRecordUpdated]
    """

    kwargs = _get_kwargs(
        medical_record_id=medical_record_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    medical_record_id: int,
    *,
    client: AuthenticatedClient,
    body: MedicalRecordUpdate,
    if_match: None | str | Unset = UNSET,
) -> Error | MedicalRecordUpdated | None:
    """Amend a medical record

     Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read.

    Args:
        medical_record_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (MedicalRecordUpdate): The fields sent replace those of the current version, in a new
            version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MedicalRecordUpdated
    """

    return sync_detailed(
        medical_record_id=medical_record_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    medical_record_id: int,
    *,
    client: AuthenticatedClient,
    body: MedicalRecordUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Error | MedicalRecordUpdated]:
    """Amend a medical record

     Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read.

    Args:
        medical_record_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (MedicalRecordUpdate): The fields sent replace those of the current version, in a new
            version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MedicalRecordUpdated]
    """

    kwargs = _get_kwargs(
        medical_record_id=medical_record_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    medical_record_id: int,
    *,
    client: AuthenticatedClient,
    body: MedicalRecordUpdate,
    if_match: None | str | Unset = UNSET,
) -> Error | MedicalRecordUpdated | None:
    """Amend a medical record

     Admins, or the doctor who wrote the record. Nothing is overwritten: the fields sent,
    merged with the current version, become a new version; the history keeps every one. With
    `If-Match`, a record amended since that version is a 412: an amendment is always made to
    the version its author read.

    Args:
        medical_record_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (MedicalRecordUpdate): The fields sent replace those of the current version, in a new
            version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MedicalRecordUpdated
    """

    return (
        await asyncio_detailed(
            medical_record_id=medical_record_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
