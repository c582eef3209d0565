"""The floor of the stack: `GET /api/patients/{id}` on FastAPI and SQLAlchemy Core with nothing
else. The same JWT check and the same three statements as ClinicHub (the session check, the
patient, the audit insert, in one transaction on an AsyncConnection), and the same response
model; no middleware, no dependencies, no ORM session, no access log. Never imported by the
service.

It shows how close to the raw limit FastAPI and SQLAlchemy can come at all, and so how much of
ClinicHub's gap its own features cost (bench/RESULTS.md). Run it on the benchmark database with a
token from a ClinicHub server that uses the same secret, then drive it with bench/wrk's
get_patient.lua:

    CLINICHUB_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_patients \\
    CLINICHUB_SECRET_KEY=... .venv/bin/uvicorn bench.floor_app:app --port 8102 \\
        --loop uvloop --http httptools --no-access-log
"""

import os
import uuid
from datetime import UTC, datetime

import jwt
from fastapi import FastAPI, HTTPException, Request
from sqlalchemy.ext.asyncio import create_async_engine

from clinichub.audit.repository import _INSERT_EVENTS
from clinichub.auth.repository import _USER_FOR_SESSION
from clinichub.auth.tokens import ALGORITHM, REQUIRED_CLAIMS
from clinichub.patients.repository import _READ_PATIENT
from clinichub.patients.schemas import PatientRead
from clinichub.vocabulary import AuditAction, AuditOutcome

SECRET = os.environ["CLINICHUB_SECRET_KEY"]
engine = create_async_engine(
    os.environ["CLINICHUB_DATABASE_URL"].replace("postgresql://", "postgresql+asyncpg://"),
    pool_size=10,
    max_overflow=10,
)
app = FastAPI()


@app.get("/api/patients/{patient_id}", response_model=PatientRead)
async def get_patient(patient_id: int, request: Request) -> PatientRead:
    try:
        claims = jwt.decode(
            request.headers.get("authorization", "")[7:],
            SECRET,
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.PyJWTError:
        raise HTTPException(401) from None
    async with engine.begin() as connection:
        parameters = {
            "user_id": int(claims["sub"]),
            "session_id": uuid.UUID(claims["sid"]),
            "now": datetime.now(UTC),
        }
        user = (await connection.execute(_USER_FOR_SESSION, parameters)).one_or_none()
        if user is None:
            raise HTTPException(401)
        patient = (
            await connection.execute(_READ_PATIENT, {"patient_id": patient_id})
        ).one_or_none()
        if patient is None:
            raise HTTPException(404)
        event = {
            "action": AuditAction.read,
            "resource_type": "patient",
            "outcome": AuditOutcome.success,
            "actor_user_id": user.user_id,
            "actor_role": user.role.value,
            "resource_id": str(patient_id),
            "patient_id": patient_id,
            "request_id": request.headers.get("x-request-id") or uuid.uuid4().hex,
            "ip": request.client.host if request.client else None,
            "user_agent": request.headers.get("user-agent"),
        }
        await connection.execute(_INSERT_EVENTS, [event])
    return PatientRead.model_validate(patient)
