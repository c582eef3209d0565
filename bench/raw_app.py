"""The raw limit for bench/run.py: the benchmarked endpoints written directly on Starlette and
asyncpg, with the statements ClinicHub sends for them (the session and user check, the audit
insert, the savepoints, the re-reads), the same JWT check and the same JSON, and nothing else: no
FastAPI, no ORM, no pydantic. What ClinicHub spends beyond this is framework and library time.

    CLINICHUB_DATABASE_URL=... CLINICHUB_SECRET_KEY=... uvicorn bench.raw_app:app

It is a measuring stick, not a second implementation: it handles the benchmark's requests
(valid input, the admin role) and answers anything else with a bare 400, 401 or 409.
Never imported by the service.
"""

import asyncio
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import asyncpg
import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SECRET = os.environ["CLINICHUB_SECRET_KEY"]
DATABASE_URL = os.environ["CLINICHUB_DATABASE_URL"].replace(
    "postgresql+asyncpg://", "postgresql://"
)
POOL_SIZE = int(os.environ.get("CLINICHUB_DB_POOL_SIZE", "10"))
HASHER = PasswordHash((BcryptHasher(),))
BCRYPT_THREADS = ThreadPoolExecutor(max_workers=max(1, (os.cpu_count() or 1) - 1))
BLOCKING = ("checked_in", "completed", "confirmed", "in_progress", "scheduled")
EXACT_COUNT_LIMIT = 10_000
WALK_LIMIT = 20_000

# --- the statements ClinicHub sends (as SQLAlchemy renders them, less the casts) ---------------

AUTH = """SELECT users.user_id, users.role FROM users
JOIN auth_sessions ON auth_sessions.user_id = users.user_id
WHERE users.user_id = $1 AND users.is_active AND auth_sessions.session_id = $2
AND auth_sessions.revoked_at IS NULL AND auth_sessions.expires_at > $3"""
AUDIT_COLUMNS = (
    "actor_user_id, actor_role, action, resource_type, resource_id, patient_id, outcome,"
    " request_id, ip, user_agent"
)
PATIENT_COLUMNS = (
    "patients.patient_id, patients.first_name, patients.last_name, patients.dob, patients.sex,"
    " patients.email, patients.phone, patients.address, patients.emergency_contact_name,"
    " patients.emergency_contact_phone, patients.created_at, patients.updated_at,"
    " patients.version"
)
PATIENT = f"SELECT {PATIENT_COLUMNS} FROM patients WHERE patient_id = $1 AND deleted_at IS NULL"
PATIENT_EXISTS = "SELECT patient_id FROM patients WHERE patient_id = $1 AND deleted_at IS NULL"
APPOINTMENT_COLUMNS = (
    "(SELECT min(cpt_record_id) FROM cpt_records"
    " WHERE cpt_records.appointment_id = appointments.appointment_id) AS cpt_id,"
    " appointment_id, patient_id, provider_user_id, scheduled_start, scheduled_end, status,"
    " visit_type, reason, notes, cpt_code, cancellation_reason, telehealth_url, created_at,"
    " updated_at, version"
)
APPOINTMENT = f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE appointment_id = $1"
CHARGE_COLUMNS = (
    "cpt_record_id, appointment_id, patient_id, cpt_code, description, quantity,"
    " unit_price_cents, amount_cents, modifier, service_date, status, created_at"
)
COUNTER_HIT = """INSERT INTO rate_limit_counters (key, window_started_at, hits)
VALUES ($1, now(), 1) ON CONFLICT (key) DO UPDATE SET
window_started_at = CASE WHEN rate_limit_counters.window_started_at + $2 <= now() THEN now()
                    ELSE rate_limit_counters.window_started_at END,
hits = CASE WHEN rate_limit_counters.window_started_at + $2 <= now() THEN 1
       ELSE rate_limit_counters.hits + 1 END
RETURNING hits, window_started_at, now()"""


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def answer(body: object, status: int = 200) -> Response:
    return Response(
        json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        status,
        media_type="application/json",
    )


def error(status: int) -> Response:
    return answer({"error": "refused", "code": "refused"}, status)


class Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    # Like ClinicHub: a pool for requests (pool size plus as many in overflow), and a small one
    # for the login counters' transactions of their own.
    app.state.pool = await asyncpg.create_pool(
        DATABASE_URL, min_size=1, max_size=2 * POOL_SIZE, server_settings={"timezone": "UTC"}
    )
    app.state.side_pool = await asyncpg.create_pool(
        DATABASE_URL, min_size=1, max_size=2 + POOL_SIZE
    )
    yield
    await app.state.pool.close()
    await app.state.side_pool.close()


def origin(request: Request) -> tuple[str, str | None, str | None]:
    return (
        request.headers.get("x-request-id") or uuid.uuid4().hex,
        request.client.host if request.client else None,
        request.headers.get("user-agent"),
    )


async def authenticate(connection: asyncpg.Connection, request: Request) -> tuple[int, str]:
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer "):
        raise Refused(401)
    try:
        claims = jwt.decode(
            header[7:],
            SECRET,
            algorithms=["HS256"],
            options={"require": ["exp", "iat", "sub", "jti", "type", "sid"]},
        )
        if claims["type"] != "access":
            raise Refused(401)
        user_id, session_id = int(claims["sub"]), uuid.UUID(claims["sid"])
    except (jwt.PyJWTError, ValueError):
        raise Refused(401) from None
    row = await connection.fetchrow(AUTH, user_id, session_id, datetime.now(UTC))
    if row is None:
        raise Refused(401)
    return row["user_id"], row["role"]


async def audit(
    connection: asyncpg.Connection,
    request: Request,
    actor: tuple[int, str],
    action: str,
    resource_type: str,
    items: Sequence[tuple[object, int | None]],
) -> None:
    """One event per (resource id, patient id), in one executemany round trip, as ClinicHub
    sends them."""
    if not items:
        return
    where = origin(request)  # request id, IP, user agent
    await connection.executemany(
        f"INSERT INTO audit_events ({AUDIT_COLUMNS})"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        [
            (*actor, action, resource_type, str(resource_id), patient_id, "success", *where)
            for resource_id, patient_id in items
        ],
    )


