"""Test fixtures: a fresh PostgreSQL database per run, migrated once; tables emptied per test.

The server is the embedded PostgreSQL by default, or CLINICHUB_TEST_DATABASE_URL (a URL whose
user may create databases and roles) when set. The database is migrated as that user, its owner;
the app under test connects as a login of its own that holds only the `clinichub_runtime` role,
as a deployment should, so every test also shows that the runtime role's privileges suffice.
"""

import asyncio
import itertools
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator
from sqlalchemy import NullPool, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from clinichub.app import create_app
from clinichub.auth.tokens import TokenType, encode_token
from clinichub.cli import migrate
from clinichub.config import Settings, to_asyncpg_url
from clinichub.db.embedded import start_embedded_postgres
from clinichub.db.privileges import RUNTIME_ROLE as RUNTIME
from clinichub.models import AuthSession, Base, User
from clinichub.vocabulary import Role
from tests.kit import (
    FAST_BCRYPT,
    PASSWORD,
    ROOT,
    TEST_AUDIT_KEY,
    TEST_SECRET,
    Clinic,
    Login,
    MakePatient,
    MakeStaff,
    MakeUser,
    insert_patient,
    insert_staff,
    insert_user,
)


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _plain(url: str) -> str:
    """asyncpg wants postgresql://, not SQLAlchemy's postgresql+asyncpg://."""
    return url.replace("postgresql+asyncpg://", "postgresql://")


@pytest.fixture(scope="session")
def server_url() -> str:
    url = os.environ.get("CLINICHUB_TEST_DATABASE_URL")
    if url:
        return url
    (ROOT / ".clinichub").mkdir(exist_ok=True)
    return start_embedded_postgres(ROOT / ".clinichub" / "test-postgres")


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    name = f"clinichub_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    url = _with_database(server_url, name)
    migrate(Settings(database_url=url, secret_key=TEST_SECRET, _env_file=None))
    yield url
    asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _admin(url: str, *statements: str) -> None:
    connection = await asyncpg.connect(_plain(url))
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def runtime_database_url(database_url: str) -> Iterator[str]:
    """The test database as a login of this run that holds only `clinichub_runtime` (roles
    belong to the whole server, so the name is unique)."""
    login = f"clinichub_test_{uuid.uuid4().hex[:12]}"
    password = uuid.uuid4().hex
    asyncio.run(
        _admin(database_url, f"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {RUNTIME}")
    )
    yield (
        make_url(database_url)
        .set(username=login, password=password)
        .render_as_string(hide_password=False)
    )
    asyncio.run(_admin(database_url, f"DROP ROLE IF EXISTS {login}"))


@pytest.fixture(scope="session")
def settings(runtime_database_url: str) -> Settings:
    return Settings(
        database_url=runtime_database_url,
        secret_key=TEST_SECRET,
        audit_key=TEST_AUDIT_KEY,
        clinic_timezone="UTC",
        _env_file=None,
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    yield application
    await application.state.engine.dispose()
    await application.state.side_engine.dispose()


@pytest.fixture(scope="session")
async def owner_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """The database as its owner: for resetting it between tests, and for tests that play an
    attacker holding the owner's credentials."""
    engine = create_async_engine(to_asyncpg_url(database_url), poolclass=NullPool)
    yield engine
    await engine.dispose()


_TABLES = ", ".join(table.name for table in Base.metadata.sorted_tables)
# Reference data the migrations seed (the CPT catalogue): emptied with everything else after
# each test, then restored, so that a test that re-prices a code does not leak into the next.
SEEDED_TABLES = ("cpt_codes",)
SeededRows = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="session")
async def seeded_rows(owner_engine: AsyncEngine) -> SeededRows:
    """The seeded rows as the migrations left them, read before any test runs."""
    rows: SeededRows = {}
    async with owner_engine.connect() as connection:
        for name in SEEDED_TABLES:
            result = await connection.execute(Base.metadata.tables[name].select())
            rows[name] = [dict(row) for row in result.mappings()]
    return rows


async def reset_database(owner_engine: AsyncEngine, seeded_rows: SeededRows) -> None:
    """Empty every table, then restore the rows the migrations seeded."""
    async with owner_engine.begin() as connection:
        # Append-only tables refuse TRUNCATE; replica mode lets the test harness reset them.
        await connection.execute(text("SET LOCAL session_replication_role = replica"))
        await connection.execute(text(f"TRUNCATE {_TABLES} RESTART IDENTITY CASCADE"))
        for name, rows in seeded_rows.items():
            await connection.execute(Base.metadata.tables[name].insert(), rows)


@pytest.fixture
async def clean_db(
    app: FastAPI, owner_engine: AsyncEngine, seeded_rows: SeededRows
) -> AsyncIterator[None]:
    yield
    await reset_database(owner_engine, seeded_rows)


