"""Liveness and database reachability, for load balancers and humans."""

import asyncio
from enum import StrEnum

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncEngine

from clinichub.db.privileges import DatabasePrivileges, database_privileges

router = APIRouter(prefix="/api", tags=["health"])

DB_TIMEOUT_SECONDS = 3


class HealthStatus(StrEnum):
    ok = "ok"
    unavailable = "unavailable"


# Not a ResponseModel: a 503 leaves `database_privileges` out, so the document keeps it optional.
class Health(BaseModel):
    status: HealthStatus
    database: HealthStatus
    database_privileges: DatabasePrivileges | None = Field(
        default=None,
        description="`owner`: the service's login owns the tables or is a superuser, and could "
        "rewrite the audit trail (see the startup warning); `runtime`: it holds only the runtime "
        "role. Absent while the database cannot be reached.",
    )


async def _privileges(engine: AsyncEngine) -> DatabasePrivileges | None:
    """The login's privileges, or None when the database cannot answer within the timeout."""
    try:
        async with asyncio.timeout(DB_TIMEOUT_SECONDS), engine.connect() as connection:
            return await database_privileges(connection)
    except Exception:
        return None


@router.get(
    "/health",
    operation_id="health_check",
    summary="Health check",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database cannot be reached"}},
    openapi_extra={"security": []},
)
async def health(request: Request) -> JSONResponse:
    """No authentication. 200 when the service can query its database, else 503."""
    privileges = await _privileges(request.app.state.engine)
    if privileges is not None:
        return JSONResponse(
            {"status": "ok", "database": "ok", "database_privileges": privileges.value}
        )
    return JSONResponse({"status": "unavailable", "database": "unavailable"}, status_code=503)
