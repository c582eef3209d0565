"""The test kit: what tests share, in one module that no test module replaces.

- the settings of the test run (keys, the staff password);
- the role policy, one table (`POLICY`): what each role gets from each operation of the API;
- dates that keep a suite meaningful whatever day it runs (`PAST_MONDAY`, `COMING_MONDAY`, `clock`);
- factories: patients over HTTP (`new_patient`) or inserted directly when a test needs many
  quickly or an archived one (`insert_patient`), staff who cannot log in (`insert_staff`), audit
  events as rows (`events`);
- one driver for multi-role scenarios (`Clinic`): an admin's token, a doctor and a patient, and
  the calls the tests make (register, book, complete, charge, invoice, pay);
- the `clinichub` command as a child process (`run_cli`) and a real server (`running_server`).

Fixtures live in conftest.py and build on this module; test modules import from here and from
conftest, never from one another.
"""

import asyncio
import itertools
import os
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from pwdlib import PasswordHash
from pwdlib.hashers.bcrypt import BcryptHasher
from sqlalchemy import event, text

from clinichub.models import Patient, User
from clinichub.vocabulary import Role

ROOT = Path(__file__).resolve().parents[1]
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"
TEST_AUDIT_KEY = "test-audit-key-that-no-database-user-can-read"
PASSWORD = "correct horse battery"

# Fixture users get bcrypt's minimum cost: logging in still runs a real bcrypt verification,
# in milliseconds instead of a quarter second. Users created through the API get the real cost.
FAST_BCRYPT = PasswordHash((BcryptHasher(rounds=4),))

Json = dict[str, Any]
Headers = dict[str, str]
Login = Callable[..., Awaitable[Headers]]
MakeUser = Callable[..., Awaitable[User]]
MakePatient = Callable[..., Awaitable[int]]
MakeStaff = Callable[..., Awaitable[int]]


# --- The role policy --------------------------------------------------------------------------

A, D, N, R = Role.admin, Role.doctor, Role.nurse, Role.receptionist
EVERYONE = (A, D, N, R)

# Login, token refresh and health need no token; nor do the web app's sign-in, refresh and
# sign-out, which take the refresh token's cookie instead (and sign-out not even that).
PUBLIC = {
    "auth_login",
    "auth_token",
    "auth_refresh",
    "auth_session_login",
    "auth_session_refresh",
    "auth_session_logout",
    "health_check",
}


def only(status: int, *roles: Role) -> dict[Role, int]:
    """`status` for `roles`, 403 for the others."""
    return {role: status if role in roles else 403 for role in EVERYONE}


def everyone(status: int) -> dict[Role, int]:
    return only(status, *EVERYONE)


# Every protected operation under /api: the status each role gets for a request that passes
# authorization but names nothing that exists (ids 999999) or sends an empty body. 403 means
# refused for the role; anything else means let through to the handler.
POLICY: dict[str, dict[Role, int]] = {
    # auth: every signed-in user, about themselves
    "auth_logout": everyone(200),
    "auth_profile": everyone(200),
    "auth_change_password": everyone(400),
    "auth_protected": everyone(200),
    # the clinic's settings (time zone, today, currency): every signed-in user
    "clinic_get": everyone(200),
    # staff accounts: all read, admins write
    "users_create": only(400, A),
    "users_list": everyone(200),
    "users_get": everyone(404),
    "users_update": only(404, A),
    # patients: all staff read and register; clinicians edit; the front desk keeps plans
    "patients_list": everyone(200),
    "patients_create": everyone(400),
    "patients_get": everyone(404),
    "patients_update": only(404, A, D, N),
    "patients_delete": only(404, A),
    "patients_get_plan": everyone(404),
    "patients_save_plan": only(400, A, R),
    "patients_list_plans": everyone(404),
    "patients_access_log": only(404, A),
    # patients' documents: all staff upload and read (by kind: receptionists read identity and
    # insurance documents only, DOCUMENT_READERS below); admins retire
    "documents_upload": everyone(400),
    "documents_list": everyone(404),
    "documents_get": everyone(404),
    "documents_content": everyone(404),
    "documents_thumbnail": everyone(404),
    "documents_retire": only(404, A),
    # scheduling: all staff book and change; nurses do not cancel; only clinicians turn a visit
    # into a charge (the status-level rules of appointments_update: VISIT_STEPS below)
    "appointments_create": everyone(400),
    "appointments_list": everyone(200),
    "appointments_daily_counts": everyone(400),  # date_from and date_to are required
    "appointments_get": everyone(404),
    "appointments_update": everyone(404),
    "appointments_cancel": only(404, A, D, R),
    "providers_list": everyone(200),
    "providers_get_working_hours": everyone(404),
    "providers_set_working_hours": only(400, A),
    "providers_availability": everyone(400),
    # billing: nurses see no money; clinicians bill; the front desk takes payments
    "cpt_codes_list": everyone(200),
    "cpt_codes_create": only(400, A),
    "cpt_codes_update": only(404, A),
    "charges_create": only(400, A, D),
    "charges_list_for_appointment": only(404, A, D, R),
    "charges_list": only(200, A, D, R),
    "charges_delete": only(404, A, D),
    "invoices_create": only(400, A, D, R),
    "invoices_list": only(200, A, D, R),
    "invoices_get": only(404, A, D, R),
    "invoices_update": only(400, A, R),
    "reports_daily_revenue": only(400, A),
    "reports_revenue": only(400, A),
    # clinical data: no receptionist (HIPAA minimum necessary); doctors and admins write notes
    "medical_records_create": only(400, A, D),
    "medical_records_list": only(200, A, D, N),
    "medical_records_get": only(404, A, D, N),
    "medical_records_update": only(404, A, D),
    "medical_records_history": only(404, A, D, N),
    "vitals_create": only(400, A, D, N),
    "vitals_list": only(200, A, D, N),
    # the audit trail: admins only
    "audit_list_events": only(200, A),
    "audit_verify": only(200, A),
    "audit_head": only(404, A),
}

