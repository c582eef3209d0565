"""Liveness and database reachability, for load balancers and humans."""

import asyncio
from enum import StrEnum

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

router = APIRouter(prefix="/api", tags=["health"])

DB_TIMEOUT_SECONDS = 3


class HealthStatus(StrEnum):
    ok = "ok"
    unavailable = "unavailable"


class Health(BaseModel):
    status: HealthStatus
    database: HealthStatus


async def _database_ok(engine: AsyncEngine) -> bool:
    try:
        async with asyncio.timeout(DB_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


@router.get(
    "/health",
    operation_id="health_check",
    summary="Health check",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database cannot be reached"}},
    openapi_extra={"security": []},
)
async def health(request: Request) -> JSONResponse:
    """No authentication. 200 when the service can run `SELECT 1` on its database, else 503."""
    if await _database_ok(request.app.state.engine):
        return JSONResponse({"status": "ok", "database": "ok"})
    return JSONResponse({"status": "unavailable", "database": "unavailable"}, status_code=503)
