from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_kind import DocumentKind
from ...models.document_list import DocumentList
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: int,
    *,
    kind: DocumentKind | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, DocumentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/patients/{patient_id}/documents".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DocumentList | Error | None:
    if response.status_code == 200:
        response_200 = DocumentList.from_dict(response.json())

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
) -> Response[DocumentList | Error]:
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
    kind: DocumentKind | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[DocumentList | Error]:
    """List a patient's documents

     All staff, newest first. Receptionists see identity and insurance documents only, and a
    clinical `kind` (referral, lab report, consent, other) is a 403 for them. Retired documents
    are never listed; an archived patient is a 404.

    Args:
        patient_id (int):
        kind (DocumentKind | None | Unset): Only documents of this kind
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        kind=kind,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    kind: DocumentKind | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> DocumentList | Error | None:
    """List a patient's documents

     All staff, newest first. Receptionists see identity and insurance documents only, and a
    clinical `kind` (referral, lab report, consent, other) is a 403 for them. Retired documents
    are never listed; an archived patient is a 404.

    Args:
        patient_id (int):
        kind (DocumentKind | None | Unset): Only documents of this kind
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentList | Error
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        kind=kind,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    kind: DocumentKind | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> Response[DocumentList | Error]:
    """List a patient's documents

     All staff, newest first. Receptionists see identity and insurance documents only, and a
    clinical `kind` (referral, lab report, consent, other) is a 403 for them. Retired documents
    are never listed; an archived patient is a 404.

    Args:
        patient_id (int):
        kind (DocumentKind | None | Unset): Only documents of this kind
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentList | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        kind=kind,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: int,
    *,
    client: AuthenticatedClient,
    kind: DocumentKind | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 10,
) -> DocumentList | Error | None:
    """List a patient's documents

     All staff, newest first. Receptionists see identity and insurance documents only, and a
    clinical `kind` (referral, lab report, consent, other) is a 403 for them. Retired documents
    are never listed; an archived patient is a 404.

    Args:
        patient_id (int):
        kind (DocumentKind | None | Unset): Only documents of this kind
        page (int | Unset): Page number, from 1 Default: 1.
        per_page (int | Unset): Items per page; values above 100 are capped Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentList | Error
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            kind=kind,
            page=page,
            per_page=per_page,
        )
    ).parsed
