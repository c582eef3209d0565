"""Patients over HTTP on real PostgreSQL: validation, duplicates (also racing), updates, archive
semantics, pagination, sorting, search and the role matrix."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.models import InsurancePlan, Patient
from clinichub.patients import repository
from clinichub.vocabulary import Role
from tests.kit import Login, allowed

JOHN = {
    "first_name": "John",
    "last_name": "Doe",
    "dob": "1990-05-10",
    "sex": "male",
    "email": "john.doe@email.com",
    "phone": "7871234567",
    "address": "123 Main St",
    "emergency_contact_name": "Jane Doe",
    "emergency_contact_phone": "7877654321",
}
MINIMAL = {"first_name": "Ana", "last_name": "Rivera", "dob": "1985-01-31"}
NOT_FOUND = {"error": "Patient not found", "code": "not_found"}
EMAIL_EXISTS = {"error": "Email already exists", "code": "email_exists"}


@pytest.fixture
async def admin(bearer: Login) -> dict[str, str]:
    return await bearer(Role.admin)


async def create(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> Any:
    response = await client.post("/api/patients", json={**MINIMAL, **fields}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["patient"]


async def listing(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get("/api/patients", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def instant(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp)


def assert_invalid(response: httpx.Response, field: str) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_request"
    assert field in [detail["field"] for detail in body["details"]]


# Create


async def test_create_returns_every_field(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/api/patients", json=JOHN, headers=admin)
    assert response.status_code == 201
    body = response.json()
    assert body["message"] == "Patient created successfully"
    patient = body["patient"]
    assert patient["patient_id"] >= 1
    assert {k: patient[k] for k in JOHN} == JOHN
    assert patient["created_at"].endswith("Z") and patient["updated_at"].endswith("Z")
    assert "deleted_at" not in patient and "search_text" not in patient


async def test_create_trims_text_and_lowercases_email(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    patient = await create(
        client,
        admin,
        first_name="  José ",
        last_name=" Pérez\t",
        email=" Jose.Perez@Example.COM ",
        address="  1 Calle Sol  ",
    )
    assert (patient["first_name"], patient["last_name"]) == ("José", "Pérez")
    assert patient["email"] == "jose.perez@example.com"
    assert patient["address"] == "1 Calle Sol"


async def test_optional_fields_default_to_null(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    patient = await create(client, admin)
    for field in ("sex", "email", "phone", "address", "emergency_contact_name"):
        assert patient[field] is None


@pytest.mark.parametrize("field", ["first_name", "last_name", "dob"])
async def test_each_required_field_is_required(
    client: httpx.AsyncClient, admin: dict[str, str], field: str
) -> None:
    body = {k: v for k, v in JOHN.items() if k != field}
    response = await client.post("/api/patients", json=body, headers=admin)
    assert response.status_code == 400
    assert response.json()["error"] == f"Missing required field: {field}"


@pytest.mark.parametrize("field", ["first_name", "last_name"])
@pytest.mark.parametrize("value", ["", "   ", None, "x" * 101])
async def test_names_must_be_non_blank_and_bounded(
    client: httpx.AsyncClient, admin: dict[str, str], field: str, value: str | None
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, field: value}, headers=admin)
    assert_invalid(response, field)


@pytest.mark.parametrize(
    ("field", "limit"),
    [("address", 500), ("emergency_contact_name", 200), ("first_name", 100)],
)
async def test_text_lengths_are_bounded(
    client: httpx.AsyncClient, admin: dict[str, str], field: str, limit: int
) -> None:
    await create(client, admin, **{field: "a" * limit})
    response = await client.post(
        "/api/patients", json={**MINIMAL, field: "a" * (limit + 1)}, headers=admin
    )
    assert_invalid(response, field)


@pytest.mark.parametrize("sex", ["male", "female", "other", "prefer_not_to_say", None])
async def test_each_sex_value_is_accepted(
    client: httpx.AsyncClient, admin: dict[str, str], sex: str | None
) -> None:
    patient = await create(client, admin, sex=sex)
    assert patient["sex"] == sex


@pytest.mark.parametrize("sex", ["M", "Male", "unknown", "", 1])
async def test_sex_outside_the_four_values_names_them(
    client: httpx.AsyncClient, admin: dict[str, str], sex: object
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, "sex": sex}, headers=admin)
    assert_invalid(response, "sex")
    for value in ("male", "female", "other", "prefer_not_to_say"):
        assert value in response.json()["error"]


async def test_dob_today_is_accepted_and_tomorrow_is_not(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    today = datetime.now(UTC).date()  # the test clinic's time zone is UTC
    await create(client, admin, dob=today.isoformat())
    response = await client.post(
        "/api/patients",
        json={**MINIMAL, "dob": (today + timedelta(days=1)).isoformat()},
        headers=admin,
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "Invalid value for dob: must not be in the future",
        "code": "invalid_request",
        "details": [{"field": "dob", "message": "must not be in the future"}],
    }


async def test_dob_future_is_judged_in_the_clinic_time_zone(
    settings: Settings, bearer: Login
) -> None:
    # Whenever this runs, at least one of these zones is on a different date than UTC.
    headers = await bearer(Role.receptionist)
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        app = create_app(settings.model_copy(update={"clinic_timezone": zone}))
        local_today = datetime.now(ZoneInfo(zone)).date()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            ok = await http.post(
                "/api/patients",
                json={**MINIMAL, "dob": local_today.isoformat()},
                headers=headers,
            )
            assert ok.status_code == 201, (zone, ok.text)
            late = await http.post(
                "/api/patients",
                json={**MINIMAL, "dob": (local_today + timedelta(days=1)).isoformat()},
                headers=headers,
            )
            assert late.status_code == 400, zone
        await app.state.engine.dispose()


@pytest.mark.parametrize(
    "dob",
    [
        "1899-12-31",
        "1990-02-30",
        "1990-13-01",
        "1990-5-10",
        "10/05/1990",
        "1990-05-10T00:00:00",
        "19900510",
        641_952_000,
        "",
        "yesterday",
    ],
)
async def test_dob_must_be_a_real_date_from_1900(
    client: httpx.AsyncClient, admin: dict[str, str], dob: object
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, "dob": dob}, headers=admin)
    assert_invalid(response, "dob")


async def test_dob_1900_01_01_is_the_earliest(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    assert (await create(client, admin, dob="1900-01-01"))["dob"] == "1900-01-01"


@pytest.mark.parametrize("email", ["john", "john@", "@example.com", "john doe@example.com", ""])
async def test_malformed_email_is_rejected(
    client: httpx.AsyncClient, admin: dict[str, str], email: str
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, "email": email}, headers=admin)
    assert_invalid(response, "email")


@pytest.mark.parametrize("phone", ["7871234567", "+1 (787) 123-4567", "787.123.4567", "1234567"])
async def test_valid_phones(client: httpx.AsyncClient, admin: dict[str, str], phone: str) -> None:
    patient = await create(client, admin, phone=phone, emergency_contact_phone=phone)
    assert patient["phone"] == phone == patient["emergency_contact_phone"]


@pytest.mark.parametrize(
    "phone", ["123456", "787-CALL-NOW", "+1 (787) 123-4567 ext 9", "()-+. ()-+.", "1" * 21, ""]
)
@pytest.mark.parametrize("field", ["phone", "emergency_contact_phone"])
async def test_invalid_phones(
    client: httpx.AsyncClient, admin: dict[str, str], phone: str, field: str
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, field: phone}, headers=admin)
    assert_invalid(response, field)


@pytest.mark.parametrize("field", ["patient_id", "created_at", "deleted_at", "search_text"])
async def test_unknown_or_server_fields_are_rejected(
    client: httpx.AsyncClient, admin: dict[str, str], field: str
) -> None:
    response = await client.post("/api/patients", json={**MINIMAL, field: 7}, headers=admin)
    assert response.status_code == 400
    assert response.json()["error"] == f"Unknown field: {field}"


async def test_duplicate_email_is_409_whatever_its_case(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create(client, admin, email="john.doe@email.com")
    response = await client.post(
        "/api/patients", json={**MINIMAL, "email": "John.Doe@EMAIL.com"}, headers=admin
    )
    assert response.status_code == 409
    assert response.json() == EMAIL_EXISTS


async def test_patients_without_email_do_not_collide(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create(client, admin)
    await create(client, admin, email=None)


async def test_concurrent_creates_with_one_email_give_one_201_and_one_409(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    body = {**JOHN, "email": "race@example.com"}
    responses = await asyncio.gather(
        *(client.post("/api/patients", json=body, headers=admin) for _ in range(2))
    )
    assert sorted(r.status_code for r in responses) == [201, 409]
    assert next(r for r in responses if r.status_code == 409).json() == EMAIL_EXISTS
    assert (await listing(client, admin, email="race@example.com"))["pagination"]["total"] == 1


# Get


async def test_get_returns_the_patient_object(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin, **JOHN)
    response = await client.get(f"/api/patients/{created['patient_id']}", headers=admin)
    assert response.status_code == 200
    assert response.json() == created


@pytest.mark.parametrize("patient_id", ["999999", str(2**63 - 1)])
async def test_get_unknown_is_404(
    client: httpx.AsyncClient, admin: dict[str, str], patient_id: str
) -> None:
    response = await client.get(f"/api/patients/{patient_id}", headers=admin)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize("patient_id", ["0", "-1", "abc", "1.5", str(2**63)])
async def test_malformed_id_is_400(
    client: httpx.AsyncClient, admin: dict[str, str], patient_id: str
) -> None:
    response = await client.get(f"/api/patients/{patient_id}", headers=admin)
    assert_invalid(response, "patient_id")


# Update


async def test_update_changes_only_the_fields_sent(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin, **JOHN)
    response = await client.put(
        f"/api/patients/{created['patient_id']}",
        json={"phone": "7879998888", "address": " 456 Updated St "},
        headers=admin,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Patient updated successfully"
    updated = body["patient"]
    assert updated == {
        **created,
        "phone": "7879998888",
        "address": "456 Updated St",
        "updated_at": updated["updated_at"],
        "version": created["version"] + 1,
    }
    assert instant(updated["updated_at"]) > instant(created["updated_at"])
    fetched = await client.get(f"/api/patients/{created['patient_id']}", headers=admin)
    assert fetched.json() == updated


async def test_update_with_empty_body_changes_nothing(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin, **JOHN)
    response = await client.put(f"/api/patients/{created['patient_id']}", json={}, headers=admin)
    assert response.status_code == 200
    assert response.json()["patient"] == created


async def test_update_can_clear_optional_fields(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin, **JOHN)
    cleared = dict.fromkeys(
        ["sex", "email", "phone", "address", "emergency_contact_name", "emergency_contact_phone"]
    )
    response = await client.put(
        f"/api/patients/{created['patient_id']}", json=cleared, headers=admin
    )
    assert response.status_code == 200
    assert {k: response.json()["patient"][k] for k in cleared} == cleared


@pytest.mark.parametrize("field", ["first_name", "last_name", "dob"])
@pytest.mark.parametrize("value", [None, "", "  "])
async def test_update_cannot_null_or_blank_a_required_field(
    client: httpx.AsyncClient, admin: dict[str, str], field: str, value: str | None
) -> None:
    created = await create(client, admin)
    response = await client.put(
        f"/api/patients/{created['patient_id']}", json={field: value}, headers=admin
    )
    assert_invalid(response, field)


@pytest.mark.parametrize(
    "change",
    [
        {"sex": "unknown"},
        {"email": "not-an-email"},
        {"phone": "12"},
        {"dob": "1899-12-31"},
        {"dob": "1990-02-30"},
        {"address": "a" * 501},
        {"patient_id": 5},
    ],
)
async def test_update_applies_the_create_rules(
    client: httpx.AsyncClient, admin: dict[str, str], change: dict[str, Any]
) -> None:
    created = await create(client, admin)
    response = await client.put(
        f"/api/patients/{created['patient_id']}", json=change, headers=admin
    )
    assert response.status_code == 400, response.text


async def test_update_rejects_a_future_dob(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin)
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    response = await client.put(
        f"/api/patients/{created['patient_id']}", json={"dob": tomorrow}, headers=admin
    )
    assert_invalid(response, "dob")


async def test_update_email_to_another_patients_is_409(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create(client, admin, email="taken@example.com")
    other = await create(client, admin, email="mine@example.com")
    response = await client.put(
        f"/api/patients/{other['patient_id']}", json={"email": "TAKEN@example.com"}, headers=admin
    )
    assert response.status_code == 409
    assert response.json() == EMAIL_EXISTS
    fetched = await client.get(f"/api/patients/{other['patient_id']}", headers=admin)
    assert fetched.json()["email"] == "mine@example.com"


async def test_update_email_to_its_own_in_another_case_is_fine(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await create(client, admin, email="mine@example.com")
    response = await client.put(
        f"/api/patients/{created['patient_id']}", json={"email": "MINE@example.com"}, headers=admin
    )
    assert response.status_code == 200
    assert response.json()["patient"]["email"] == "mine@example.com"


async def test_update_unknown_patient_is_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.put("/api/patients/424242", json={"phone": "7871234567"}, headers=admin)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


# Archive


async def test_delete_archives_the_patient(
    client: httpx.AsyncClient, admin: dict[str, str], app: FastAPI
) -> None:
    created = await create(client, admin, **JOHN)
    patient_id = created["patient_id"]
    plan = {"carrier_name": "Triple-S", "member_id": "M1", "plan_type": "HMO", "copay_cents": 500}
    saved = await client.post(f"/api/patients/{patient_id}/plan", json=plan, headers=admin)
    assert saved.status_code == 201

    response = await client.delete(f"/api/patients/{patient_id}", headers=admin)
    assert response.status_code == 200
    assert response.json() == {"message": "Patient deleted successfully", "patient_id": patient_id}

    # 404 everywhere from now on ...
    for method, path, body in [
        ("GET", f"/api/patients/{patient_id}", None),
        ("PUT", f"/api/patients/{patient_id}", {"phone": "7870000000"}),
        ("DELETE", f"/api/patients/{patient_id}", None),
        ("GET", f"/api/patients/{patient_id}/plan", None),
        ("GET", f"/api/patients/{patient_id}/plans", None),
        ("POST", f"/api/patients/{patient_id}/plan", plan),
    ]:
        gone = await client.request(method, path, json=body, headers=admin)
        assert (gone.status_code, gone.json()) == (404, NOT_FOUND), (method, path)
    # ... absent from lists and search ...
    assert (await listing(client, admin))["patients"] == []
    assert (await listing(client, admin, search="john"))["patients"] == []
    assert (await listing(client, admin, email=JOHN["email"]))["patients"] == []
    # ... its history intact in the database ...
    async with app.state.sessionmaker() as db:
        row = await db.get(Patient, patient_id)
        assert row is not None and row.deleted_at is not None and row.email == JOHN["email"]
        plans = (
            await db.scalars(select(InsurancePlan).where(InsurancePlan.patient_id == patient_id))
        ).all()
        assert [p.member_id for p in plans] == ["M1"]
    # ... and its email free for a new record.
    again = await create(client, admin, **JOHN)
    assert again["patient_id"] != patient_id


async def test_delete_unknown_patient_is_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.delete("/api/patients/31337", headers=admin)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


# Pagination


async def test_empty_list(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    assert await listing(client, admin) == {
        "patients": [],
        "pagination": {
            "total": 0,
            "pages": 0,
            "page": 1,
            "per_page": 10,
            "has_next": False,
            "has_prev": False,
        },
    }


async def create_many(client: httpx.AsyncClient, headers: dict[str, str], count: int) -> None:
    for n in range(count):
        await create(client, headers, last_name=f"Last{n:03d}")


async def test_exactly_one_page(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    await create_many(client, admin, 10)
    body = await listing(client, admin)
    assert len(body["patients"]) == 10
    assert body["pagination"] == {
        "total": 10,
        "pages": 1,
        "page": 1,
        "per_page": 10,
        "has_next": False,
        "has_prev": False,
    }


async def test_first_middle_last_and_past_the_end_pages(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create_many(client, admin, 25)
    expected = {1: (10, True, False), 2: (10, True, True), 3: (5, False, True), 4: (0, False, True)}
    seen: list[str] = []
    for page, (size, has_next, has_prev) in expected.items():
        body = await listing(client, admin, page=page)
        assert len(body["patients"]) == size
        assert body["pagination"] == {
            "total": 25,
            "pages": 3,
            "page": page,
            "per_page": 10,
            "has_next": has_next,
            "has_prev": has_prev,
        }
        seen += [p["last_name"] for p in body["patients"]]
    assert seen == [f"Last{n:03d}" for n in range(25)]


async def test_per_page_is_capped_at_100(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    await create_many(client, admin, 101)
    body = await listing(client, admin, per_page=500)
    assert len(body["patients"]) == 100
    assert body["pagination"] == {
        "total": 101,
        "pages": 2,
        "page": 1,
        "per_page": 100,
        "has_next": True,
        "has_prev": False,
    }


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": "x"},
        {"per_page": 0},
        {"per_page": -5},
        {"sort_by": "password"},
        {"sort_by": "search_text"},
        {"order": "up"},
        {"dob": "1990-5-10"},
        {"dob": "1990-02-30"},
        {"email": "nobody"},
        {"search": "x" * 201},
    ],
)
async def test_malformed_list_parameters_are_400(
    client: httpx.AsyncClient, admin: dict[str, str], params: dict[str, Any]
) -> None:
    response = await client.get("/api/patients", params=params, headers=admin)
    assert_invalid(response, next(iter(params)))


async def test_total_is_an_estimate_beyond_the_exact_limit(
    client: httpx.AsyncClient, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "EXACT_COUNT_LIMIT", 4)
    await create_many(client, admin, 12)
    first = (await listing(client, admin, per_page=2))["pagination"]
    # The planner's estimate for a tiny, fresh table is anything; but never below the limit,
    # and there is more to read.
    assert first["total"] >= 5 and first["has_next"]
    # The page where the list ends knows the exact total.
    last = (await listing(client, admin, per_page=5, page=3))["pagination"]
    assert (last["total"], last["pages"], last["has_next"]) == (12, 3, False)
    # Filtered lists under the limit stay exact.
    assert (await listing(client, admin, search="last01", per_page=1))["pagination"]["total"] == 2


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("walk_limit", [1000, 4])
async def test_broad_searches_page_and_sort_correctly(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    walk_limit: int,
    order: str,
) -> None:
    # More matches than the exact limit: the first page is read along the sort index with an
    # estimated total (a walk through 1000 patients finds it), or every match is gathered and
    # counted when the walk gives up (4 patients hold fewer than a page and one more).
    monkeypatch.setattr(repository, "EXACT_COUNT_LIMIT", 3)
    monkeypatch.setattr(repository, "WALK_LIMIT", walk_limit)
    for n in (5, 1, 4, 2, 6, 3):
        await create(client, admin, first_name=f"Match{n}", last_name=f"Zed{n}")
    for n in range(3):  # first in ascending order, and no match
        await create(client, admin, first_name="Other", last_name=f"Aaron{n}")
    pages = [
        await listing(client, admin, search="match", per_page=4, page=page, order=order)
        for page in (1, 2)
    ]
    names = [p["first_name"] for body in pages for p in body["patients"]]
    assert names == sorted(names, reverse=order == "desc")
    assert sorted(names) == [f"Match{n}" for n in range(1, 7)]
    first, last = pages[0]["pagination"], pages[1]["pagination"]
    assert first["has_next"] and not last["has_next"]
    assert last["total"] == 6
    if walk_limit == 4:
        assert first["total"] == 6
    else:
        assert first["total"] >= 5


@pytest.mark.parametrize(
    "sort_by", ["patient_id", "first_name", "last_name", "dob", "email", "created_at"]
)
@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_a_broad_search_walks_each_sort_key_in_both_orders(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    sort_by: str,
    order: str,
) -> None:
    for first, last, dob, email in SORT_FIXTURE:
        await create(client, admin, first_name=first, last_name=last, dob=dob, email=email)
    await create(client, admin, first_name="Eve", last_name="Holt")  # no "a"
    gathered = await listing(client, admin, search="a", sort_by=sort_by, order=order)
    # Every search is broad now: its pages are read along the sort index, from the first three
    # patients in the order; the pages they do not hold, and the last, are gathered.
    monkeypatch.setattr(repository, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(repository, "WALK_LIMIT", 3)
    pages = [
        await listing(client, admin, search="a", sort_by=sort_by, order=order, per_page=1, page=n)
        for n in range(1, 5)
    ]
    walked = [p["patient_id"] for body in pages for p in body["patients"]]
    assert walked == [p["patient_id"] for p in gathered["patients"]]
    assert [body["pagination"]["has_next"] for body in pages] == [True, True, True, False]
    assert pages[-1]["pagination"]["total"] == 4


async def test_description_states_the_exact_count_limit(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    description = document["paths"]["/api/patients"]["get"]["description"]
    assert f"{repository.EXACT_COUNT_LIMIT:,}" in description


# Sorting and filters


SORT_FIXTURE = [
    # first, last, dob, email
    ("Carla", "Baker", "1970-03-03", "b@example.com"),
    ("Adam", "Cole", "1990-01-01", None),
    ("Bruno", "Adams", "1980-02-02", "c@example.com"),
    ("Dana", "Diaz", "1960-04-04", "a@example.com"),
]


@pytest.mark.parametrize(
    "sort_by", ["patient_id", "first_name", "last_name", "dob", "email", "created_at"]
)
@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_each_sort_key_in_both_orders(
    client: httpx.AsyncClient, admin: dict[str, str], sort_by: str, order: str
) -> None:
    for first, last, dob, email in SORT_FIXTURE:
        await create(client, admin, first_name=first, last_name=last, dob=dob, email=email)
    created = (await listing(client, admin, sort_by="patient_id"))["patients"]

    def key(patient: dict[str, Any]) -> tuple[bool, Any]:
        value = instant(patient[sort_by]) if sort_by == "created_at" else patient[sort_by]
        # PostgreSQL puts nulls last in ascending order, first in descending order.
        return (value is None, value or "")

    expected = sorted(created, key=key, reverse=order == "desc")
    body = await listing(client, admin, sort_by=sort_by, order=order)
    assert [p["patient_id"] for p in body["patients"]] == [p["patient_id"] for p in expected]


async def test_default_sort_is_last_name_then_patient_id(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    for first, last in [("B", "Smith"), ("A", "Jones"), ("C", "Smith"), ("D", "Smith")]:
        await create(client, admin, first_name=first, last_name=last)
    body = await listing(client, admin)
    assert [p["first_name"] for p in body["patients"]] == ["A", "B", "C", "D"]
    descending = await listing(client, admin, order="desc")
    assert [p["first_name"] for p in descending["patients"]] == ["D", "C", "B", "A"]


async def test_filter_by_exact_dob_and_email(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create(client, admin, first_name="One", dob="1990-05-10", email="one@example.com")
    await create(client, admin, first_name="Two", dob="1990-05-10", email="two@example.com")
    await create(client, admin, first_name="Three", dob="1990-05-11")

    def names(body: Any) -> list[str]:
        return sorted(p["first_name"] for p in body["patients"])

    assert names(await listing(client, admin, dob="1990-05-10")) == ["One", "Two"]
    assert names(await listing(client, admin, email="TWO@example.com")) == ["Two"]
    assert names(await listing(client, admin, dob="1990-05-11", email="two@example.com")) == []


# Search


@pytest.fixture
async def people(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    for first, last, email, phone in [
        ("John", "Anderson", "ja@example.com", "7871112222"),
        ("Anderson", "John", "aj@example.com", None),
        ("John", "Smith", "smithy@example.com", "939 555 0101"),
        ("José", "García", "jgarcia@example.com", None),
        ("Jose", "Garcia", None, None),
        ("Ann%", "Percent", "ann_percent@example.com", None),
        ("Anne", "Underscore", "annxpercent@example.com", None),
    ]:
        await create(client, admin, first_name=first, last_name=last, email=email, phone=phone)


async def search(client: httpx.AsyncClient, headers: dict[str, str], terms: str) -> list[str]:
    body = await listing(client, headers, search=terms, per_page=100)
    assert body["pagination"]["total"] == len(body["patients"])
    return sorted(f"{p['first_name']} {p['last_name']}" for p in body["patients"])


@pytest.mark.usefixtures("people")
async def test_search_terms_all_match_in_any_order(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    both = ["Anderson John", "John Anderson"]
    assert await search(client, admin, "john anderson") == both
    assert await search(client, admin, "anderson john") == both
    assert await search(client, admin, "  anderson   john ") == both
    assert await search(client, admin, "john smi") == ["John Smith"]
    assert await search(client, admin, "john nobody") == []


@pytest.mark.usefixtures("people")
async def test_search_ignores_case(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    assert await search(client, admin, "JOHN ANDERSON") == ["Anderson John", "John Anderson"]
    assert await search(client, admin, "sMiTh") == ["John Smith"]


@pytest.mark.usefixtures("people")
async def test_search_ignores_accents_both_ways(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    garcias = ["Jose Garcia", "José García"]
    assert await search(client, admin, "jose garcia") == garcias
    assert await search(client, admin, "JOSÉ GARCÍA") == garcias
    assert await search(client, admin, "garcí") == garcias


@pytest.mark.usefixtures("people")
async def test_search_matches_email_and_phone(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    assert await search(client, admin, "smithy@") == ["John Smith"]
    assert await search(client, admin, "1112222") == ["John Anderson"]
    assert await search(client, admin, "555") == ["John Smith"]
    assert await search(client, admin, "john 7871112") == ["John Anderson"]


@pytest.mark.usefixtures("people")
async def test_search_wildcards_are_literal(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    assert await search(client, admin, "ann%") == ["Ann% Percent"]
    assert await search(client, admin, "%") == ["Ann% Percent"]
    assert await search(client, admin, "ann_") == ["Ann% Percent"]
    assert await search(client, admin, "_") == ["Ann% Percent"]
    assert await search(client, admin, "\\") == []


async def test_search_combines_with_filters_and_sorting(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await create(client, admin, first_name="Zed", last_name="Adams", dob="1990-01-01")
    await create(client, admin, first_name="Amy", last_name="Adams", dob="1991-01-01")
    await create(client, admin, first_name="Amy", last_name="Brown", dob="1990-01-01")
    body = await listing(client, admin, search="adams", sort_by="first_name", order="desc")
    assert [p["first_name"] for p in body["patients"]] == ["Zed", "Amy"]
    body = await listing(client, admin, search="amy", dob="1990-01-01")
    assert [p["last_name"] for p in body["patients"]] == ["Brown"]


# Roles: every endpoint, without a token and with each role


ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, set[Role]]] = [
    ("GET", "/api/patients", None, allowed("patients_list")),
    ("POST", "/api/patients", MINIMAL, allowed("patients_create")),
    ("GET", "/api/patients/{id}", None, allowed("patients_get")),
    ("PUT", "/api/patients/{id}", {"phone": "7870000000"}, allowed("patients_update")),
    ("DELETE", "/api/patients/{id}", None, allowed("patients_delete")),
    ("GET", "/api/patients/{id}/plan", None, allowed("patients_get_plan")),
    (
        "POST",
        "/api/patients/{id}/plan",
        {"carrier_name": "MCS", "member_id": "1", "plan_type": "self_pay"},
        allowed("patients_save_plan"),
    ),
    ("GET", "/api/patients/{id}/plans", None, allowed("patients_list_plans")),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"),
    ENDPOINTS,
    ids=[f"{method} {path}" for method, path, _, _ in ENDPOINTS],
)
async def test_role_matrix(
    client: httpx.AsyncClient,
    bearer: Login,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    allowed: set[Role],
) -> None:
    headers = {role: await bearer(role) for role in Role}
    url = path.format(id=(await create(client, headers[Role.admin]))["patient_id"])

    anonymous = await client.request(method, url, json=body)
    assert anonymous.status_code == 401
    assert anonymous.json()["error"] == "Authorization token is missing"
    assert anonymous.headers["www-authenticate"] == "Bearer"
    bad_token = await client.request(
        method, url, json=body, headers={"Authorization": "Bearer not-a-token"}
    )
    assert bad_token.status_code == 401

    for role in Role:
        if role not in allowed:
            denied = await client.request(method, url, json=body, headers=headers[role])
            assert denied.status_code == 403, role
            assert denied.json()["code"] == "forbidden"
            # The role is checked before the body: a wrong role learns nothing about validation.
            if body is not None:
                invalid = await client.request(method, url, json={"x": 1}, headers=headers[role])
                assert invalid.status_code == 403, role
    # Allowed roles last, since DELETE archives the patient.
    for role in sorted(allowed, key=lambda r: r != Role.admin):
        ok = await client.request(method, url, json=body, headers=headers[role])
        assert ok.status_code in {200, 201}, (role, ok.text)
        if method == "DELETE":
            break


async def test_openapi_documents_every_patient_operation(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    operations = {
        operation["operationId"]: operation
        for path, item in document["paths"].items()
        if path.startswith("/api/patients")
        for operation in item.values()
        if operation["tags"] != ["documents"]  # a patient's documents: tests/test_documents.py
    }
    assert set(operations) == {
        "patients_list",
        "patients_create",
        "patients_get",
        "patients_update",
        "patients_delete",
        "patients_get_plan",
        "patients_save_plan",
        "patients_list_plans",
        "patients_access_log",
    }
    for operation_id, operation in operations.items():
        assert operation["tags"] == ["patients"], operation_id
        assert operation["summary"] and operation["description"], operation_id
        assert {"400", "401"} <= set(operation["responses"]), operation_id
        assert "422" not in operation["responses"], operation_id
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, operation_id
    assert "403" in operations["patients_update"]["responses"]
    assert "409" in operations["patients_create"]["responses"]
    schemas = document["components"]["schemas"]
    assert schemas["Sex"]["enum"] == ["male", "female", "other", "prefer_not_to_say"]
    assert "PatientSortKey" in schemas and "PlanType" in schemas
    assert {tag["name"] for tag in document["tags"]} >= {"patients"}