@pytest.fixture(scope="session")
def error_schema(app: FastAPI) -> Draft202012Validator:
    """The document's `Error` schema, which every error body must match."""
    components = app.openapi()["components"]
    return Draft202012Validator({"$ref": "#/components/schemas/Error", "components": components})


@pytest.fixture
async def client(
    app: FastAPI, clean_db: None, error_schema: Draft202012Validator
) -> AsyncIterator[httpx.AsyncClient]:
    async def error_body_matches_the_document(response: httpx.Response) -> None:
        # Every error any test meets, its code included, is what the document promises; the
        # health check's 503 has a body of its own.
        if response.status_code < 400 or response.url.path == "/api/health":
            return
        await response.aread()
        problems = [error.message for error in error_schema.iter_errors(response.json())]
        assert problems == [], f"{response.request.method} {response.url.path}: {problems}"

    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://test",
        event_hooks={"response": [error_body_matches_the_document]},
    ) as http:
        yield http


@pytest.fixture
def make_user(app: FastAPI, clean_db: None) -> MakeUser:
    """Insert a staff user directly (password: PASSWORD unless given)."""
    counter = iter(range(1, 10_000))

    async def make(
        role: Role = Role.admin,
        *,
        email: str | None = None,
        password: str = PASSWORD,
        is_active: bool = True,
        first_name: str = "Test",
        last_name: str | None = None,
    ) -> User:
        n = next(counter)
        user = User(
            email=email or f"{role.value}{n}@clinic.test",
            password_hash=FAST_BCRYPT.hash(password),
            first_name=first_name,
            last_name=last_name or f"{role.value.title()}{n}",
            role=role,
            is_active=is_active,
        )
        return await insert_user(app, user)

    return make


@pytest.fixture
def login(client: httpx.AsyncClient, make_user: MakeUser) -> Login:
    """Log in as a new user of `role`; returns the Authorization header."""

    async def log_in(role: Role = Role.admin, **kwargs: object) -> dict[str, str]:
        user = await make_user(role, **kwargs)
        response = await client.post(
            "/api/login", json={"email": user.email, "password": kwargs.get("password", PASSWORD)}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return log_in


@pytest.fixture
def bearer(app: FastAPI, clean_db: None) -> Login:
    """Like `login`, without bcrypt: a user of `role` with a live session and an access token
    made directly. For tests that need many callers and are not about logging in."""
    counter = iter(range(1, 10_000))

    async def headers(role: Role = Role.admin) -> dict[str, str]:
        n = next(counter)
        now = datetime.now(UTC)
        user = User(
            email=f"{role.value}.bearer{n}@clinic.test",
            password_hash="!",  # matches no password: this user cannot log in
            first_name="Test",
            last_name=f"{role.value.title()}{n}",
            role=role,
        )
        async with app.state.sessionmaker() as db, db.begin():
            db.add(user)
            await db.flush()
            session = AuthSession(
                session_id=uuid.uuid4(),
                user_id=user.user_id,
                refresh_token_hash="0" * 64,
                token_family=uuid.uuid4(),
                expires_at=now + timedelta(days=1),
            )
            db.add(session)
        token = encode_token(
            token_type=TokenType.access,
            user_id=user.user_id,
            session_id=session.session_id,
            role=role.value,
            secret=TEST_SECRET,
            now=now,
            lifetime=timedelta(minutes=15),
        )
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture
def make_patient(app: FastAPI, clean_db: None) -> MakePatient:
    """Insert a patient directly; returns its id."""
    counter = itertools.count(1)

    async def make(*, archived: bool = False) -> int:
        return await insert_patient(app, f"Patient{next(counter)}", archived=archived)

    return make


@pytest.fixture
def make_staff(app: FastAPI, clean_db: None) -> MakeStaff:
    """Insert a staff user who cannot log in (no bcrypt, so it is quick); returns the id."""
    counter = itertools.count(1)

    async def make(role: Role, *, is_active: bool = True, last_name: str | None = None) -> int:
        return await insert_staff(
            app, role, next(counter), is_active=is_active, last_name=last_name
        )

    return make


@pytest.fixture
async def clinic(
    client: httpx.AsyncClient, bearer: Login, make_staff: MakeStaff, make_patient: MakePatient
) -> Clinic:
    """An admin's token without logging in, a doctor and a patient, all inserted directly."""
    return Clinic(
        client,
        await bearer(Role.admin),
        doctor_id=await make_staff(Role.doctor),
        patient_id=await make_patient(),
    )


@pytest.fixture
async def desk(client: httpx.AsyncClient, login: Login, make_user: MakeUser) -> Clinic:
    """The front desk of a test clinic: a logged-in admin and a doctor, no patient yet."""
    doctor = await make_user(Role.doctor)
    return Clinic(client, await login(Role.admin), doctor_id=doctor.user_id)
