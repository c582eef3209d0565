"""The errors of staff accounts (the catalogue: see clinichub.errors.Catalogued)."""

from clinichub.errors import Catalogued, Conflict, ErrorCode, NotFound

USER_NOT_FOUND = Catalogued(NotFound, ErrorCode.not_found, "User not found")
LAST_ADMIN = Catalogued(
    Conflict, ErrorCode.last_admin, "Cannot demote or deactivate the last active admin"
)
