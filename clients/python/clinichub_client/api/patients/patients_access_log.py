import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_action import AuditAction
from ...models.audit_event_list import AuditEventList
from ...models.audit_resource import AuditResource
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: int,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    actor_user_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    resource_type: AuditResource | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    occurred_from: datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_actor_user_id: int | None | Unset
    if isinstance(actor_user_id, Unset):
        json_actor_user_id = UNSET
    else:
        json_actor_user_id = actor_user_id
    params["actor_user_id"] = json_actor_user_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, AuditAction):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_resource_type: None | str | Unset
    if isinstance(resource_type, Unset):
        json_resource_type = UNSET
    elif isinstance(resource_type, AuditResource):
        json_resource_type = resource_type.value
    else:
        json_resource_type = resource_type
    params["resource_type"] = json_resource_type

    json_request_id: None | str | Unset
    if isinstance(request_id, Unset):
        json_request_id = UNSET
    else:
        json_request_id = request_id
    params["request_id"] = json_request_id

    json_occurred_from: None | str | Unset
    if isinstance(occurred_from, Unset):
        json_occurred_from = UNSET
    elif isinstance(occurred_from, datetime.datetime):
        json_occurred_from = occurred_from.isoformat()
    else:
        json_occurred_from = occurred_from
    params["occurred_from"] = json_occurred_from

    json_occurred_to: None | str | Unset
    if isinstance(occurred_to, Unset):
        json_occurred_to = UNSET
    elif isinstance(occurred_to, datetime.datetime):
        json_occurred_to = occurred_to.isoformat()
    else:
        json_occurred_to = occurred_to
    params["occurred_to"] = json_occurred_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/patients/{patient_id}/access-log".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEventList | Error | None:
    if response.status_code == 200:
        response_200 = AuditEventList.from_dict(response.json())

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
) -> Response[AuditEventList | Error]:
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
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    actor_user_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    resource_type: AuditResource | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    occurred_from: datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.datetime | None | Unset = UNSET,
) -> Response[AuditEventList | Error]:
    """Who accessed a patient's data

     Admins only. Every recorded read or change of this patient's data, newest first: an
    accounting of disclosures (HIPAA, 45 CFR 164.528). List reads appear once per patient
    they returned. Archived patients keep their log; an id no patient ever had is a 404.

    Args:
        patient_id (int):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.
        actor_user_id (int | None | Unset):
        action (AuditAction | None | Unset):
        resource_type (AuditResource | None | Unset):
        request_id (None | str | Unset):
        occurred_from (datetime.datetime | None | Unset):
        occurred_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        page=page,
        per_page=per_page,
        actor_user_id=actor_user_id,
        action=action,
        resource_type=resource_type,
        request_id=request_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    actor_user_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    resource_type: AuditResource | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    occurred_from: datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.datetime | None | Unset = UNSET,
) -> AuditEventList | Error | None:
    """Who accessed a patient's data

     Admins only. Every recorded read or change of this patient's data, newest first: an
    accounting of disclosures (HIPAA, 45 CFR 164.528). List reads appear once per patient
    they returned. Archived patients keep their log; an id no patient ever had is a 404.

    Args:
        patient_id (int):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.
        actor_user_id (int | None | Unset):
        action (AuditAction | None | Unset):
        resource_type (AuditResource | None | Unset):
        request_id (None | str | Unset):
        occurred_from (datetime.datetime | None | Unset):
        occurred_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventList | Error
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        page=page,
        per_page=per_page,
        actor_user_id=actor_user_id,
        action=action,
        resource_type=resource_type,
        request_id=request_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    ).parsed


async def asyncio_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    actor_user_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    resource_type: AuditResource | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    occurred_from: datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.datetime | None | Unset = UNSET,
) -> Response[AuditEventList | Error]:
    """Who accessed a patient's data

     Admins only. Every recorded read or change of this patient's data, newest first: an
    accounting of disclosures (HIPAA, 45 CFR 164.528). List reads appear once per patient
    they returned. Archived patients keep their log; an id no patient ever had is a 404.

    Args:
        patient_id (int):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.
        actor_user_id (int | None | Unset):
        action (AuditAction | None | Unset):
        resource_type (AuditResource | None | Unset):
        request_id (None | str | Unset):
        occurred_from (datetime.datetime | None | Unset):
        occurred_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        page=page,
        per_page=per_page,
        actor_user_id=actor_user_id,
        action=action,
        resource_type=resource_type,
        request_id=request_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
    actor_user_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    resource_type: AuditResource | None | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    occurred_from: datetime.datetime | None | Unset = UNSET,
    occurred_to: datetime.datetime | None | Unset = UNSET,
) -> AuditEventList | Error | None:
    """Who accessed a patient's data

     Admins only. Every recorded read or change of this patient's data, newest first: an
    accounting of disclosures (HIPAA, 45 CFR 164.528). List reads appear once per patient
    they returned. Archived patients keep their log; an id no patient ever had is a 404.

    Args:
        patient_id (int):
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.
        actor_user_id (int | None | Unset):
        action (AuditAction | None | Unset):
        resource_type (AuditResource | None | Unset):
        request_id (None | str | Unset):
        occurred_from (datetime.datetime | None | Unset):
        occurred_to (datetime.datetime | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventList | Error
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            page=page,
            per_page=per_page,
            actor_user_id=actor_user_id,
            action=action,
            resource_type=resource_type,
            request_id=request_id,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
        )
    ).parsed
