from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_documents_upload import BodyDocumentsUpload
from ...models.document_created import DocumentCreated
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    patient_id: int,
    *,
    body: BodyDocumentsUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/patients/{patient_id}/documents".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentCreated | Error | None:
    if response.status_code == 201:
        response_201 = DocumentCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

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
) -> Response[DocumentCreated | Error]:
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
    body: BodyDocumentsUpload,
) -> Response[DocumentCreated | Error]:
    """Upload a patient's document

     All staff. A `multipart/form-data` body: the `file`, its `kind`, an optional `title`,
    and for an insurance card the `plan_id` of the patient's plan it belongs to.

    The file is at most `CLINICHUB_DOCUMENT_MAX_BYTES` (10 MiB by default): a larger body is a
    413, refused while it arrives. Its type is decided by its first bytes, never by its name or
    declared type: JPEG, PNG, WebP, HEIC and PDF are accepted, anything else is a 415, as is a
    file whose declared type or name extension names another type (a PNG named `.pdf`).
    Images are decoded and encoded again, so that EXIF (location, camera) and other metadata
    are gone, turned upright, scaled to at most 4096 pixels a side, and given a thumbnail; a
    HEIC photo is kept as JPEG. A PDF with JavaScript, a launch action or an XFA form is a 415.
    `sha256`, `size_bytes` and `content_type` describe the bytes kept.

    Args:
        patient_id (int):
        body (BodyDocumentsUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentCreated | Error]
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
    body: BodyDocumentsUpload,
) -> DocumentCreated | Error | None:
    """Upload a patient's document

     All staff. A `multipart/form-data` body: the `file`, its `kind`, an optional `title`,
    and for an insurance card the `plan_id` of the patient's plan it belongs to.

    The file is at most `CLINICHUB_DOCUMENT_MAX_BYTES` (10 MiB by default): a larger body is a
    413, refused while it arrives. Its type is decided by its first bytes, never by its name or
    declared type: JPEG, PNG, WebP, HEIC and PDF are accepted, anything else is a 415, as is a
    file whose declared type or name extension names another type (a PNG named `.pdf`).
    Images are decoded and encoded again, so that EXIF (location, camera) and other metadata
    are gone, turned upright, scaled to at most 4096 pixels a side, and given a thumbnail; a
    HEIC photo is kept as JPEG. A PDF with JavaScript, a launch action or an XFA form is a 415.
    `sha256`, `size_bytes` and `content_type` describe the bytes kept.

    Args:
        patient_id (int):
        body (BodyDocumentsUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentCreated | Error
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
    body: BodyDocumentsUpload,
) -> Response[DocumentCreated | Error]:
    """Upload a patient's document

     All staff. A `multipart/form-data` body: the `file`, its `kind`, an optional `title`,
    and for an insurance card the `plan_id` of the patient's plan it belongs to.

    The file is at most `CLINICHUB_DOCUMENT_MAX_BYTES` (10 MiB by default): a larger body is a
    413, refused while it arrives. Its type is decided by its first bytes, never by its name or
    declared type: JPEG, PNG, WebP, HEIC and PDF are accepted, anything else is a 415, as is a
    file whose declared type or name extension names another type (a PNG named `.pdf`).
    Images are decoded and encoded again, so that EXIF (location, camera) and other metadata
    are gone, turned upright, scaled to at most 4096 pixels a side, and given a thumbnail; a
    HEIC photo is kept as JPEG. A PDF with JavaScript, a launch action or an XFA form is a 415.
    `sha256`, `size_bytes` and `content_type` describe the bytes kept.

    Args:
        patient_id (int):
        body (BodyDocumentsUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentCreated | Error]
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
    body: BodyDocumentsUpload,
) -> DocumentCreated | Error | None:
    """Upload a patient's document

     All staff. A `multipart/form-data` body: the `file`, its `kind`, an optional `title`,
    and for an insurance card the `plan_id` of the patient's plan it belongs to.

    The file is at most `CLINICHUB_DOCUMENT_MAX_BYTES` (10 MiB by default): a larger body is a
    413, refused while it arrives. Its type is decided by its first bytes, never by its name or
    declared type: JPEG, PNG, WebP, HEIC and PDF are accepted, anything else is a 415, as is a
    file whose declared type or name extension names another type (a PNG named `.pdf`).
    Images are decoded and encoded again, so that EXIF (location, camera) and other metadata
    are gone, turned upright, scaled to at most 4096 pixels a side, and given a thumbnail; a
    HEIC photo is kept as JPEG. A PDF with JavaScript, a launch action or an XFA form is a 415.
    `sha256`, `size_bytes` and `content_type` describe the bytes kept.

    Args:
        patient_id (int):
        body (BodyDocumentsUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentCreated | Error
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            body=body,
        )
    ).parsed