# Who reads a patient's documents of each kind (metadata, bytes, thumbnail, a list filtered by
# kind): the front desk reads identity and insurance papers; clinical kinds are for clinical staff.
DOCUMENT_READERS: dict[str, tuple[Role, ...]] = {
    "photo_id": EVERYONE,
    "insurance_card_front": EVERYONE,
    "insurance_card_back": EVERYONE,
    "referral": (A, D, N),
    "lab_report": (A, D, N),
    "consent": (A, D, N),
    "other": (A, D, N),
}

# The steps of a visit (status-level rules of appointments_update): (status the visit is
# brought to first, the update, who may make it).
VISIT_STEPS: list[tuple[str | None, Json, tuple[Role, ...]]] = [
    (None, {"status": "checked_in"}, EVERYONE),
    (None, {"cpt_code": "99214"}, EVERYONE),  # a planned code, before check-in
    ("checked_in", {"status": "in_progress"}, EVERYONE),
    ("checked_in", {"cpt_code": "99214"}, (A, D)),  # the code the visit is billed with
    ("checked_in", {"cpt_code": None}, (A, D)),
    ("checked_in", {"status": "completed"}, (A, D)),
    (None, {"status": "completed"}, (A, D)),
    (None, {"status": "no_show"}, (A, D, R)),
    (None, {"status": "cancelled"}, (A, D, R)),
]


def allowed(operation_id: str) -> set[Role]:
    """The roles the policy lets through to the operation."""
    return {role for role, status in POLICY[operation_id].items() if status != 403}


def refused(operation_id: str) -> list[Role]:
    """The roles the policy refuses the operation, in the order of `Role`."""
    return [role for role in Role if POLICY[operation_id][role] == 403]


# --- Dates ------------------------------------------------------------------------------------


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# A Monday of the past, so that its visits may be completed (on or after their day) and marked
# no-shows (after their start) whenever the suite runs; and a Monday well ahead, for what never
# offers the past (availability).
PAST_MONDAY = monday_of(date.today() - timedelta(days=60))
COMING_MONDAY = monday_of(date.today() + timedelta(days=60))


def iso(moment: datetime) -> str:
    """An aware datetime as the API writes it: ISO 8601 with Z for UTC."""
    return moment.isoformat().replace("+00:00", "Z")


def clock(monday: date) -> Callable[..., str]:
    """`at(hour, minute=0, *, day=0)`: an ISO UTC timestamp `day` days after `monday`."""

    def at(hour: int, minute: int = 0, *, day: int = 0) -> str:
        moment = datetime.combine(monday + timedelta(days=day), datetime.min.time(), tzinfo=UTC)
        return iso(moment + timedelta(hours=hour, minutes=minute))

    return at


# --- Factories --------------------------------------------------------------------------------

RECORD = {
    "diagnosis": "Type 2 diabetes mellitus without complications",
    "icd10_codes": ["e11.9"],
    "treatment_plan": "Metformin 500 mg twice daily",
}


async def new_patient(client: httpx.AsyncClient, headers: Headers, **fields: Any) -> int:
    """Register a patient through the API (Maria Lopez unless `fields` say otherwise)."""
    body = {"first_name": "Maria", "last_name": "Lopez", "dob": "1980-02-03", **fields}
    response = await client.post("/api/patients", json=body, headers=headers)
    assert response.status_code == 201, response.text
    patient_id: int = response.json()["patient"]["patient_id"]
    return patient_id


