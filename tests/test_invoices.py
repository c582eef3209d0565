"""Billing over HTTP on real PostgreSQL: charges of completed visits, invoices and their
insurance split, payments, the daily revenue report, and who may do what."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from clinichub.app import create_app
from clinichub.config import Settings
from clinichub.models import Invoice
from clinichub.vocabulary import Role
from tests.kit import FIRST_VISIT, Clinic, Login, allowed, statements_on

Json = dict[str, Any]


async def _post_invoice(desk: Clinic, body: Json) -> httpx.Response:
    return await desk.client.post("/api/invoices", json=body, headers=desk.headers)


# --- The original README's workflow -----------------------------------------------------------


async def test_full_workflow(desk: Clinic) -> None:
    patient_id = await desk.patient()
    appointment_id = await desk.appointment(patient_id, reason="General checkup")
    cpt_id = await desk.complete(appointment_id)

    created = await desk.call("POST", "/api/invoices", 201, json={"appointment_id": appointment_id})
    assert created["message"] == "Invoice created successfully"
    invoice = created["invoice"]
    assert invoice["appointment_id"] == appointment_id
    assert invoice["patient_id"] == patient_id
    assert invoice["cpt_id"] == cpt_id
    assert invoice["status"] == "unpaid"
    assert invoice["paid_at"] is None
    assert invoice["issued_at"].endswith("Z")
    assert invoice["plan"] is None
    assert invoice["currency"] == "USD"
    assert invoice["lines"] == [
        {
            "cpt_record_id": cpt_id,
            "code": "99213",
            "description": "Office or outpatient visit, established patient, low complexity",
            "quantity": 1,
            "unit_price_cents": 15000,
            "amount_cents": 15000,
            "modifier": None,
        }
    ]
    assert (invoice["total_cents"], invoice["patient_due_cents"]) == (15000, 15000)
    assert invoice["insurance_due_cents"] == 0

    paid = await desk.pay(invoice["invoice_id"])
    assert paid["status"] == "paid"
    assert paid["paid_at"].endswith("Z")
    unpaid = await desk.pay(invoice["invoice_id"], "unpaid")
    assert unpaid["status"] == "unpaid"
    assert unpaid["paid_at"] is None

    fetched = await desk.call("GET", f"/api/invoices/{invoice['invoice_id']}")
    assert fetched == unpaid


async def test_planned_code_and_telehealth_modifier(desk: Clinic) -> None:
    appointment_id, cpt_id = await desk.visit(cpt_code="99214", visit_type="telehealth")
    charges = await desk.call("GET", f"/api/appointments/{appointment_id}/charges")
    [charge] = charges["charges"]
    assert charge["cpt_record_id"] == cpt_id
    assert (charge["cpt_code"], charge["modifier"]) == ("99214", "95")
    assert (charge["unit_price_cents"], charge["amount_cents"]) == (20000, 20000)
    assert charge["status"] == "pending"
    invoice = await desk.invoice(appointment_id)
    assert invoice["lines"][0]["modifier"] == "95"


async def test_service_date_is_the_visit_day(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    [charge] = (await desk.call("GET", f"/api/appointments/{appointment_id}/charges"))["charges"]
    assert charge["service_date"] == FIRST_VISIT.date().isoformat()


# --- Charges ----------------------------------------------------------------------------------


async def test_extra_charges_are_invoiced(desk: Clinic) -> None:
    appointment_id, cpt_id = await desk.visit()
    lab = await desk.charge(appointment_id, "85025")
    vaccine = await desk.charge(appointment_id, "90471", quantity=2)
    assert (lab["unit_price_cents"], lab["amount_cents"], lab["modifier"]) == (3500, 3500, None)
    assert (vaccine["quantity"], vaccine["amount_cents"]) == (2, 6000)

    invoice = await desk.invoice(appointment_id)
    assert [line["code"] for line in invoice["lines"]] == ["99213", "85025", "90471"]
    assert invoice["cpt_id"] == cpt_id
    assert invoice["total_cents"] == 15000 + 3500 + 6000
    assert invoice["total_cents"] == sum(line["amount_cents"] for line in invoice["lines"])
    records = await desk.call("GET", "/api/cpt_records", params={"appointment_id": appointment_id})
    assert {r["status"] for r in records["cpt_records"]} == {"invoiced"}


async def test_charges_only_on_completed_uninvoiced_visits(desk: Clinic) -> None:
    pending = await desk.appointment(await desk.patient())
    response = await desk.client.post(
        f"/api/appointments/{pending}/charges", json={"cpt_code": "85025"}, headers=desk.headers
    )
    assert response.status_code == 409
    appointment_id, cpt_id = await desk.visit()
    await desk.invoice(appointment_id)
    late = await desk.client.post(
        f"/api/appointments/{appointment_id}/charges",
        json={"cpt_code": "85025"},
        headers=desk.headers,
    )
    assert late.status_code == 409
    assert late.json()["code"] == "already_invoiced"
    deleted = await desk.client.delete(f"/api/cpt_records/{cpt_id}", headers=desk.headers)
    assert deleted.status_code == 409
    missing = await desk.client.post(
        "/api/appointments/999999/charges", json={"cpt_code": "85025"}, headers=desk.headers
    )
    assert missing.status_code == 404
    assert missing.json()["error"] == "Appointment not found"


@pytest.mark.parametrize(
    "body",
    [
        {"cpt_code": "12345"},
        {"cpt_code": "90715"},  # deactivated below
        {"cpt_code": "8502"},
        {"cpt_code": "85025", "quantity": 0},
        {"cpt_code": "85025", "quantity": 1.5},
        {"cpt_code": "85025", "unit_price_cents": 1},
        {},
    ],
)
async def test_invalid_charge(desk: Clinic, body: Json) -> None:
    await desk.call("PUT", "/api/cpt_codes/90715", json={"is_active": False})
    appointment_id, _ = await desk.visit()
    response = await desk.client.post(
        f"/api/appointments/{appointment_id}/charges", json=body, headers=desk.headers
    )
    assert response.status_code == 400, response.text


async def test_delete_charge_before_invoicing(desk: Clinic) -> None:
    appointment_id, cpt_id = await desk.visit()
    lab = await desk.charge(appointment_id, "80053")
    deleted = await desk.call("DELETE", f"/api/cpt_records/{lab['cpt_record_id']}")
    assert deleted == {
        "message": "Charge deleted successfully",
        "cpt_record_id": lab["cpt_record_id"],
    }
    charges = await desk.call("GET", f"/api/appointments/{appointment_id}/charges")
    assert [c["cpt_record_id"] for c in charges["charges"]] == [cpt_id]
    again = await desk.client.delete(
        f"/api/cpt_records/{lab['cpt_record_id']}", headers=desk.headers
    )
    assert again.status_code == 404
    assert again.json()["error"] == "CPT record not found"


async def test_concurrent_deletes_of_one_charge(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    lab = await desk.charge(appointment_id, "80053")
    url = f"/api/cpt_records/{lab['cpt_record_id']}"
    responses = await asyncio.gather(
        *(desk.client.delete(url, headers=desk.headers) for _ in range(2))
    )
    assert sorted(r.status_code for r in responses) == [200, 404]


async def test_cpt_record_filters(desk: Clinic) -> None:
    patient_id = await desk.patient()
    first, _ = await desk.visit(patient_id)
    await desk.charge(first, "36415")
    second, _ = await desk.visit(patient_id)
    await desk.visit()
    mine = await desk.call("GET", "/api/cpt_records", params={"patient_id": patient_id})
    assert mine["pagination"]["total"] == 3
    assert {r["patient_id"] for r in mine["cpt_records"]} == {patient_id}
    ids = [r["cpt_record_id"] for r in mine["cpt_records"]]
    assert ids == sorted(ids, reverse=True)
    one = await desk.call("GET", "/api/cpt_records", params={"appointment_id": second})
    assert [r["appointment_id"] for r in one["cpt_records"]] == [second]
    everything = await desk.call("GET", "/api/cpt_records")
    assert everything["pagination"]["total"] == 4
    bad = await desk.client.get(
        "/api/cpt_records", params={"patient_id": "x"}, headers=desk.headers
    )
    assert bad.status_code == 400
    unknown = await desk.client.get("/api/appointments/999999/charges", headers=desk.headers)
    assert unknown.status_code == 404


# --- Amounts ----------------------------------------------------------------------------------


async def test_insurance_pays_all_but_the_copay(desk: Clinic) -> None:
    patient_id = await desk.patient({"plan_type": "PPO", "copay_cents": 2500})
    appointment_id, _ = await desk.visit(patient_id)
    await desk.charge(appointment_id, "80053")
    invoice = await desk.invoice(appointment_id)
    assert invoice["total_cents"] == 19500
    assert (invoice["patient_due_cents"], invoice["insurance_due_cents"]) == (2500, 17000)
    plan = invoice["plan"]
    assert plan["plan_id"] > 0
    assert plan == {
        "plan_id": plan["plan_id"],
        "carrier_name": "Acme Health",
        "member_id": "M-1001",
        "plan_type": "PPO",
        "copay_cents": 2500,
    }


async def test_copay_larger_than_total(desk: Clinic) -> None:
    patient_id = await desk.patient({"plan_type": "HMO", "copay_cents": 20000})
    appointment_id, _ = await desk.visit(patient_id)
    invoice = await desk.invoice(appointment_id)
    assert invoice["total_cents"] == 15000
    assert (invoice["patient_due_cents"], invoice["insurance_due_cents"]) == (15000, 0)


async def test_self_pay_owes_the_total(desk: Clinic) -> None:
    patient_id = await desk.patient({"plan_type": "self_pay"})
    appointment_id, _ = await desk.visit(patient_id)
    invoice = await desk.invoice(appointment_id)
    assert (invoice["patient_due_cents"], invoice["insurance_due_cents"]) == (15000, 0)
    assert invoice["plan"]["plan_type"] == "self_pay"
    assert invoice["plan"]["copay_cents"] is None


async def test_price_change_does_not_alter_an_invoice(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    invoice = await desk.invoice(appointment_id)
    await desk.call("PUT", "/api/cpt_codes/99213", json={"price_cents": 99900})
    after = await desk.call("GET", f"/api/invoices/{invoice['invoice_id']}")
    assert after == invoice
    assert after["lines"][0]["unit_price_cents"] == 15000
    # Charges made from now on take the new price.
    later, _ = await desk.visit()
    assert (await desk.invoice(later))["total_cents"] == 99900


async def test_price_change_does_not_alter_a_charge(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    await desk.call("PUT", "/api/cpt_codes/99213", json={"price_cents": 17000})
    invoice = await desk.invoice(appointment_id)
    assert invoice["total_cents"] == 15000


async def test_plan_change_does_not_alter_an_invoice(desk: Clinic) -> None:
    patient_id = await desk.patient({"plan_type": "PPO", "copay_cents": 2500})
    appointment_id, _ = await desk.visit(patient_id)
    invoice = await desk.invoice(appointment_id)
    await desk.save_plan(patient_id, {"plan_type": "HMO", "copay_cents": 4000, "member_id": "N-2"})
    after = await desk.call("GET", f"/api/invoices/{invoice['invoice_id']}")
    assert after == invoice
    assert after["plan"]["member_id"] == "M-1001"
    assert after["patient_due_cents"] == 2500


# --- Errors -----------------------------------------------------------------------------------


async def test_errors_in_order(desk: Clinic) -> None:
    missing = await _post_invoice(desk, {})
    assert missing.status_code == 400
    assert missing.json()["error"] == "Missing required field: appointment_id"

    unknown = await _post_invoice(desk, {"appointment_id": 999999})
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "Appointment not found"

    scheduled = await desk.appointment(await desk.patient())
    pending = await _post_invoice(desk, {"appointment_id": scheduled})
    # A 409, as when charges are changed on a visit not completed: the same code, one status.
    assert pending.status_code == 409
    assert pending.json()["code"] == "appointment_not_completed"
    assert pending.json()["error"] == "Appointment must be completed"

    appointment_id, cpt_id = await desk.visit()
    await desk.call("DELETE", f"/api/cpt_records/{cpt_id}")
    no_charge = await _post_invoice(desk, {"appointment_id": appointment_id})
    assert no_charge.status_code == 400
    assert no_charge.json()["error"] == "No CPT record for appointment"

    await desk.charge(appointment_id, "99215")
    invoice = await desk.invoice(appointment_id)
    assert invoice["lines"][0]["code"] == "99215"
    duplicate = await _post_invoice(desk, {"appointment_id": appointment_id})
    assert duplicate.status_code == 409
    assert duplicate.json() == {"error": "Invoice already exists", "code": "invoice_exists"}


@pytest.mark.parametrize(
    "body", [{"appointment_id": "one"}, {"appointment_id": 0}, {"appointment_id": 1, "x": 1}]
)
async def test_malformed_create(desk: Clinic, body: Json) -> None:
    assert (await _post_invoice(desk, body)).status_code == 400


async def test_two_concurrent_creates(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    responses = await asyncio.gather(
        *(_post_invoice(desk, {"appointment_id": appointment_id}) for _ in range(2))
    )
    assert sorted(r.status_code for r in responses) == [201, 409]
    conflict = next(r for r in responses if r.status_code == 409)
    assert conflict.json()["error"] == "Invoice already exists"
    listed = await desk.call("GET", "/api/invoices", params={"appointment_id": appointment_id})
    assert listed["pagination"]["total"] == 1


async def test_many_concurrent_creates(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    responses = await asyncio.gather(
        *(_post_invoice(desk, {"appointment_id": appointment_id}) for _ in range(8))
    )
    assert sorted(r.status_code for r in responses) == [201] + [409] * 7


# --- Payments ---------------------------------------------------------------------------------


async def test_paid_at_semantics(desk: Clinic, app: FastAPI) -> None:
    appointment_id, _ = await desk.visit()
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    before = datetime.now(UTC)
    first = await desk.pay(invoice_id)
    paid_at = datetime.fromisoformat(first["paid_at"])
    assert before - timedelta(seconds=1) <= paid_at <= datetime.now(UTC) + timedelta(seconds=1)

    # Paying again keeps the original time (moved back here so that a change would show).
    await _set_paid_at(app, invoice_id, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    again = await desk.pay(invoice_id)
    assert again["paid_at"] == "2026-01-02T03:04:05Z"

    cleared = await desk.pay(invoice_id, "unpaid")
    assert cleared["paid_at"] is None
    repaid = await desk.pay(invoice_id)
    assert datetime.fromisoformat(repaid["paid_at"]) >= before


@pytest.mark.parametrize("status", ["void", "PAID", "", 1, None])
async def test_invalid_status(desk: Clinic, status: Any) -> None:
    appointment_id, _ = await desk.visit()
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    response = await desk.client.put(
        f"/api/invoices/{invoice_id}", json={"status": status}, headers=desk.headers
    )
    assert response.status_code == 400
    if isinstance(status, str):
        assert response.json()["error"] == "Invalid status"


async def test_update_errors(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    missing = await desk.client.put(f"/api/invoices/{invoice_id}", json={}, headers=desk.headers)
    assert missing.status_code == 400
    assert missing.json()["error"] == "Missing required field: status"
    extra = await desk.client.put(
        f"/api/invoices/{invoice_id}",
        json={"status": "paid", "total_cents": 1},
        headers=desk.headers,
    )
    assert extra.status_code == 400
    unknown = await desk.client.put(
        "/api/invoices/999999", json={"status": "paid"}, headers=desk.headers
    )
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "Invoice not found"
    got = await desk.client.get("/api/invoices/999999", headers=desk.headers)
    assert got.status_code == 404


# --- List -------------------------------------------------------------------------------------


async def _set_paid_at(app: FastAPI, invoice_id: int, paid_at: datetime) -> None:
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(Invoice).where(Invoice.invoice_id == invoice_id).values(paid_at=paid_at)
        )


async def _set_issued_at(app: FastAPI, invoice_id: int, issued_at: datetime) -> None:
    async with app.state.sessionmaker() as db, db.begin():
        await db.execute(
            update(Invoice).where(Invoice.invoice_id == invoice_id).values(issued_at=issued_at)
        )


async def _ids(desk: Clinic, **params: Any) -> list[int]:
    body = await desk.call("GET", "/api/invoices", params=params)
    return [invoice["invoice_id"] for invoice in body["invoices"]]


async def test_list_filters_and_sorting(desk: Clinic, app: FastAPI) -> None:
    patient_id = await desk.patient()
    ids = []
    for hours, extra in [(0, None), (1, "85025"), (2, None)]:
        appointment_id, _ = await desk.visit(patient_id if hours != 2 else None)
        if extra:
            await desk.charge(appointment_id, extra)
        invoice = await desk.invoice(appointment_id)
        await _set_issued_at(
            app, invoice["invoice_id"], datetime(2026, 4, 14, 10 + hours, tzinfo=UTC)
        )
        ids.append(invoice["invoice_id"])
    first, second, third = ids
    await desk.pay(second)

    assert await _ids(desk) == [third, second, first]
    assert await _ids(desk, order="asc") == [first, second, third]
    assert await _ids(desk, sort_by="total_cents") == [second, third, first]
    assert await _ids(desk, sort_by="total_cents", order="asc") == [first, third, second]
    assert await _ids(desk, sort_by="invoice_id", order="asc") == [first, second, third]
    assert await _ids(desk, status="paid") == [second]
    assert await _ids(desk, status="unpaid") == [third, first]
    assert await _ids(desk, patient_id=patient_id) == [second, first]
    appointment = (await desk.call("GET", f"/api/invoices/{third}"))["appointment_id"]
    assert await _ids(desk, appointment_id=appointment) == [third]
    assert await _ids(desk, issued_from="2026-04-14T11:00:00Z") == [third, second]
    assert await _ids(desk, issued_to="2026-04-14T11:00:00Z") == [first]
    assert await _ids(desk, issued_from="2026-04-14", issued_to="2026-04-14") == [
        third,
        second,
        first,
    ]
    assert await _ids(desk, issued_from="2026-04-15") == []

    page = await desk.call("GET", "/api/invoices", params={"per_page": 2, "page": 2})
    assert [i["invoice_id"] for i in page["invoices"]] == [first]
    assert page["pagination"] == {
        "total": 3,
        "pages": 2,
        "page": 2,
        "per_page": 2,
        "has_next": False,
        "has_prev": True,
    }
    assert len(page["invoices"][0]["lines"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"sort_by": "patient_id"},
        {"order": "up"},
        {"status": "void"},
        {"issued_from": "yesterday"},
        {"issued_to": "2026-13-01"},
        {"patient_id": 0},
    ],
)
async def test_list_rejects_bad_parameters(desk: Clinic, params: Json) -> None:
    response = await desk.client.get("/api/invoices", params=params, headers=desk.headers)
    assert response.status_code == 400, response.text


async def test_list_queries_do_not_grow_with_the_page(desk: Clinic, app: FastAPI) -> None:
    async def queries_for_list() -> int:
        with statements_on(app) as statements:
            await desk.call("GET", "/api/invoices", params={"per_page": 100})
        return len(statements)

    appointment_id, _ = await desk.visit()
    await desk.invoice(appointment_id)
    one = await queries_for_list()
    for _ in range(4):
        appointment_id, _ = await desk.visit()
        await desk.charge(appointment_id, "36415")
        await desk.invoice(appointment_id)
    assert await queries_for_list() == one


# --- Daily revenue ----------------------------------------------------------------------------


@pytest.fixture
async def puerto_rico_client(
    settings: Settings, client: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """The same database served by an app whose clinic is in Puerto Rico (UTC-4, no DST)."""
    app = create_app(settings.model_copy(update={"clinic_timezone": "America/Puerto_Rico"}))
    assert app.state.settings.timezone.key == "America/Puerto_Rico"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await app.state.engine.dispose()


async def test_daily_revenue_across_the_clinic_day_boundary(
    desk: Clinic, app: FastAPI, puerto_rico_client: httpx.AsyncClient
) -> None:
    insured = await desk.patient({"plan_type": "PPO", "copay_cents": 2500})
    paid_at = [
        datetime(2026, 4, 14, 3, 59, tzinfo=UTC),  # 13 Apr 23:59 in Puerto Rico
        datetime(2026, 4, 14, 4, 0, tzinfo=UTC),  # 14 Apr 00:00 in Puerto Rico
        datetime(2026, 4, 15, 3, 59, tzinfo=UTC),  # 14 Apr 23:59 in Puerto Rico
        datetime(2026, 4, 15, 4, 0, tzinfo=UTC),  # 15 Apr 00:00 in Puerto Rico
    ]
    for moment in paid_at:
        appointment_id, _ = await desk.visit(insured)
        if moment == paid_at[0]:
            await desk.charge(appointment_id, "85025")
        invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
        await desk.pay(invoice_id)
        await _set_paid_at(app, invoice_id, moment)
    # Issued and never paid: not revenue.
    unpaid, _ = await desk.visit()
    await desk.invoice(unpaid)

    local = await puerto_rico_client.get(
        "/api/reports/daily-revenue", params={"date": "2026-04-14"}, headers=desk.headers
    )
    assert local.status_code == 200, local.text
    assert local.json() == {
        "date": "2026-04-14",
        "currency": "USD",
        "invoices_paid": 2,
        "billed_cents": 30000,
        "patient_collected_cents": 5000,
        "insurance_receivable_cents": 25000,
    }
    utc = await desk.call("GET", "/api/reports/daily-revenue", params={"date": "2026-04-14"})
    # In UTC the day holds the first two payments instead.
    assert utc == {
        "date": "2026-04-14",
        "currency": "USD",
        "invoices_paid": 2,
        "billed_cents": 33500,
        "patient_collected_cents": 5000,
        "insurance_receivable_cents": 28500,
    }


async def test_daily_revenue_of_an_empty_day(desk: Clinic) -> None:
    body = await desk.call("GET", "/api/reports/daily-revenue", params={"date": "2026-01-01"})
    assert body == {
        "date": "2026-01-01",
        "currency": "USD",
        "invoices_paid": 0,
        "billed_cents": 0,
        "patient_collected_cents": 0,
        "insurance_receivable_cents": 0,
    }


async def test_unpaying_removes_revenue(desk: Clinic) -> None:
    appointment_id, _ = await desk.visit()
    invoice_id = (await desk.invoice(appointment_id))["invoice_id"]
    today = (await desk.pay(invoice_id))["paid_at"][:10]
    report = await desk.call("GET", "/api/reports/daily-revenue", params={"date": today})
    assert report["invoices_paid"] == 1
    await desk.pay(invoice_id, "unpaid")
    report = await desk.call("GET", "/api/reports/daily-revenue", params={"date": today})
    assert report["invoices_paid"] == 0


@pytest.mark.parametrize("params", [{}, {"date": "2026-02-30"}, {"date": "14/04/2026"}])
async def test_daily_revenue_needs_a_valid_date(desk: Clinic, params: Json) -> None:
    response = await desk.client.get(
        "/api/reports/daily-revenue", params=params, headers=desk.headers
    )
    assert response.status_code == 400
    if not params:
        assert response.json()["error"] == "Missing required field: date"


# --- Roles ------------------------------------------------------------------------------------

ALL_ROLES = list(Role)
BILLING = [
    "charges_create",
    "charges_list_for_appointment",
    "charges_list",
    "charges_delete",
    "invoices_create",
    "invoices_list",
    "invoices_get",
    "invoices_update",
    "reports_daily_revenue",
]
CAN = {operation: allowed(operation) for operation in BILLING}


@pytest.mark.parametrize("role", ALL_ROLES)
async def test_role_matrix(desk: Clinic, login: Login, role: Role) -> None:
    appointment_id, _ = await desk.visit()
    lab = await desk.charge(appointment_id, "85025")
    other, _ = await desk.visit()
    invoice_id = (await desk.invoice(other))["invoice_id"]
    calls: dict[str, tuple[str, str, Json]] = {
        "charges_create": (
            "POST",
            f"/api/appointments/{appointment_id}/charges",
            {"json": {"cpt_code": "36415"}},
        ),
        "charges_list_for_appointment": (
            "GET",
            f"/api/appointments/{appointment_id}/charges",
            {},
        ),
        "charges_list": ("GET", "/api/cpt_records", {}),
        "charges_delete": ("DELETE", f"/api/cpt_records/{lab['cpt_record_id']}", {}),
        "invoices_update": ("PUT", f"/api/invoices/{invoice_id}", {"json": {"status": "paid"}}),
        "invoices_list": ("GET", "/api/invoices", {}),
        "invoices_get": ("GET", f"/api/invoices/{invoice_id}", {}),
        "reports_daily_revenue": (
            "GET",
            "/api/reports/daily-revenue",
            {"params": {"date": "2026-04-14"}},
        ),
        # Last: it invoices the appointment, after which its charges are frozen.
        "invoices_create": ("POST", "/api/invoices", {"json": {"appointment_id": appointment_id}}),
    }
    headers = await login(role)
    for operation, (method, url, kwargs) in calls.items():
        anonymous = await desk.client.request(method, url, **kwargs)
        assert anonymous.status_code == 401, operation
        response = await desk.client.request(method, url, headers=headers, **kwargs)
        expected = {200, 201} if role in CAN[operation] else {403}
        assert response.status_code in expected, (operation, response.text)
