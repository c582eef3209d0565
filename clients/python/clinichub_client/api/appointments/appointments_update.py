from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_update import AppointmentUpdate
from ...models.appointment_updated import AppointmentUpdated
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: int,
    *,
    body: AppointmentUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/appointments/{appointment_id}".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentUpdated | Error | None:
    if response.status_code == 200:
        response_200 = AppointmentUpdated.from_dict(response.json())

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
) -> Response[AppointmentUpdated | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: AppointmentUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AppointmentUpdated | Error]:
    """Update, reschedule or change the status of an appointment

     All staff. Partial: only the fields sent change.

    Status changes follow the lifecycle: scheduled -> confirmed | checked_in | in_progress |
    completed | cancelled | no_show; confirmed -> checked_in | in_progress | completed |
    cancelled | no_show; checked_in -> in_progress | completed | cancelled | no_show;
    in_progress -> completed | cancelled. Completed, cancelled and no_show are final. Anything
    else is a 409; re-sending the current status changes nothing. Cancelling and `no_show`
    take the roles that `DELETE` requires (403 for nurses).

    Only clinicians turn a visit into a charge: completing it, and setting or changing its
    `cpt_code` once it is checked in or later, take an admin or a doctor (403 for nurses and
    receptionists; a code planned before check-in is open to all staff). A visit is completed
    on or after the day of its scheduled start in the clinic's time zone, and marked
    `no_show` only after its start: 409 `visit_not_started` before.

    Completing the appointment creates its charge in the same transaction (a CPT record with
    the appointment's `cpt_code`, else the clinic default, at the catalogue price; modifier 95
    for telehealth), and `cpt_id` names it; a planned or default code deactivated since is a
    409 `cpt_code_inactive` naming it (`cpt_code`): set another code. A completed
    appointment's `cpt_code` is fixed. Moving a completed, cancelled or no-show appointment is
    a 409, as is moving it outside the provider's working hours or onto an occupied slot (see
    create); times lie from 2000-01-01 to five years from now (400).

    With `If-Match`, an appointment changed since that version (by another receptionist, say)
    is a 412 and nothing changes; every update increments `version`.

    Args:
        appointment_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (AppointmentUpdate): Only the fields sent are changed; reason, notes and cpt_code may
            be cleared with null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentUpdated | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: AppointmentUpdate,
    if_match: None | str | Unset = UNSET,
) -> AppointmentUpdated | Error | None:
    """Update, reschedule or change the status of an appointment

     All staff. Partial: only the fields sent change.

    Status changes follow the lifecycle: scheduled -> confirmed | checked_in | in_progress |
    completed | cancelled | no_show; confirmed -> checked_in | in_progress | completed |
    cancelled | no_show; checked_in -> in_progress | completed | cancelled | no_show;
    in_progress -> completed | cancelled. Completed, cancelled and no_show are final. Anything
    else is a 409; re-sending the current status changes nothing. Cancelling and `no_show`
    take the roles that `DELETE` requires (403 for nurses).

    Only clinicians turn a visit into a charge: completing it, and setting or changing its
    `cpt_code` once it is checked in or later, take an admin or a doctor (403 for nurses and
    receptionists; a code planned before check-in is open to all staff). A visit is completed
    on or after the day of its scheduled start in the clinic's time zone, and marked
    `no_show` only after its start: 409 `visit_not_started` before.

    Completing the appointment creates its charge in the same transaction (a CPT record with
    the appointment's `cpt_code`, else the clinic default, at the catalogue price; modifier 95
    for telehealth), and `cpt_id` names it; a planned or default code deactivated since is a
    409 `cpt_code_inactive` naming it (`cpt_code`): set another code. A completed
    appointment's `cpt_code` is fixed. Moving a completed, cancelled or no-show appointment is
    a 409, as is moving it outside the provider's working hours or onto an occupied slot (see
    create); times lie from 2000-01-01 to five years from now (400).

    With `If-Match`, an appointment changed since that version (by another receptionist, say)
    is a 412 and nothing changes; every update increments `version`.

    Args:
        appointment_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (AppointmentUpdate): Only the fields sent are changed; reason, notes and cpt_code may
            be cleared with null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentUpdated | Error
    """

    return sync_detailed(
        appointment_id=appointment_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: AppointmentUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AppointmentUpdated | Error]:
    """Update, reschedule or change the status of an appointment

     All staff. Partial: only the fields sent change.

    Status changes follow the lifecycle: scheduled -> confirmed | checked_in | in_progress |
    completed | cancelled | no_show; confirmed -> checked_in | in_progress | completed |
    cancelled | no_show; checked_in -> in_progress | completed | cancelled | no_show;
    in_progress -> completed | cancelled. Completed, cancelled and no_show are final. Anything
    else is a 409; re-sending the current status changes nothing. Cancelling and `no_show`
    take the roles that `DELETE` requires (403 for nurses).

    Only clinicians turn a visit into a charge: completing it, and setting or changing its
    `cpt_code` once it is checked in or later, take an admin or a doctor (403 for nurses and
    receptionists; a code planned before check-in is open to all staff). A visit is completed
    on or after the day of its scheduled start in the clinic's time zone, and marked
    `no_show` only after its start: 409 `visit_not_started` before.

    Completing the appointment creates its charge in the same transaction (a CPT record with
    the appointment's `cpt_code`, else the clinic default, at the catalogue price; modifier 95
    for telehealth), and `cpt_id` names it; a planned or default code deactivated since is a
    409 `cpt_code_inactive` naming it (`cpt_code`): set another code. A completed
    appointment's `cpt_code` is fixed. Moving a completed, cancelled or no-show appointment is
    a 409, as is moving it outside the provider's working hours or onto an occupied slot (see
    create); times lie from 2000-01-01 to five years from now (400).

    With `If-Match`, an appointment changed since that version (by another receptionist, say)
    is a 412 and nothing changes; every update increments `version`.

    Args:
        appointment_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (AppointmentUpdate): Only the fields sent are changed; reason, notes and cpt_code may
            be cleared with null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentUpdated | Error]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appointment_id: int,
    *,
    client: AuthenticatedClient,
    body: AppointmentUpdate,
    if_match: None | str | Unset = UNSET,
) -> AppointmentUpdated | Error | None:
    """Update, reschedule or change the status of an appointment

     All staff. Partial: only the fields sent change.

    Status changes follow the lifecycle: scheduled -> confirmed | checked_in | in_progress |
    completed | cancelled | no_show; confirmed -> checked_in | in_progress | completed |
    cancelled | no_show; checked_in -> in_progress | completed | cancelled | no_show;
    in_progress -> completed | cancelled. Completed, cancelled and no_show are final. Anything
    else is a 409; re-sending the current status changes nothing. Cancelling and `no_show`
    take the roles that `DELETE` requires (403 for nurses).

    Only clinicians turn a visit into a charge: completing it, and setting or changing its
    `cpt_code` once it is checked in or later, take an admin or a doctor (403 for nurses and
    receptionists; a code planned before check-in is open to all staff). A visit is completed
    on or after the day of its scheduled start in the clinic's time zone, and marked
    `no_show` only after its start: 409 `visit_not_started` before.

    Completing the appointment creates its charge in the same transaction (a CPT record with
    the appointment's `cpt_code`, else the clinic default, at the catalogue price; modifier 95
    for telehealth), and `cpt_id` names it; a planned or default code deactivated since is a
    409 `cpt_code_inactive` naming it (`cpt_code`): set another code. A completed
    appointment's `cpt_code` is fixed. Moving a completed, cancelled or no-show appointment is
    a 409, as is moving it outside the provider's working hours or onto an occupied slot (see
    create); times lie from 2000-01-01 to five years from now (400).

    With `If-Match`, an appointment changed since that version (by another receptionist, say)
    is a 412 and nothing changes; every update increments `version`.

    Args:
        appointment_id (int):
        if_match (None | str | Unset): The ETag of the version read (`"3"`), or `*`: the update is
            refused with 412 `precondition_failed` if the resource has changed since. Optional.
        body (AppointmentUpdate): Only the fields sent are changed; reason, notes and cpt_code may
            be cleared with null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentUpdated | Error
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
