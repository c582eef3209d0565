"""ETags from version columns, and `If-Match` on updates: no lost updates (RFC 9110 13.1.1).

Every row that can be updated has a version that each UPDATE increments. `GET` sends it as a
strong ETag (`"3"`); a `PUT` with `If-Match` applies only while the ETag is still current, so two
people editing the same appointment cannot silently overwrite each other. Without `If-Match` the
update proceeds (older clients keep working) and the version still increments.
"""

from typing import Any

from clinichub.errors import PreconditionFailed

ETAG_HEADER: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {
                "description": "The current version, for `If-Match` on `PUT` (RFC 9110 8.8.3)",
                "schema": {"type": "string", "examples": ['"3"']},
            }
        }
    }
}


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    """412 unless `if_match` is absent, `*`, or lists the current ETag. The comparison is strong
    (RFC 9110 13.1.1): a weak tag (`W/"3"`) never matches."""
    if if_match is None:
        return
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" in tags or etag(version) in tags:
        return
    raise PreconditionFailed(
        "The resource has changed since it was read (If-Match does not match its ETag): "
        "read it again and reapply the change"
    )