async def insert_patient(app: FastAPI, last_name: str, *, archived: bool = False) -> int:
    """Insert a patient directly (no request, no audit event); returns its id."""
    patient = Patient(
        first_name="Pat",
        last_name=last_name,
        dob=date(1980, 1, 1),
        deleted_at=datetime.now(UTC) if archived else None,
    )
    async with app.state.sessionmaker() as db, db.begin():
        db.add(patient)
    return patient.patient_id


async def insert_user(app: FastAPI, user: User) -> User:
    async with app.state.sessionmaker() as db, db.begin():
        db.add(user)
    return user


async def insert_staff(
    app: FastAPI, role: Role, n: int, *, is_active: bool = True, last_name: str | None = None
) -> int:
    """Insert a staff user who cannot log in (no bcrypt, so it is quick); returns the id."""
    user = User(
        email=f"{role.value}.staff{n}@clinic.test",
        password_hash="!",  # matches no password
        first_name="Test",
        last_name=last_name or f"{role.value.title()}{n}",
        role=role,
        is_active=is_active,
    )
    return (await insert_user(app, user)).user_id


async def events(app: FastAPI, where: str = "true", **params: Any) -> list[Json]:
    """The audit events matching `where` (SQL over audit_events), oldest first."""
    async with app.state.engine.connect() as connection:
        rows = await connection.execute(
            text(f"SELECT * FROM audit_events WHERE {where} ORDER BY event_id"), params
        )
        return [dict(row._mapping) for row in rows]


# --- The driver of multi-role scenarios -------------------------------------------------------

# Visits of the past (a visit is completed on or after its day), one hour apart, so that no two
# bookings of a test collide.
FIRST_VISIT = datetime.combine(date.today() - timedelta(days=30), datetime.min.time(), tzinfo=UTC)


class Clinic:
    """A test clinic: a caller's token (`headers`, an admin's unless a test says otherwise), a
    doctor and a current patient, and the calls the tests make, each asserting its status."""

    def __init__(
        self, client: httpx.AsyncClient, headers: Headers, doctor_id: int = 0, patient_id: int = 0
    ) -> None:
        self.client = client
        self.headers = headers
        self.doctor_id = doctor_id
        self.patient_id = patient_id
        self._slots = itertools.count()
        self._patients = itertools.count(1)

    async def call(self, method: str, url: str, expect: int = 200, **kwargs: Any) -> Json:
        response = await self.client.request(method, url, headers=self.headers, **kwargs)
        assert response.status_code == expect, response.text
        body: Json = response.json()
        return body

    # patients

    async def patient(self, plan: Json | None = None) -> int:
        """Register a new patient (with `plan`, if given); returns its id."""
        patient_id = await new_patient(
            self.client, self.headers, first_name="Pat", last_name=f"Payer{next(self._patients)}"
        )
        if plan is not None:
            await self.save_plan(patient_id, plan)
        return patient_id

    async def save_plan(self, patient_id: int, plan: Json) -> None:
        body = {"carrier_name": "Acme Health", "member_id": "M-1001", **plan}
        await self.call("POST", f"/api/patients/{patient_id}/plan", 201, json=body)

    # scheduling: the current patient with the doctor, at given times

    async def book(
        self, start: str, end: str, *, expect: int | None = 201, **fields: Any
    ) -> httpx.Response:
        body = {
            "patient_id": self.patient_id,
            "provider_user_id": self.doctor_id,
            "scheduled_start": start,
            "scheduled_end": end,
            **fields,
        }
        response = await self.client.post("/api/appointments", json=body, headers=self.headers)
        if expect is not None:
            assert response.status_code == expect, response.text
        return response

    async def booked(self, start: str, end: str, **fields: Any) -> Json:
        appointment: Json = (await self.book(start, end, **fields)).json()["appointment"]
        return appointment

    async def update(
        self, appointment_id: int, *, expect: int | None = 200, **fields: Any
    ) -> httpx.Response:
        response = await self.client.put(
            f"/api/appointments/{appointment_id}", json=fields, headers=self.headers
        )
        if expect is not None:
            assert response.status_code == expect, response.text
        return response

    async def listing(self, **params: Any) -> Json:
        response = await self.client.get("/api/appointments", params=params, headers=self.headers)
        assert response.status_code == 200, response.text
        body: Json = response.json()
        return body

    async def ids(self, **params: Any) -> list[int]:
        return [a["appointment_id"] for a in (await self.listing(**params))["appointments"]]

    # visits and billing: any patient, in the next free slot of the past

    async def appointment(
        self, patient_id: int, start: datetime | None = None, **fields: Any
    ) -> int:
        """Book a half-hour visit at `start` (by default, in the next free slot of the past);
        returns its id."""
        if start is None:
            start = FIRST_VISIT + timedelta(hours=next(self._slots))
        body = {
            "patient_id": patient_id,
            "provider_user_id": self.doctor_id,
            "scheduled_start": iso(start),
            "scheduled_end": iso(start + timedelta(minutes=30)),
            **fields,
        }
        appointment_id: int = (await self.call("POST", "/api/appointments", 201, json=body))[
            "appointment"
        ]["appointment_id"]
        return appointment_id

    async def complete(self, appointment_id: int) -> int:
        """Complete the visit; returns the primary charge's id (cpt_id)."""
        body = await self.call(
            "PUT", f"/api/appointments/{appointment_id}", json={"status": "completed"}
        )
        cpt_id: int = body["appointment"]["cpt_id"]
        return cpt_id

    async def visit(self, patient_id: int | None = None, **fields: Any) -> tuple[int, int]:
        """A completed visit: (appointment_id, cpt_id)."""
        appointment_id = await self.appointment(patient_id or await self.patient(), **fields)
        return appointment_id, await self.complete(appointment_id)

    async def charge(self, appointment_id: int, code: str, quantity: int = 1) -> Json:
        body = {"cpt_code": code, "quantity": quantity}
        response = await self.call(
            "POST", f"/api/appointments/{appointment_id}/charges", 201, json=body
        )
        charge: Json = response["charge"]
        return charge

    async def invoice(self, appointment_id: int) -> Json:
        body = await self.call(
            "POST", "/api/invoices", 201, json={"appointment_id": appointment_id}
        )
        invoice: Json = body["invoice"]
        return invoice

    async def pay(self, invoice_id: int, status: str = "paid") -> Json:
        body = await self.call("PUT", f"/api/invoices/{invoice_id}", json={"status": status})
        assert body["message"] == "Invoice updated"
        invoice: Json = body["invoice"]
        return invoice


