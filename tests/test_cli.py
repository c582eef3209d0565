"""The `clinichub` command, run as the real console script in a child process."""

import json
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, text

from clinichub.models import User
from clinichub.vocabulary import Role
from tests.kit import TEST_AUDIT_KEY, TEST_SECRET, MakeUser, clean_environment, free_port, run_cli

DEMO_STAFF = {
    "admin@clinichub.com": ("admin123", "admin"),
    "doctor@clinichub.com": ("doctor123", "doctor"),
    "nurse@clinichub.com": ("nurse123", "nurse"),
    "receptionist@clinichub.com": ("receptionist123", "receptionist"),
}


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    return clean_environment(
        CLINICHUB_DATABASE_URL=database_url,
        CLINICHUB_SECRET_KEY=TEST_SECRET,
        CLINICHUB_AUDIT_KEY=TEST_AUDIT_KEY,
    )


async def count_users(app: FastAPI, email: str) -> int:
    async with app.state.sessionmaker() as db:
        count = await db.scalar(select(func.count()).select_from(User).where(User.email == email))
    return count or 0


# --- create-user --------------------------------------------------------------------------------


async def test_create_user_with_password_option(
    client: httpx.AsyncClient, app: FastAPI, env: dict[str, str], tmp_path: Path
) -> None:
    result = await run_cli(
        "create-user",
        "--email",
        "Joy.Kim@Example.com",
        "--role",
        "nurse",
        "--first-name",
        "Joy",
        "--last-name",
        "Kim",
        "--phone",
        "787-555-0101",
        "--password",
        "a long passphrase",
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    user_id = int(result.stdout.strip())

    async with app.state.sessionmaker() as db:
        user = await db.get(User, user_id)
    assert user is not None
    assert user.email == "joy.kim@example.com"
    assert (user.first_name, user.last_name, user.phone) == ("Joy", "Kim", "787-555-0101")
    assert user.role == Role.nurse
    assert user.is_active
    assert user.password_hash.startswith("$2")
    assert "a long passphrase" not in user.password_hash

    response = await client.post(
        "/api/login", json={"email": "joy.kim@example.com", "password": "a long passphrase"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["user"]["user_id"] == user_id
    assert response.json()["user"]["role"] == "nurse"


async def test_create_user_with_password_from_environment(
    client: httpx.AsyncClient, env: dict[str, str], tmp_path: Path
) -> None:
    env["CLINICHUB_NEW_USER_PASSWORD"] = "from the environment"
    result = await run_cli(
        "create-user",
        "--email",
        "admin2@example.com",
        "--role",
        "admin",
        "--first-name",
        "Second",
        "--last-name",
        "Admin",
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    user_id = int(result.stdout.strip())
    assert "from the environment" not in result.stdout + result.stderr

    response = await client.post(
        "/api/login", json={"email": "admin2@example.com", "password": "from the environment"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["user"] == {
        "user_id": user_id,
        "email": "admin2@example.com",
        "first_name": "Second",
        "last_name": "Admin",
        "role": "admin",
    }


async def test_create_user_on_an_internal_mail_domain_is_audited(
    app: FastAPI, clean_db: None, env: dict[str, str], tmp_path: Path
) -> None:
    result = await run_cli(
        "create-user",
        "--email",
        "ops@clinic.local",
        "--role",
        "admin",
        "--first-name",
        "Ops",
        "--last-name",
        "Admin",
        "--password",
        "a long passphrase",
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    user_id = int(result.stdout.strip())
    async with app.state.engine.connect() as connection:
        rows = await connection.execute(
            text(
                "SELECT action, resource_type, resource_id, actor_user_id, user_agent "
                "FROM audit_events"
            )
        )
        recorded = [tuple(row) for row in rows]
    assert recorded == [("create", "user", str(user_id), None, "clinichub create-user")]


async def test_create_user_with_a_used_email_fails(
    make_user: MakeUser, app: FastAPI, env: dict[str, str], tmp_path: Path
) -> None:
    await make_user(Role.doctor, email="taken@example.com")
    result = await run_cli(
        "create-user",
        "--email",
        "TAKEN@example.com",
        "--role",
        "doctor",
        "--first-name",
        "Other",
        "--last-name",
        "Person",
        "--password",
        "a long passphrase",
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Email already exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert await count_users(app, "taken@example.com") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "superuser", "--password", "a long passphrase"], "role"),
        (["--role", "doctor", "--password", "short"], "at least 8 characters"),
    ],
)
async def test_create_user_with_bad_input_fails(
    app: FastAPI,
    clean_db: None,
    env: dict[str, str],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    result = await run_cli(
        "create-user",
        "--email",
        "new@example.com",
        "--first-name",
        "New",
        "--last-name",
        "Person",
        *args,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert await count_users(app, "new@example.com") == 0


# --- seed-demo and migrate ----------------------------------------------------------------------


async def test_seed_demo_twice(
    client: httpx.AsyncClient, app: FastAPI, env: dict[str, str], tmp_path: Path
) -> None:
    first = await run_cli("seed-demo", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    async with app.state.sessionmaker() as db:
        ids_after_first = {user.email: user.user_id for user in await db.scalars(select(User))}

    second = await run_cli("seed-demo", env=env, cwd=tmp_path)
    assert second.returncode == 0, second.stderr

    async with app.state.sessionmaker() as db:
        users = (await db.scalars(select(User))).all()
    emails = [user.email for user in users]
    for email, (_, role) in DEMO_STAFF.items():
        assert emails.count(email) == 1, email
        assert next(user.role.value for user in users if user.email == email) == role
    assert {user.email: user.user_id for user in users} == ids_after_first

    # The original README's login example, verbatim.
    response = await client.post(
        "/api/login",
        content=b'{\n  "email": "admin@clinichub.com",\n  "password": "admin123"\n}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["message"] == "Login successful"
    assert response.json()["user"]["role"] == "admin"

    for email, (password, role) in DEMO_STAFF.items():
        login = await client.post("/api/login", json={"email": email, "password": password})
        assert login.status_code == 200, email
        assert login.json()["user"]["role"] == role


async def test_migrate_on_a_current_database(
    database_url: str, env: dict[str, str], tmp_path: Path
) -> None:
    result = await run_cli("migrate", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# --- openapi ------------------------------------------------------------------------------------


async def test_openapi_writes_the_document(tmp_path: Path) -> None:
    # No database and no secret are needed to write the document.
    output = tmp_path / "openapi.json"
    result = await run_cli(
        "openapi", "--output", str(output), env=clean_environment(), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr

    document = json.loads(output.read_text())
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "ClinicHub API"
    login = document["paths"]["/api/login"]["post"]
    assert login["operationId"] == "auth_login"
    assert set(login["responses"]) >= {"200", "400", "401"}
    assert "422" not in json.dumps(document["paths"])
    assert "Error" in document["components"]["schemas"]
    assert "/api/users" in document["paths"]

    to_stdout = await run_cli("openapi", env=clean_environment(), cwd=tmp_path)
    assert to_stdout.returncode == 0
    assert json.loads(to_stdout.stdout) == document


# --- unsafe configuration -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (None, "CLINICHUB_SECRET_KEY must be set"),
        ("too-short-a-secret", "at least 32 bytes"),
        ("change-me-to-a-long-random-string-of-at-least-32-bytes", "placeholder"),
        ("changeme", "placeholder"),
        ("ab" * 32, "at least 10 distinct characters"),
    ],
)
async def test_serve_refuses_an_unsafe_secret(
    database_url: str, tmp_path: Path, secret: str | None, message: str
) -> None:
    settings = {"CLINICHUB_DATABASE_URL": database_url}
    if secret is not None:
        settings["CLINICHUB_SECRET_KEY"] = secret
    result = await run_cli(
        "serve",
        "--port",
        str(free_port()),
        env=clean_environment(**settings),
        cwd=tmp_path,
        seconds=60,
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "/docs" not in result.stdout


@pytest.mark.parametrize(
    ("audit_key", "message"),
    [
        (None, "CLINICHUB_AUDIT_KEY must be set"),
        ("too-short-an-audit-key", "CLINICHUB_AUDIT_KEY must be at least 32 bytes"),
        ("0123" * 16, "CLINICHUB_AUDIT_KEY must have at least 10 distinct characters"),
    ],
)
async def test_serve_refuses_an_unsafe_audit_key(
    database_url: str, tmp_path: Path, audit_key: str | None, message: str
) -> None:
    settings = {"CLINICHUB_DATABASE_URL": database_url, "CLINICHUB_SECRET_KEY": TEST_SECRET}
    if audit_key is not None:
        settings["CLINICHUB_AUDIT_KEY"] = audit_key
    result = await run_cli(
        "serve", "--port", str(free_port()), env=clean_environment(**settings), cwd=tmp_path
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


async def test_plain_database_url_also_requires_a_secret(database_url: str, tmp_path: Path) -> None:
    result = await run_cli(
        "serve",
        "--port",
        str(free_port()),
        env=clean_environment(DATABASE_URL=database_url),
        cwd=tmp_path,
        seconds=60,
    )
    assert result.returncode != 0
    assert "CLINICHUB_SECRET_KEY must be set" in result.stderr
