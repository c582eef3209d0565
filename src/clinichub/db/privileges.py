"""Whether the service's login could rewrite history: a superuser, or the owner of its tables
(directly or through a role it may take), can disable the append-only triggers."""

from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

# Created by the migrations: what the service needs, ownership of nothing (see revision 0008).
RUNTIME_ROLE = "clinichub_runtime"


class DatabasePrivileges(StrEnum):
    owner = "owner"
    runtime = "runtime"


_OWNS_OR_SUPERUSER = text(
    """
    SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        OR EXISTS (
            SELECT FROM pg_class AS c
            JOIN pg_namespace AS n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
              AND c.relkind IN ('r', 'p')
              AND pg_has_role(current_user, c.relowner, 'MEMBER')
        )
    """
)

OWNER_WARNING = (
    "The service's database login owns ClinicHub's tables or is a superuser: with its "
    "credentials the append-only triggers can be disabled and the audit trail and record history "
    "rewritten. Connect as a login that holds only the clinichub_runtime role "
    "(GRANT clinichub_runtime TO <login>) and migrate with CLINICHUB_MIGRATION_DATABASE_URL."
)


async def database_privileges(connection: AsyncConnection) -> DatabasePrivileges:
    owner = await connection.scalar(_OWNS_OR_SUPERUSER)
    return DatabasePrivileges.owner if owner else DatabasePrivileges.runtime
