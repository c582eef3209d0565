from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.working_hours_update import WorkingHoursUpdate
from ...models.working_hours_updated import WorkingHoursUpdated
from ...types import Response


def _get_kwargs(
    provider_user_id: int,
    *,
    body: WorkingHoursUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/providers/{provider_user_id}/working-hours".format(
            provider_user_id=quote(str(provider_user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkingHoursUpdated | None:
    if response.status_code == 200:
        response_200 = WorkingHoursUpdated.from_dict(response.json())

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
) -> Response[Error | WorkingHoursUpdated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    body: WorkingHoursUpdate,
) -> Response[Error | WorkingHoursUpdated]:
    """Replace a provider's working hours

     Admins only. Replaces the whole week. Several ranges per day are allowed (a lunch
    break); ranges of one day must not overlap (touching is fine). Times are clinic-local wall
    times, so bookings follow daylight-saving changes. Existing appointments are kept. Recorded
    in the audit trail (`working_hours`, the provider's id).

    Args:
        provider_user_id (int):
        body (WorkingHoursUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkingHoursUpdated]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    body: WorkingHoursUpdate,
) -> Error | WorkingHoursUpdated | None:
    """Replace a provider's working hours

     Admins only. Replaces the whole week. Several ranges per day are allowed (a lunch
    break); ranges of one day must not overlap (touching is fine). Times are clinic-local wall
    times, so bookings follow daylight-saving changes. Existing appointments are kept. Recorded
    in the audit trail (`working_hours`, the provider's id).

    Args:
        provider_user_id (int):
        body (WorkingHoursUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkingHoursUpdated
    """

    return sync_detailed(
        provider_user_id=provider_user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    body: WorkingHoursUpdate,
) -> Response[Error | WorkingHoursUpdated]:
    """Replace a provider's working hours

     Admins only. Replaces the whole week. Several ranges per day are allowed (a lunch
    break); ranges of one day must not overlap (touching is fine). Times are clinic-local wall
    times, so bookings follow daylight-saving changes. Existing appointments are kept. Recorded
    in the audit trail (`working_hours`, the provider's id).

    Args:
        provider_user_id (int):
        body (WorkingHoursUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkingHoursUpdated]
    """

    kwargs = _get_kwargs(
        provider_user_id=provider_user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_user_id: int,
    *,
    client: AuthenticatedClient,
    body: WorkingHoursUpdate,
) -> Error | WorkingHoursUpdated | None:
    """Replace a provider's working hours

     Admins only. Replaces the whole week. Several ranges per day are allowed (a lunch
    break); ranges of one day must not overlap (touching is fine). Times are clinic-local wall
    times, so bookings follow daylight-saving changes. Existing appointments are kept. Recorded
    in the audit trail (`working_hours`, the provider's id).

    Args:
        provider_user_id (int):
        body (WorkingHoursUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkingHoursUpdated
    """

    return (
        await asyncio_detailed(
            provider_user_id=provider_user_id,
            client=client,
            body=body,
        )
    ).parsed
