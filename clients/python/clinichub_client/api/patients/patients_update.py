from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.patient_update import PatientUpdate
from ...models.patient_updated import PatientUpdated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: int,
    *,
    body: PatientUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/patients/{patient_id}".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PatientUpdated | None:
    if response.status_code == 200:
        response_200 = PatientUpdated.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | PatientUpdated]:
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
    body: PatientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Error | PatientUpdated]:
    """Update a patient

     Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`.

    Args:
        patient_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (PatientUpdate): Only the fields sent are changed; send null to clear an optional
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientUpdated]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PatientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Error | PatientUpdated | None:
    """Update a patient

     Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`.

    Args:
        patient_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (PatientUpdate): Only the fields sent are changed; send null to clear an optional
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientUpdated
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PatientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Error | PatientUpdated]:
    """Update a patient

     Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`.

    Args:
        patient_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (PatientUpdate): Only the fields sent are changed; send null to clear an optional
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PatientUpdated]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PatientUpdate,
    if_match: None | str | Unset = UNSET,
) -> Error | PatientUpdated | None:
    """Update a patient

     Admins, doctors and nurses. Only the fields sent change, with the same rules as on
    create; `first_name`, `last_name` and `dob` cannot be null, the other fields are cleared
    with null. Changing the email to another patient's is a 409. With `If-Match`, a patient
    changed since that version is a 412; every update increments `version`.

    Args:
        patient_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (PatientUpdate): Only the fields sent are changed; send null to clear an optional
            field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PatientUpdated
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
