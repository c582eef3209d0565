"""The application factory: settings in, a ready FastAPI app out."""

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from clinichub import __version__, docs, exception_handlers, health, openapi, webapp
from clinichub.audit.router import access_log_router
from clinichub.audit.router import router as audit_router
from clinichub.audit.sealing import seal_forever
from clinichub.auth.router import router as auth_router
from clinichub.auth.tokens import VerifiedAccessTokens
from clinichub.billing.router import router as billing_router
from clinichub.clinic.router import router as clinic_router
from clinichub.clinical.router import records_router, vitals_router
from clinichub.config import Settings
from clinichub.db.embedded import with_embedded_database
from clinichub.db.privileges import OWNER_WARNING, DatabasePrivileges, database_privileges
from clinichub.db.session import SIDE_POOL_SIZE, create_engine, create_sessionmaker
from clinichub.documents.router import patient_documents_router
from clinichub.documents.router import router as documents_router
from clinichub.documents.storage import DocumentStores
from clinichub.edge import Edge
from clinichub.housekeeping import prune_forever
from clinichub.patients.router import router as patients_router
from clinichub.scheduling.router import providers_router
from clinichub.scheduling.router import router as appointments_router
from clinichub.users.router import router as users_router

logger = logging.getLogger("clinichub")

DESCRIPTION = """
Practice-management API for small and medium clinics: staff accounts, patients, scheduling,
billing and clinical records.

Conventions: JSON under `/api`; every error has the `Error` body (`error`, `code`, optional
`details`); timestamps are ISO-8601 in UTC with a `Z`; money is integer cents; lists are paginated
with `page` and `per_page`. Authenticate with `POST /api/login` and send
`Authorization: Bearer <access_token>`, or use the Authorize button with email and password.
"""

TAGS = [
    {"name": "auth", "description": "Log in, tokens, logout and the caller's profile"},
    {"name": "clinic", "description": "The clinic's time zone, today, currency and password rules"},
    {"name": "users", "description": "Staff accounts and roles"},
    {"name": "patients", "description": "Patient records, search and insurance plans"},
    {
        "name": "documents",
        "description": "ID photos, insurance cards, letters",
    },
    {"name": "appointments", "description": "Booking, rescheduling and the visit lifecycle"},
    {"name": "providers", "description": "Doctors and nurses: working hours and free slots"},
    {"name": "cpt_codes", "description": "The CPT catalogue: billable procedures and prices"},
    {"name": "charges", "description": "Charges (CPT records) of completed visits"},
    {"name": "invoices", "description": "Invoices with their insurance split, and payments"},
    {"name": "reports", "description": "Revenue reports"},
    {"name": "medical_records", "description": "Visit notes: versioned, never overwritten"},
    {"name": "vitals", "description": "Measurements taken by nurses and doctors"},
    {"name": "audit", "description": "The tamper-evident audit trail of access to patient data"},
    {"name": "health", "description": "Service health"},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = with_embedded_database(settings or Settings())
    audit_key = settings.require_audit_key()
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)
    side_engine = create_engine(settings, pool_size=SIDE_POOL_SIZE)
    side_sessionmaker = create_sessionmaker(side_engine)
    document_stores = DocumentStores(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await _warn_if_owner(engine)
        sealer = None
        if settings.audit_seal_interval_seconds > 0:
            sealer = asyncio.create_task(
                seal_forever(
                    sessionmaker,
                    audit_key,
                    interval=settings.audit_seal_interval_seconds,
                    grace=timedelta(seconds=settings.audit_seal_grace_seconds),
                )
            )
        pruner = asyncio.create_task(prune_forever(side_sessionmaker))
        # What exists now (modules, routes, models, the OpenAPI machinery) lives as long as the
        # process: out of the collector's reach, full collections take milliseconds, not the
        # 100 ms pauses that otherwise set every endpoint's p99.
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        for task in (sealer, pruner):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await document_stores.close()
        await engine.dispose()
        await side_engine.dispose()

    app = FastAPI(
        title="ClinicHub API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        swagger_ui_parameters={"persistAuthorization": True},
    )
    app.state.settings = settings
    app.state.access_tokens = VerifiedAccessTokens(settings.require_secret())
    app.state.engine = engine
    app.state.sessionmaker = sessionmaker
    app.state.side_engine = side_engine
    app.state.side_sessionmaker = side_sessionmaker
    app.state.document_stores = document_stores

    exception_handlers.install(app)
    docs.install(app)
    for router in (
        auth_router,
        clinic_router,
        users_router,
        patients_router,
        patient_documents_router,
        documents_router,
        appointments_router,
        providers_router,
        billing_router,
        records_router,
        vitals_router,
        access_log_router,
        audit_router,
        health.router,
    ):
        app.include_router(router)
    # After every route: the app's pages are what no route of the API or the docs answers.
    webapp.install(app, settings.web_dist)
    # One middleware for every request (edge.py), outermost but for the proxy headers.
    app.add_middleware(
        Edge, upload_max_bytes=settings.document_max_bytes, cors_origins=settings.cors_origins
    )
    if settings.trusted_proxies:
        # The client address from X-Forwarded-For, only on connections from these proxies, under
        # any ASGI server (`serve` tells uvicorn to trust no one by itself).
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_networks)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


async def _warn_if_owner(engine: AsyncEngine) -> None:
    try:
        async with engine.connect() as connection:
            privileges = await database_privileges(connection)
    except Exception:
        logger.warning("Could not check the database login's privileges at startup")
        return
    if privileges is DatabasePrivileges.owner:
        logger.warning(OWNER_WARNING)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """Built once, on first use (FastAPI's own caching)."""
    if app.openapi_schema is None:
        app.openapi_schema = openapi.build(app)
    return app.openapi_schema
