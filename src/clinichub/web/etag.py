"""The `ETag` of a resource read: its version (see clinichub.preconditions)."""

from typing import Protocol, TypeVar

from fastapi import Response

from clinichub.preconditions import etag


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


def tagged(response: Response, resource: V) -> V:
    """The resource, with its version set as the response's `ETag` (for `If-Match` on `PUT`)."""
    response.headers["ETag"] = etag(resource.version)
    return resource
