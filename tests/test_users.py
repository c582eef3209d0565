"""Staff accounts: the role matrix of /api/users, validation, filters, pagination and the
last-admin rule."""

from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from clinichub.models import User
from clinichub.users.passwords import hash_password
from clinichub.vocabulary import Role
from tests.kit import PASSWORD, Login, MakeUser, refused

STAFF_ROLES = refused("users_update")
FORBIDDEN = {"error": "Forbidden: insufficient permissions", "code": "forbidden"}
USER_FIELDS = {
    "user_id",
    "email",
    "first_name",
    "last_name",
    "phone",
    "role",
    "is_active",
    "created_at",
    "updated_at",
    "version",
}


def new_user(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "email": "dr.rivera@example.com",
        "password": "a long passphrase",
        "first_name": "Ana",
        "last_name": "Rivera",
        "role": "doctor",
        "phone": "787-123-4567",
    }
    body.update(overrides)
    return body


async def sign_in(
    client: httpx.AsyncClient, make_user: MakeUser, role: Role, **kwargs: Any
) -> tuple[User, dict[str, str]]:
    user = await make_user(role, **kwargs)
    response = await client.post("/api/login", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return user, {"Authorization": f"Bearer {response.json()['access_token']}"}


async def insert_users(app: FastAPI, *users: tuple[str, str, str, Role, bool]) -> None:
    """(email, first name, last name, role, active) rows straight into the table: fast, and
    their one password is PASSWORD."""
    password_hash = await hash_password(PASSWORD)
    async with app.state.sessionmaker() as db, db.begin():
        db.add_all(
            User(
                email=email,
                first_name=first_name,
                last_name=last_name,
                role=role,
                is_active=active,
                password_hash=password_hash,
            )
            for email, first_name, last_name, role, active in users
        )


def assert_no_secrets(response: httpx.Response) -> None:
    assert "password" not in response.text
    assert "$2b$" not in response.text


def is_utc_timestamp(value: str) -> bool:
    return value.endswith("Z") and datetime.fromisoformat(value).utcoffset() is not None


# --- Role matrix ------------------------------------------------------------------------------


async def test_every_route_needs_a_token(client: httpx.AsyncClient, make_user: MakeUser) -> None:
    target = await make_user(Role.doctor)
    requests: list[tuple[str, str, Any]] = [
        ("POST", "/api/users", new_user()),
        ("POST", "/api/users", {}),  # an invalid body still gets the 401, not a 400
        ("GET", "/api/users", None),
        ("GET", f"/api/users/{target.user_id}", None),
        ("GET", "/api/users/999999", None),
        ("PUT", f"/api/users/{target.user_id}", {"first_name": "Changed"}),
        ("PUT", f"/api/users/{target.user_id}", {"role": "bogus"}),
    ]
    for method, path, body in requests:
        response = await client.request(method, path, json=body)
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["error"] == "Authorization token is missing"
        assert response.headers["www-authenticate"] == "Bearer"


async def test_admin_may_use_every_route(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    created = await client.post("/api/users", headers=admin, json=new_user())
    assert created.status_code == 201, created.text
    user_id = created.json()["user"]["user_id"]

    assert (await client.get("/api/users", headers=admin)).status_code == 200
    assert (await client.get(f"/api/users/{user_id}", headers=admin)).status_code == 200
    updated = await client.put(
        f"/api/users/{user_id}", headers=admin, json={"first_name": "Changed"}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["user"]["first_name"] == "Changed"


@pytest.mark.parametrize("role", STAFF_ROLES)
async def test_other_staff_may_read_but_not_write(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login, role: Role
) -> None:
    target = await make_user(Role.doctor, first_name="Original")
    staff = await login(role)

    listing = await client.get("/api/users", headers=staff)
    assert listing.status_code == 200
    assert target.user_id in [user["user_id"] for user in listing.json()["users"]]
    one = await client.get(f"/api/users/{target.user_id}", headers=staff)
    assert one.status_code == 200
    assert one.json()["first_name"] == "Original"

    writes: list[tuple[str, str, Any]] = [
        ("POST", "/api/users", new_user()),
        ("POST", "/api/users", {}),
        ("POST", "/api/users", new_user(role="superuser", password="x")),
        ("PUT", f"/api/users/{target.user_id}", {"first_name": "Changed"}),
        ("PUT", f"/api/users/{target.user_id}", {"role": "admin"}),
        ("PUT", f"/api/users/{target.user_id}", {"first_name": None, "email": "x"}),
        ("PUT", "/api/users/999999", {"first_name": "Changed"}),
    ]
    for method, path, body in writes:
        response = await client.request(method, path, headers=staff, json=body)
        assert response.status_code == 403, (method, path, response.text)
        assert response.json() == FORBIDDEN

    after = (await client.get(f"/api/users/{target.user_id}", headers=staff)).json()
    assert after == one.json()
    emails = [
        user["email"] for user in (await client.get("/api/users", headers=staff)).json()["users"]
    ]
    assert "dr.rivera@example.com" not in emails


# --- Create -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["ana@clinic.local", "Ana.Rivera@Mail.Clinic.Internal", "front-desk@office.lan"]
)
async def test_staff_emails_may_be_on_internal_mail_domains(
    client: httpx.AsyncClient, login: Login, email: str
) -> None:
    """A clinic's staff may have their mail on the clinic's own network; patients may not."""
    admin = await login(Role.admin)
    response = await client.post("/api/users", headers=admin, json=new_user(email=email))
    assert response.status_code == 201, response.text
    assert response.json()["user"]["email"] == email.lower()
    login_response = await client.post(
        "/api/login", json={"email": email, "password": "a long passphrase"}
    )
    assert login_response.status_code == 200

    patient = {"first_name": "P", "last_name": "Q", "dob": "1990-01-01", "email": "p@clinic.local"}
    refused = await client.post("/api/patients", headers=admin, json=patient)
    assert refused.status_code == 400
    assert refused.json()["details"][0]["field"] == "email"


@pytest.mark.parametrize(
    "email", ["ana@localhost", "ana@.local", "ana@clinic.onion", "ana@clinic.test", "ana@local"]
)
async def test_other_special_use_domains_stay_refused_for_staff(
    client: httpx.AsyncClient, login: Login, email: str
) -> None:
    admin = await login(Role.admin)
    response = await client.post("/api/users", headers=admin, json=new_user(email=email))
    assert response.status_code == 400, response.text
    assert response.json()["details"][0]["field"] == "email"


async def test_create_user(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    response = await client.post(
        "/api/users",
        headers=admin,
        json=new_user(email="  Dr.Rivera@Example.COM ", first_name=" Ana ", role="nurse"),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"message", "user"}
    assert body["message"] == "User created successfully"
    user = body["user"]
    assert set(user) == USER_FIELDS
    assert isinstance(user["user_id"], int)
    assert user["email"] == "dr.rivera@example.com"
    assert user["first_name"] == "Ana"
    assert user["last_name"] == "Rivera"
    assert user["phone"] == "787-123-4567"
    assert user["role"] == "nurse"
    assert user["is_active"] is True
    assert is_utc_timestamp(user["created_at"])
    assert is_utc_timestamp(user["updated_at"])
    assert_no_secrets(response)

    fetched = await client.get(f"/api/users/{user['user_id']}", headers=admin)
    assert fetched.json() == user

    login_response = await client.post(
        "/api/login", json={"email": "dr.rivera@example.com", "password": "a long passphrase"}
    )
    assert login_response.status_code == 200
    assert login_response.json()["user"]["role"] == "nurse"


async def test_create_user_without_phone(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    body = new_user()
    del body["phone"]
    response = await client.post("/api/users", headers=admin, json=body)
    assert response.status_code == 201
    assert response.json()["user"]["phone"] is None


@pytest.mark.parametrize("second_email", ["dup@example.com", "DUP@Example.Com"])
async def test_duplicate_email_is_a_conflict(
    client: httpx.AsyncClient, login: Login, second_email: str
) -> None:
    admin = await login(Role.admin)
    first = await client.post("/api/users", headers=admin, json=new_user(email="dup@example.com"))
    assert first.status_code == 201

    second = await client.post(
        "/api/users", headers=admin, json=new_user(email=second_email, first_name="Other")
    )
    assert second.status_code == 409
    assert second.json()["error"] == "Email already exists"
    assert second.json()["code"] == "email_exists"

    listing = await client.get("/api/users", headers=admin, params={"search": "dup"})
    assert [user["first_name"] for user in listing.json()["users"]] == ["Ana"]


async def test_duplicate_of_an_existing_account_is_a_conflict(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login
) -> None:
    admin = await login(Role.admin)
    await make_user(Role.doctor, email="taken@example.com")
    response = await client.post(
        "/api/users", headers=admin, json=new_user(email="Taken@EXAMPLE.com")
    )
    assert response.status_code == 409
    assert response.json()["error"] == "Email already exists"


async def test_no_response_contains_a_password_hash(
    client: httpx.AsyncClient, login: Login
) -> None:
    admin = await login(Role.admin)
    created = await client.post("/api/users", headers=admin, json=new_user())
    user_id = created.json()["user"]["user_id"]
    responses = [
        created,
        await client.get("/api/users", headers=admin),
        await client.get(f"/api/users/{user_id}", headers=admin),
        await client.put(f"/api/users/{user_id}", headers=admin, json={"last_name": "Diaz"}),
    ]
    for response in responses:
        assert response.is_success, response.text
        assert_no_secrets(response)


UNKNOWN_CREATE_FIELDS: list[tuple[str, Any]] = [
    ("user_id", 1),
    ("password_hash", "$2b$12$abcdefghijklmnopqrstuv"),
    ("created_at", "2020-01-01T00:00:00Z"),
    ("updated_at", "2020-01-01T00:00:00Z"),
    ("is_active", False),
    ("mfa", True),
]


async def test_create_rejects_unknown_fields(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    for field, value in UNKNOWN_CREATE_FIELDS:
        response = await client.post("/api/users", headers=admin, json=new_user(**{field: value}))
        assert response.status_code == 400, field
        error = response.json()
        assert error["error"] == f"Unknown field: {field}"
        assert error["code"] == "invalid_request"
        assert {"field": field, "message": "Unknown field"} in error["details"]
    listing = await client.get("/api/users", headers=admin)
    assert listing.json()["pagination"]["total"] == 1


BAD_PASSWORDS = [
    ("", "at least 8 characters"),
    ("seven77", "at least 8 characters"),
    ("a" * 73, "at most 72 bytes"),
    ("ß" * 37, "at most 72 bytes"),  # 37 characters, 74 bytes
    ("€" * 25, "at most 72 bytes"),  # 25 characters, 75 bytes
]


async def test_create_rejects_short_and_overlong_passwords(
    client: httpx.AsyncClient, login: Login
) -> None:
    admin = await login(Role.admin)
    for password, problem in BAD_PASSWORDS:
        response = await client.post("/api/users", headers=admin, json=new_user(password=password))
        assert response.status_code == 400, password
        error = response.json()
        assert problem in error["error"], password
        assert error["details"][0]["field"] == "password"
    assert (await client.get("/api/users", headers=admin)).json()["pagination"]["total"] == 1


async def test_create_accepts_passwords_at_the_limits(
    client: httpx.AsyncClient, login: Login
) -> None:
    admin = await login(Role.admin)
    for n, password in enumerate(["eight888", "ß" * 36, "b" * 72]):
        email = f"limit{n}@example.com"
        response = await client.post(
            "/api/users", headers=admin, json=new_user(email=email, password=password)
        )
        assert response.status_code == 201, response.text
        login_response = await client.post(
            "/api/login", json={"email": email, "password": password}
        )
        assert login_response.status_code == 200, password


INVALID_CREATE_VALUES: list[tuple[dict[str, Any], str]] = [
    ({"role": "superuser"}, "role"),
    ({"role": "Admin"}, "role"),
    ({"role": ""}, "role"),
    ({"email": "not-an-email"}, "email"),
    ({"email": "two@@example.com"}, "email"),
    ({"first_name": "   "}, "first_name"),
    ({"first_name": "x" * 101}, "first_name"),
    ({"phone": "call me"}, "phone"),
    ({"phone": "123"}, "phone"),
    ({"first_name": None}, "first_name"),
    ({"last_name": 42}, "last_name"),
]


async def test_create_rejects_invalid_values(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    for overrides, field in INVALID_CREATE_VALUES:
        response = await client.post("/api/users", headers=admin, json=new_user(**overrides))
        assert response.status_code == 400, (overrides, response.text)
        body = response.json()
        assert body["code"] == "invalid_request"
        assert body["details"][0]["field"] == field
        assert body["error"].startswith(f"Invalid value for {field}"), body
    assert (await client.get("/api/users", headers=admin)).json()["pagination"]["total"] == 1


async def test_create_requires_fields(client: httpx.AsyncClient, login: Login) -> None:
    admin = await login(Role.admin)
    for missing in ("email", "password", "first_name", "last_name", "role"):
        body = new_user()
        del body[missing]
        response = await client.post("/api/users", headers=admin, json=body)
        assert response.status_code == 400
        assert response.json()["error"] == f"Missing required field: {missing}"


# --- Get ----------------------------------------------------------------------------------------


async def test_unknown_user_is_404(client: httpx.AsyncClient, login: Login) -> None:
    headers = await login(Role.receptionist)
    response = await client.get("/api/users/999999", headers=headers)
    assert response.status_code == 404
    assert response.json() == {"error": "User not found", "code": "not_found"}

    admin = await login(Role.admin)
    update = await client.put("/api/users/999999", headers=admin, json={"first_name": "X"})
    assert update.status_code == 404
    assert update.json()["error"] == "User not found"


async def test_malformed_user_id_is_400(client: httpx.AsyncClient, login: Login) -> None:
    headers = await login(Role.nurse)
    for bad_id in ("abc", "0", "-1", "1.5", str(2**63)):
        response = await client.get(f"/api/users/{bad_id}", headers=headers)
        assert response.status_code == 400, bad_id
        assert response.json()["code"] == "invalid_request"


# --- List: filters and pagination ----------------------------------------------------------


STAFF = [
    ("ana.rivera@clinic.test", "Ana", "Rivera", Role.doctor, True),
    ("greg@clinic.test", "Gregory", "Santos", Role.doctor, False),
    ("flo@clinic.test", "Florence", "Rivera", Role.nurse, True),
    ("pam.front@clinic.test", "Pam", "Ortiz", Role.receptionist, True),
    ("ben_100@clinic.test", "Ben", "Stone", Role.nurse, True),
]

FILTERS: list[tuple[dict[str, str], list[str]]] = [
    ({"role": "doctor"}, ["ana.rivera@clinic.test", "greg@clinic.test"]),
    ({"role": "doctor", "is_active": "true"}, ["ana.rivera@clinic.test"]),
    ({"is_active": "false"}, ["greg@clinic.test"]),
    ({"search": "rivera"}, ["ana.rivera@clinic.test", "flo@clinic.test"]),
    ({"search": "RiVeRa"}, ["ana.rivera@clinic.test", "flo@clinic.test"]),
    ({"search": "greg"}, ["greg@clinic.test"]),
    ({"search": "front"}, ["pam.front@clinic.test"]),
    ({"search": "ana rivera"}, ["ana.rivera@clinic.test"]),
    ({"search": "  Rivera   Florence "}, ["flo@clinic.test"]),
    ({"search": "rivera santos"}, []),
    ({"search": "rivera", "role": "nurse"}, ["flo@clinic.test"]),
    # LIKE wildcards are literal characters.
    ({"search": "%"}, []),
    ({"search": "a_r"}, []),
    ({"search": "n_1"}, ["ben_100@clinic.test"]),
    ({"role": "nurse", "is_active": "false"}, []),
]


async def test_list_filters(client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI) -> None:
    _, headers = await sign_in(
        client, make_user, Role.admin, email="boss@clinic.test", last_name="Zed"
    )
    await insert_users(app, *STAFF)
    for params, expected in FILTERS:
        response = await client.get("/api/users", headers=headers, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert sorted(user["email"] for user in body["users"]) == sorted(expected), params
        assert body["pagination"]["total"] == len(expected), params


async def test_list_is_sorted_by_name(
    client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI
) -> None:
    _, headers = await sign_in(
        client, make_user, Role.admin, email="boss@clinic.test", last_name="Zed"
    )
    await insert_users(app, *STAFF)
    body = (await client.get("/api/users", headers=headers)).json()
    names = [(user["last_name"], user["first_name"]) for user in body["users"]]
    assert names == [
        ("Ortiz", "Pam"),
        ("Rivera", "Ana"),
        ("Rivera", "Florence"),
        ("Santos", "Gregory"),
        ("Stone", "Ben"),
        ("Zed", "Test"),
    ]


MALFORMED_QUERIES = [
    {"role": "superuser"},
    {"is_active": "maybe"},
    {"page": "0"},
    {"page": "-1"},
    {"page": "first"},
    {"per_page": "0"},
    {"per_page": "-5"},
    {"per_page": "ten"},
    {"search": "x" * 201},
    # Offsets beyond PostgreSQL's bigint.
    {"page": "999999999999999999"},
    {"page": str(10**30)},
]


async def test_list_rejects_malformed_queries(client: httpx.AsyncClient, login: Login) -> None:
    headers = await login(Role.doctor)
    for params in MALFORMED_QUERIES:
        response = await client.get("/api/users", headers=headers, params=params)
        assert response.status_code == 400, (params, response.text)
        assert response.json()["code"] == "invalid_request"


async def test_pagination(client: httpx.AsyncClient, make_user: MakeUser, app: FastAPI) -> None:
    _, headers = await sign_in(client, make_user, Role.admin, last_name="Aaron")
    await insert_users(
        app,
        *(
            (f"staff{n:02d}@clinic.test", "Staff", f"Member{n:02d}", Role.nurse, True)
            for n in range(24)
        ),
    )

    async def page(**params: int) -> dict[str, Any]:
        response = await client.get("/api/users", headers=headers, params=params)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    first = await page()
    assert len(first["users"]) == 10
    assert first["pagination"] == {
        "total": 25,
        "pages": 3,
        "page": 1,
        "per_page": 10,
        "has_next": True,
        "has_prev": False,
    }
    second = await page(page=2)
    assert second["pagination"]["has_next"] is True
    assert second["pagination"]["has_prev"] is True
    third = await page(page=3, per_page=10)
    assert len(third["users"]) == 5
    assert third["pagination"] == {
        "total": 25,
        "pages": 3,
        "page": 3,
        "per_page": 10,
        "has_next": False,
        "has_prev": True,
    }
    beyond = await page(page=4)
    assert beyond["users"] == []
    assert beyond["pagination"]["total"] == 25
    assert beyond["pagination"]["has_next"] is False
    assert beyond["pagination"]["has_prev"] is True

    everyone = await page(per_page=100)
    ids = [user["user_id"] for user in everyone["users"]]
    assert len(ids) == len(set(ids)) == 25
    paged = [user["user_id"] for body in (first, second, third) for user in body["users"]]
    assert paged == ids

    seven = await page(per_page=7, page=4)
    assert len(seven["users"]) == 4
    assert seven["pagination"]["pages"] == 4
    assert seven["pagination"]["has_next"] is False

    exact = await page(per_page=25)
    assert exact["pagination"]["pages"] == 1
    assert exact["pagination"]["has_next"] is False

    capped = await page(per_page=500)
    assert capped["pagination"]["per_page"] == 100
    assert capped["pagination"]["pages"] == 1
    assert len(capped["users"]) == 25


async def test_pagination_of_an_empty_result(client: httpx.AsyncClient, login: Login) -> None:
    headers = await login(Role.admin)
    response = await client.get("/api/users", headers=headers, params={"role": "nurse"})
    assert response.json() == {
        "users": [],
        "pagination": {
            "total": 0,
            "pages": 0,
            "page": 1,
            "per_page": 10,
            "has_next": False,
            "has_prev": False,
        },
    }


async def test_text_with_a_nul_character_is_a_400(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login
) -> None:
    # PostgreSQL text cannot hold NUL; the database's refusal must not surface as a 500. Names
    # refuse it (with every other control character) as a field-level 400 before that.
    admin = await login(Role.admin)
    target = await make_user(Role.nurse, first_name="Flo")
    nul = {"error": "Text must not contain NUL characters", "code": "invalid_request"}

    created = await client.post("/api/users", headers=admin, json=new_user(last_name="Ri\x00v"))
    assert created.status_code == 400
    assert created.json()["details"][0]["field"] == "last_name"
    listed = await client.get("/api/users", headers=admin, params={"search": "Flo\x00"})
    assert listed.status_code == 400
    assert listed.json() == nul
    updated = await client.put(
        f"/api/users/{target.user_id}", headers=admin, json={"first_name": "F\x00lo"}
    )
    assert updated.status_code == 400
    assert updated.json()["details"][0]["field"] == "first_name"

    fetched = await client.get(f"/api/users/{target.user_id}", headers=admin)
    assert fetched.json()["first_name"] == "Flo"
    assert (await client.get("/api/users", headers=admin)).json()["pagination"]["total"] == 2


# --- Update -------------------------------------------------------------------------------------


async def test_update_user(client: httpx.AsyncClient, make_user: MakeUser, login: Login) -> None:
    admin = await login(Role.admin)
    target = await make_user(Role.nurse, email="nurse@clinic.test", first_name="Flo")
    before = (await client.get(f"/api/users/{target.user_id}", headers=admin)).json()

    response = await client.put(
        f"/api/users/{target.user_id}",
        headers=admin,
        json={"first_name": "Florence", "last_name": "Nightingale", "phone": "+1 (787) 555-0100"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == "User updated successfully"
    user = body["user"]
    assert set(user) == USER_FIELDS
    assert user["first_name"] == "Florence"
    assert user["last_name"] == "Nightingale"
    assert user["phone"] == "+1 (787) 555-0100"
    assert user["role"] == "nurse"
    assert user["email"] == "nurse@clinic.test"
    assert user["created_at"] == before["created_at"]
    assert datetime.fromisoformat(user["updated_at"]) > datetime.fromisoformat(before["updated_at"])
    assert (await client.get(f"/api/users/{target.user_id}", headers=admin)).json() == user

    # Only the fields sent change; a phone may be cleared with null.
    role_only = await client.put(
        f"/api/users/{target.user_id}", headers=admin, json={"role": "doctor"}
    )
    assert role_only.json()["user"]["role"] == "doctor"
    assert role_only.json()["user"]["first_name"] == "Florence"
    assert role_only.json()["user"]["phone"] == "+1 (787) 555-0100"
    cleared = await client.put(f"/api/users/{target.user_id}", headers=admin, json={"phone": None})
    assert cleared.json()["user"]["phone"] is None
    assert cleared.json()["user"]["last_name"] == "Nightingale"
    unchanged = await client.put(f"/api/users/{target.user_id}", headers=admin, json={})
    assert unchanged.status_code == 200
    assert unchanged.json()["user"]["role"] == "doctor"


INVALID_UPDATES: list[tuple[dict[str, Any], str | None]] = [
    ({"first_name": None}, "Invalid value for first_name: may not be null"),
    ({"last_name": None}, "Invalid value for last_name: may not be null"),
    ({"role": None}, "Invalid value for role: may not be null"),
    ({"is_active": None}, "Invalid value for is_active: may not be null"),
    ({"first_name": ""}, None),
    ({"role": "superuser"}, None),
    ({"is_active": "sometimes"}, None),
    ({"phone": "12"}, None),
    ({"email": "new@example.com"}, "Unknown field: email"),
    ({"password": "a new passphrase"}, "Unknown field: password"),
    ({"user_id": 7}, "Unknown field: user_id"),
    ({"created_at": "2020-01-01T00:00:00Z"}, "Unknown field: created_at"),
]


async def test_update_rejects_invalid_bodies(
    client: httpx.AsyncClient, make_user: MakeUser, login: Login
) -> None:
    admin = await login(Role.admin)
    target = await make_user(Role.nurse)
    before = (await client.get(f"/api/users/{target.user_id}", headers=admin)).json()
    for body, message in INVALID_UPDATES:
        response = await client.put(f"/api/users/{target.user_id}", headers=admin, json=body)
        assert response.status_code == 400, (body, response.text)
        assert response.json()["code"] == "invalid_request"
        if message is not None:
            assert response.json()["error"] == message
    assert (await client.get(f"/api/users/{target.user_id}", headers=admin)).json() == before


# --- The last active admin ----------------------------------------------------------------


@pytest.mark.parametrize("change", [{"role": "doctor"}, {"is_active": False}])
async def test_last_active_admin_cannot_step_down(
    client: httpx.AsyncClient, make_user: MakeUser, change: dict[str, Any]
) -> None:
    admin, headers = await sign_in(client, make_user, Role.admin)
    # An inactive admin does not count.
    await make_user(Role.admin, is_active=False)

    response = await client.put(f"/api/users/{admin.user_id}", headers=headers, json=change)
    assert response.status_code == 409
    assert response.json() == {
        "error": "Cannot demote or deactivate the last active admin",
        "code": "last_admin",
    }
    me = (await client.get(f"/api/users/{admin.user_id}", headers=headers)).json()
    assert me["role"] == "admin"
    assert me["is_active"] is True
    # Changes that keep them an active admin are fine.
    keep = await client.put(
        f"/api/users/{admin.user_id}",
        headers=headers,
        json={"role": "admin", "is_active": True, "first_name": "Still"},
    )
    assert keep.status_code == 200, keep.text


@pytest.mark.parametrize("change", [{"role": "doctor"}, {"is_active": False}])
async def test_admin_can_step_down_when_another_admin_is_active(
    client: httpx.AsyncClient, make_user: MakeUser, change: dict[str, Any]
) -> None:
    admin, headers = await sign_in(client, make_user, Role.admin)
    other, other_headers = await sign_in(client, make_user, Role.admin)

    response = await client.put(f"/api/users/{admin.user_id}", headers=headers, json=change)
    assert response.status_code == 200, response.text
    assert response.json()["user"] | change == response.json()["user"]
    # The caller's own token no longer carries admin rights (deactivation ends the session).
    after = await client.put(f"/api/users/{other.user_id}", headers=headers, json={"phone": None})
    assert after.status_code == (403 if "role" in change else 401)

    # Now the other admin is the last one.
    last = await client.put(f"/api/users/{other.user_id}", headers=other_headers, json=change)
    assert last.status_code == 409
    assert last.json()["code"] == "last_admin"