# --- The command line and a live server -------------------------------------------------------

_SCRIPT = Path(sys.executable).with_name("clinichub")
CLINICHUB = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "clinichub.cli"]


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def clean_environment(**settings: str) -> dict[str, str]:
    """The current environment without any ClinicHub or database setting, plus `settings`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CLINICHUB_") and key != "DATABASE_URL"
    }
    env.update(settings)
    return env


async def run_cli(*args: str, env: dict[str, str], cwd: Path, seconds: float = 120) -> Result:
    process = await asyncio.create_subprocess_exec(
        *CLINICHUB,
        *args,
        env=env,
        cwd=cwd,  # away from the repository, so that no .env file is read
        stdin=asyncio.subprocess.DEVNULL,  # a password prompt would fail, never hang
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), seconds)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return Result(process.returncode, stdout.decode(), stderr.decode())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


STARTUP_TIMEOUT = 90
SHUTDOWN_TIMEOUT = 30


@dataclass
class LiveServer:
    """A real `clinichub serve` process on a free port, for tests that talk to it over the
    network."""

    process: asyncio.subprocess.Process
    port: int
    # A file, not a pipe: a pipe is drained only while the test's event loop runs, and a
    # synchronous test (the fuzzer) would leave it full and the server blocked on its logging.
    log_file: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        return self.log_file.read_text(errors="replace")


@asynccontextmanager
async def running_server(
    database_url: str | None, cwd: Path, *, demo: bool = True, workers: int = 1, **settings: str
) -> AsyncIterator[LiveServer]:
    """Serve the test database (with the demo data, by default) until the block ends; then stop
    the process with SIGTERM, as a process manager would. With several workers, the server
    listens before they are all ready: wait for them (e.g. for /api/health) before use. Without
    a database URL, in zero-setup mode: no URL and no keys are given."""
    port = free_port()
    configured = (
        {}
        if database_url is None
        else {
            "CLINICHUB_DATABASE_URL": database_url,
            "CLINICHUB_SECRET_KEY": TEST_SECRET,
            "CLINICHUB_AUDIT_KEY": TEST_AUDIT_KEY,
        }
    )
    log_file = cwd / f"server-{port}.log"
    with log_file.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *CLINICHUB,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            *(["--demo"] if demo else []),
            env=clean_environment(**configured, **settings),
            cwd=cwd,  # away from the repository, so that no .env file is read
            stdin=asyncio.subprocess.DEVNULL,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
    server = LiveServer(process=process, port=port, log_file=log_file)
    try:
        deadline = asyncio.get_running_loop().time() + STARTUP_TIMEOUT
        while "Uvicorn running on" not in server.log:
            assert process.returncode is None, server.log
            assert asyncio.get_running_loop().time() < deadline, server.log
            await asyncio.sleep(0.1)
        yield server
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), SHUTDOWN_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()


@contextmanager
def statements_on(app: FastAPI) -> Iterator[list[str]]:
    """The SQL statements the app's engine sends while the block runs."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