def patient_json(row: asyncpg.Record) -> dict[str, Any]:
    return {
        "patient_id": row["patient_id"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "dob": row["dob"].isoformat(),
        "sex": row["sex"],
        "email": row["email"],
        "phone": row["phone"],
        "address": row["address"],
        "emergency_contact_name": row["emergency_contact_name"],
        "emergency_contact_phone": row["emergency_contact_phone"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
        "version": row["version"],
    }


def appointment_json(row: asyncpg.Record) -> dict[str, Any]:
    return {
        "appointment_id": row["appointment_id"],
        "patient_id": row["patient_id"],
        "provider_user_id": row["provider_user_id"],
        "scheduled_start": iso(row["scheduled_start"]),
        "scheduled_end": iso(row["scheduled_end"]),
        "status": row["status"],
        "visit_type": row["visit_type"],
        "reason": row["reason"],
        "notes": row["notes"],
        "cpt_code": row["cpt_code"],
        "cancellation_reason": row["cancellation_reason"],
        "telehealth_url": row["telehealth_url"],
        "cpt_id": row["cpt_id"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
        "version": row["version"],
    }


def pagination(page: int, per_page: int, total: int) -> dict[str, Any]:
    pages = -(-total // per_page)
    return {
        "total": total,
        "pages": pages,
        "page": page,
        "per_page": per_page,
        "has_next": page < pages,
        "has_prev": page > 1,
    }


async def health(request: Request) -> Response:
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.fetchval("SELECT 1")
    return answer({"status": "ok", "database": "ok"})


async def get_patient(request: Request) -> Response:
    patient_id = int(request.path_params["patient_id"])
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        row = await connection.fetchrow(PATIENT, patient_id)
        if row is None:
            raise Refused(404)
        await audit(connection, request, actor, "read", "patient", [(patient_id, patient_id)])
    return answer(patient_json(row))


async def _estimate(connection: asyncpg.Connection, where: str, args: Sequence[object]) -> int:
    plan = await connection.fetchval(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM patients WHERE deleted_at IS NULL{where}", *args
    )
    return int(json.loads(plan)[0]["Plan"]["Plan Rows"])


async def list_patients(request: Request) -> Response:
    """Search, sorted by last name: ClinicHub's gathering, and its walk for broad terms."""
    terms = (request.query_params.get("search") or "").split()
    like = [
        "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for t in terms
    ]
    where = "".join(
        f" AND patients.search_text LIKE lower(clinichub_unaccent(${n + 1}))"
        for n in range(len(like))
    )
    page, per_page = 1, 10

    async def gather(limit: int | None) -> list[asyncpg.Record]:
        limited = f" LIMIT {limit + 1}" if limit is not None else ""
        return await connection.fetch(
            "WITH matches AS MATERIALIZED (SELECT patients.patient_id, patients.last_name"
            f" FROM patients WHERE patients.deleted_at IS NULL{where}{limited})"
            f" SELECT {PATIENT_COLUMNS}, ranked.total FROM patients JOIN"
            " (SELECT patient_id, count(*) OVER () AS total FROM matches"
            f" ORDER BY last_name, patient_id LIMIT {per_page} OFFSET 0) AS ranked"
            " ON patients.patient_id = ranked.patient_id"
            " ORDER BY patients.last_name, patients.patient_id",
            *like,
        )

    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        rows = await gather(EXACT_COUNT_LIMIT)
        total = rows[0]["total"] if rows else 0
        if total > EXACT_COUNT_LIMIT:
            # The first WALK_LIMIT patients in the order, filtered, to the page's end.
            rows = await connection.fetch(
                f"SELECT {PATIENT_COLUMNS} FROM (SELECT * FROM patients"
                " WHERE patients.deleted_at IS NULL ORDER BY last_name, patient_id"
                f" LIMIT {WALK_LIMIT}) AS patients WHERE patients.deleted_at IS NULL{where}"
                " ORDER BY patients.last_name, patients.patient_id"
                f" LIMIT {per_page + 1} OFFSET 0",
                *like,
            )
            if len(rows) > per_page:
                rows = rows[:per_page]
                estimate = await _estimate(connection, where, like)
                total = max(estimate, EXACT_COUNT_LIMIT + 1, per_page + 1)
            else:
                rows = await gather(None)
                total = rows[0]["total"] if rows else 0
        await audit(
            connection,
            request,
            actor,
            "read",
            "patient",
            [(row["patient_id"], row["patient_id"]) for row in rows],
        )
    return answer(
        {
            "patients": [patient_json(row) for row in rows],
            "pagination": pagination(page, per_page, total),
        }
    )


def _bound(text: str, *, end: bool) -> datetime:
    """A bare date is that whole day (UTC here: the benchmark's clinic time zone)."""
    if len(text) == 10:
        day = date.fromisoformat(text) + timedelta(days=1 if end else 0)
        return datetime.combine(day, time(), UTC)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def list_appointments(request: Request) -> Response:
    query = request.query_params
    provider_user_id = int(query["provider_user_id"])
    start = _bound(query["date_from"], end=False)
    end = _bound(query["date_to"], end=True)
    per_page = min(int(query.get("per_page", "10")), 100)
    where = "WHERE provider_user_id = $1 AND scheduled_end > $2 AND scheduled_start < $3"
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        rows = await connection.fetch(
            f"SELECT {APPOINTMENT_COLUMNS} FROM appointments {where}"
            " ORDER BY scheduled_start, appointment_id LIMIT $4 OFFSET $5",
            provider_user_id,
            start,
            end,
            per_page,
            0,
        )
        total = len(rows)  # a first page that is not full ends the list, as ClinicHub counts
        if total == per_page:
            total = await connection.fetchval(
                f"SELECT count(*) FROM appointments {where}", provider_user_id, start, end
            )
        await audit(
            connection,
            request,
            actor,
            "read",
            "appointment",
            [(row["appointment_id"], row["patient_id"]) for row in rows],
        )
    return answer(
        {
            "appointments": [appointment_json(row) for row in rows],
            "pagination": pagination(1, per_page, total),
        }
    )


async def create_appointment(request: Request) -> Response:
    body = await request.json()
    start = datetime.fromisoformat(body["scheduled_start"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(body["scheduled_end"].replace("Z", "+00:00"))
    patient_id, provider_user_id = body["patient_id"], body["provider_user_id"]
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        if await connection.fetchval(PATIENT_EXISTS, patient_id) is None:
            raise Refused(404)
        provider = await connection.fetchrow(
            "SELECT user_id, email, password_hash, first_name, last_name, phone, role,"
            " is_active, created_at, updated_at, version FROM users WHERE user_id = $1",
            provider_user_id,
        )
        if provider is None or provider["role"] not in ("doctor", "nurse"):
            raise Refused(404)
        hours = await connection.fetch(
            "SELECT provider_user_id, weekday, start_time, end_time FROM provider_working_hours"
            " WHERE provider_user_id IN ($1) ORDER BY weekday, start_time",
            provider_user_id,
        )
        if hours and not any(
            h["weekday"] == start.weekday()
            and h["start_time"] <= start.time()
            and end.time() <= h["end_time"]
            for h in hours
        ):
            raise Refused(409)
        conflict = await connection.fetchrow(
            "SELECT appointment_id, provider_user_id = $1 FROM appointments"
            " WHERE status = ANY($5) AND scheduled_start < $2 AND scheduled_end > $3"
            " AND (provider_user_id = $1 OR patient_id = $4)"
            " AND appointment_id IS DISTINCT FROM $6::bigint"
            " ORDER BY provider_user_id = $1 DESC, scheduled_start LIMIT 1",
            provider_user_id,
            end,
            start,
            patient_id,
            list(BLOCKING),
            None,  # no appointment to leave out: a new booking
        )
        if conflict is not None:
            raise Refused(409)
        row = await connection.fetchrow(
            "INSERT INTO appointments (patient_id, provider_user_id, scheduled_start,"
            " scheduled_end, status, visit_type, reason, notes, cpt_code, telehealth_url)"
            " VALUES ($1, $2, $3, $4, 'scheduled', 'in_person', $5, $6, NULL, NULL)"
            " ON CONFLICT DO NOTHING RETURNING appointment_id, patient_id, provider_user_id,"
            " scheduled_start, scheduled_end, status, visit_type, reason, notes, cpt_code,"
            " cancellation_reason, telehealth_url, NULL AS cpt_id, created_at, updated_at,"
            " version",
            patient_id,
            provider_user_id,
            start,
            end,
            body.get("reason"),
            body.get("notes"),
        )
        if row is None:
            raise Refused(409)
        await audit(
            connection,
            request,
            actor,
            "create",
            "appointment",
            [(row["appointment_id"], patient_id)],
        )
    return answer(
        {"message": "Appointment created successfully", "appointment": appointment_json(row)},
        201,
    )


async def complete_appointment(request: Request) -> Response:
    """PUT {"status": "completed"}: the status change and the charge it creates."""
    appointment_id = int(request.path_params["appointment_id"])
    body = await request.json()
    if body != {"status": "completed"}:
        raise Refused(400)
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        row = await connection.fetchrow(APPOINTMENT + " FOR UPDATE OF appointments", appointment_id)
        if row is None:
            raise Refused(404)
        if row["status"] in ("completed", "cancelled", "no_show"):
            raise Refused(409)
        updated_at = await connection.fetchval(
            "UPDATE appointments SET status = $1, updated_at = now(), version = $2"
            " WHERE appointment_id = $3 AND version = $4 RETURNING updated_at",
            "completed",
            row["version"] + 1,
            appointment_id,
            row["version"],
        )
        code = await connection.fetchrow(
            "SELECT code, description, category, price_cents, is_active, created_at, updated_at"
            " FROM cpt_codes WHERE code = $1",
            row["cpt_code"] or "99213",
        )
        charge = await connection.fetchrow(
            "INSERT INTO cpt_records (appointment_id, patient_id, cpt_code, description,"
            " quantity, unit_price_cents, amount_cents, modifier, service_date)"
            " VALUES ($1, $2, $3, $4, 1, $5, $6, NULL, $7)"
            " RETURNING cpt_record_id, status, created_at",
            appointment_id,
            row["patient_id"],
            code["code"],
            code["description"],
            code["price_cents"],
            code["price_cents"],
            row["scheduled_start"].astimezone(UTC).date(),
        )
        row = {
            **row,
            "status": "completed",
            "updated_at": updated_at,
            "version": row["version"] + 1,
            "cpt_id": charge["cpt_record_id"],
        }
        await audit(
            connection,
            request,
            actor,
            "update",
            "appointment",
            [(appointment_id, row["patient_id"])],
        )
    return answer(
        {"message": "Appointment updated successfully", "appointment": appointment_json(row)}
    )


async def create_invoice(request: Request) -> Response:
    appointment_id = (await request.json())["appointment_id"]
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        actor = await authenticate(connection, request)
        appointment = await connection.fetchrow(
            APPOINTMENT + " FOR NO KEY UPDATE OF appointments", appointment_id
        )
        if appointment is None:
            raise Refused(404)
        charges = await connection.fetch(
            f"SELECT {CHARGE_COLUMNS} FROM cpt_records WHERE appointment_id = $1"
            " ORDER BY cpt_record_id",
            appointment_id,
        )
        if appointment["status"] != "completed" or not charges:
            raise Refused(409)
        if await connection.fetchval(
            "SELECT invoice_id FROM invoices WHERE appointment_id = $1", appointment_id
        ):
            raise Refused(409)
        plan = await connection.fetchrow(
            "SELECT plan_id, patient_id, carrier_name, member_id, group_id, plan_type,"
            " copay_cents, effective_date, is_active, created_at FROM insurance_plans"
            " WHERE patient_id = $1 AND is_active",
            appointment["patient_id"],
        )
        total = sum(charge["amount_cents"] for charge in charges)
        insured = plan is not None and plan["plan_type"] != "self_pay"
        patient_due = min(plan["copay_cents"] or 0, total) if insured and plan else total
        inserted = await connection.fetchrow(
            "INSERT INTO invoices (appointment_id, patient_id, cpt_id, total_cents,"
            " patient_due_cents, insurance_due_cents, plan_id, plan_carrier_name, plan_member_id,"
            " plan_type, plan_copay_cents, paid_at, version)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, 1)"
            " RETURNING invoice_id, status, currency, issued_at, updated_at",
            appointment_id,
            appointment["patient_id"],
            charges[0]["cpt_record_id"],
            total,
            patient_due,
            total - patient_due,
            plan and plan["plan_id"],
            plan and plan["carrier_name"],
            plan and plan["member_id"],
            plan and plan["plan_type"],
            plan and plan["copay_cents"],
        )
        await connection.execute(
            "UPDATE cpt_records SET status = $1 WHERE cpt_record_id = ANY($2)",
            "invoiced",
            [charge["cpt_record_id"] for charge in charges],
        )
        invoice_id = inserted["invoice_id"]
        invoice = {
            **inserted,
            "appointment_id": appointment_id,
            "patient_id": appointment["patient_id"],
            "cpt_id": charges[0]["cpt_record_id"],
            "total_cents": total,
            "patient_due_cents": patient_due,
            "insurance_due_cents": total - patient_due,
            "plan_id": plan and plan["plan_id"],
            "plan_carrier_name": plan and plan["carrier_name"],
            "plan_member_id": plan and plan["member_id"],
            "plan_type": plan and plan["plan_type"],
            "plan_copay_cents": plan and plan["copay_cents"],
            "paid_at": None,
            "version": 1,
        }
        lines = charges
        await audit(
            connection,
            request,
            actor,
            "create",
            "invoice",
            [(invoice_id, appointment["patient_id"])],
        )
    plan_json = None
    if invoice["plan_id"] is not None:
        plan_json = {
            "plan_id": invoice["plan_id"],
            "carrier_name": invoice["plan_carrier_name"],
            "member_id": invoice["plan_member_id"],
            "plan_type": invoice["plan_type"],
            "copay_cents": invoice["plan_copay_cents"],
        }
    return answer(
        {
            "message": "Invoice created successfully",
            "invoice": {
                "invoice_id": invoice["invoice_id"],
                "appointment_id": invoice["appointment_id"],
                "patient_id": invoice["patient_id"],
                "cpt_id": invoice["cpt_id"],
                "status": invoice["status"],
                "lines": [
                    {
                        "cpt_record_id": line["cpt_record_id"],
                        "code": line["cpt_code"],
                        "description": line["description"],
                        "quantity": line["quantity"],
                        "unit_price_cents": line["unit_price_cents"],
                        "amount_cents": line["amount_cents"],
                        "modifier": line["modifier"],
                    }
                    for line in lines
                ],
                "total_cents": invoice["total_cents"],
                "patient_due_cents": invoice["patient_due_cents"],
                "insurance_due_cents": invoice["insurance_due_cents"],
                "currency": invoice["currency"],
                "plan": plan_json,
                "issued_at": iso(invoice["issued_at"]),
                "paid_at": iso(invoice["paid_at"]),
                "version": invoice["version"],
            },
        },
        201,
    )


def _counter_key(scope: str, subject: str) -> str:
    digest = hmac.new(SECRET.encode(), f"{scope}\0{subject}".encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()}"


def _token(kind: str, user_id: int, session_id: uuid.UUID, now: datetime, life: timedelta) -> str:
    claims: dict[str, object] = {
        "sub": str(user_id),
        "type": kind,
        "sid": str(session_id),
        "iat": now,
        "exp": now + life,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, SECRET, algorithm="HS256")


async def login(request: Request) -> Response:
    body = await request.json()
    email, password = body["email"].strip().lower(), body["password"]
    request_id, ip, user_agent = origin(request)
    window = timedelta(minutes=15)
    ip_key, account_key = (
        _counter_key("login_ip", ip or "unknown"),
        _counter_key("login_account", email),
    )
    async with request.app.state.side_pool.acquire() as side, side.transaction():
        await side.fetchrow(COUNTER_HIT, ip_key, window)
        hits = (await side.fetchrow(COUNTER_HIT, account_key, window))["hits"]
    if hits > 10:
        raise Refused(429)
    async with request.app.state.side_pool.acquire() as side, side.transaction():
        user = await side.fetchrow(
            "SELECT user_id, email, password_hash, first_name, last_name, phone, role,"
            " is_active, created_at, updated_at, version FROM users WHERE email = $1",
            email,
        )
    verified = user is not None and await asyncio.get_running_loop().run_in_executor(
        BCRYPT_THREADS, HASHER.verify, password, user["password_hash"]
    )
    if user is None or not verified or not user["is_active"]:
        raise Refused(401)
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.execute("DELETE FROM rate_limit_counters WHERE key = $1", account_key)
        await connection.execute(
            "UPDATE rate_limit_counters SET hits = greatest(hits - 1, 0) WHERE key = $1", ip_key
        )
        now = datetime.now(UTC)
        session_id = uuid.uuid4()
        access = _token("access", user["user_id"], session_id, now, timedelta(minutes=15))
        refresh = _token("refresh", user["user_id"], session_id, now, timedelta(days=7))
        await connection.fetch(
            f"INSERT INTO audit_events ({AUDIT_COLUMNS}) VALUES"
            " ($1, $2, 'login', 'auth_session', $3, NULL, 'success', $4, $5, $6)"
            " RETURNING event_id, occurred_at",
            user["user_id"],
            user["role"],
            str(session_id),
            request_id,
            ip,
            user_agent,
        )
        await connection.fetch(
            "INSERT INTO auth_sessions (session_id, user_id, refresh_token_hash, token_family,"
            " expires_at, revoked_at, last_used_at, user_agent, ip)"
            " VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8) RETURNING created_at",
            session_id,
            user["user_id"],
            hashlib.sha256(refresh.encode()).hexdigest(),
            uuid.uuid4(),
            now + timedelta(days=7),
            now,
            user_agent,
            ip,
        )
    return answer(
        {
            "message": "Login successful",
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "bearer",
            "expires_in": 900,
            "user": {
                "user_id": user["user_id"],
                "email": user["email"],
                "first_name": user["first_name"],
                "last_name": user["last_name"],
                "role": user["role"],
            },
        }
    )


def refusals(handler: Any) -> Any:
    async def handle(request: Request) -> Response:
        try:
            response: Response = await handler(request)
        except Refused as refused:
            return error(refused.status)
        return response

    return handle


app = Starlette(
    routes=[
        Route("/api/health", refusals(health)),
        Route("/api/login", refusals(login), methods=["POST"]),
        Route("/api/patients", refusals(list_patients)),
        Route("/api/patients/{patient_id:int}", refusals(get_patient)),
        Route("/api/appointments", refusals(list_appointments)),
        Route("/api/appointments", refusals(create_appointment), methods=["POST"]),
        Route(
            "/api/appointments/{appointment_id:int}",
            refusals(complete_appointment),
            methods=["PUT"],
        ),
        Route("/api/invoices", refusals(create_invoice), methods=["POST"]),
    ],
    lifespan=lifespan,
)
