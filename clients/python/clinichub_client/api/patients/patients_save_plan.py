from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.plan_create import PlanCreate
from ...models.plan_saved import PlanSaved
from ...types import Response


def _get_kwargs(
    patient_id: int,
    *,
    body: PlanCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/patients/{patient_id}/plan".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PlanSaved | None:
    if response.status_code == 201:
        response_201 = PlanSaved.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PlanSaved]:
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
    body: PlanCreate,
) -> Response[Error | PlanSaved]:
    """Save a patient's insurance plan

     Admins and receptionists. The new plan becomes the patient's single active plan; the
    previous one is kept, inactive, for history. `copay_cents` is required unless `plan_type`
    is `self_pay`.

    Args:
        patient_id (int):
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PlanSaved]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
) -> Error | PlanSaved | None:
    """Save a patient's insurance plan

     Admins and receptionists. The new plan becomes the patient's single active plan; the
    previous one is kept, inactive, for history. `copay_cents` is required unless `plan_type`
    is `self_pay`.

    Args:
        patient_id (int):
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PlanSaved
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
) -> Response[Error | PlanSaved]:
    """Save a patient's insurance plan

     Admins and receptionists. The new plan becomes the patient's single active plan; the
    previous one is kept, inactive, for history. `copay_cents` is required unless `plan_type`
    is `self_pay`.

    Args:
        patient_id (int):
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PlanSaved]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
) -> Error | PlanSaved | None:
    """Save a patient's insurance plan

     Admins and receptionists. The new plan becomes the patient's single active plan; the
    previous one is kept, inactive, for history. `copay_cents` is required unless `plan_type`
    is `self_pay`.

    Args:
        patient_id (int):
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PlanSaved
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            body=body,
        )
    ).parsed
