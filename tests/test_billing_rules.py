"""The pure billing rules, without a database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinichub.billing.rules import (
    MAX_PRICE_CENTS,
    MAX_QUANTITY,
    PaymentState,
    PlanTerms,
    change_payment_status,
    check_can_invoice,
    check_charges_editable,
    invoice_breakdown,
    line_amount_cents,
    normalize_cpt_code,
    parse_invoice_status,
    visit_modifier,
)
from clinichub.errors import AppError, BadRequest, Conflict, NotFound
from clinichub.vocabulary import InvoiceStatus

NOW = datetime(2026, 4, 14, 22, 30, tzinfo=UTC)

amounts = st.lists(st.integers(min_value=0, max_value=MAX_QUANTITY * MAX_PRICE_CENTS), max_size=20)
plans = st.none() | st.builds(
    PlanTerms,
    plan_type=st.sampled_from(["HMO", "PPO", "EPO", "POS", "Medicare", "Medicaid", "self_pay"]),
    copay_cents=st.none() | st.integers(min_value=0, max_value=10 * MAX_PRICE_CENTS),
)


@given(amounts, plans)
def test_split_adds_up_and_is_never_negative(lines: list[int], plan: PlanTerms | None) -> None:
    split = invoice_breakdown(lines, plan)
    assert split.total_cents == sum(lines)
    assert split.patient_due_cents + split.insurance_due_cents == split.total_cents
    assert split.patient_due_cents >= 0
    assert split.insurance_due_cents >= 0


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=MAX_QUANTITY),
            st.integers(min_value=0, max_value=MAX_PRICE_CENTS),
        ),
        min_size=1,
        max_size=20,
    ),
    plans,
)
def test_total_is_the_sum_of_its_lines(
    lines: list[tuple[int, int]], plan: PlanTerms | None
) -> None:
    line_amounts = [line_amount_cents(quantity, price) for quantity, price in lines]
    split = invoice_breakdown(line_amounts, plan)
    assert split.total_cents == sum(quantity * price for quantity, price in lines)


def test_copay_is_what_the_patient_owes() -> None:
    split = invoice_breakdown([15000, 4500], PlanTerms("PPO", 2500))
    assert (split.total_cents, split.patient_due_cents, split.insurance_due_cents) == (
        19500,
        2500,
        17000,
    )


def test_copay_larger_than_total_is_capped_at_the_total() -> None:
    split = invoice_breakdown([2500], PlanTerms("HMO", 4000))
    assert (split.patient_due_cents, split.insurance_due_cents) == (2500, 0)


@pytest.mark.parametrize("plan", [None, PlanTerms("self_pay", None), PlanTerms("self_pay", 2000)])
def test_without_insurance_the_patient_owes_everything(plan: PlanTerms | None) -> None:
    split = invoice_breakdown([15000, 3000], plan)
    assert (split.patient_due_cents, split.insurance_due_cents) == (18000, 0)


def test_zero_copay_leaves_everything_to_the_insurer() -> None:
    split = invoice_breakdown([20000], PlanTerms("Medicare", 0))
    assert (split.patient_due_cents, split.insurance_due_cents) == (0, 20000)


def test_negative_line_is_refused() -> None:
    with pytest.raises(ValueError):
        invoice_breakdown([100, -1], None)


def test_line_amount() -> None:
    assert line_amount_cents(3, 2500) == 7500
    for quantity, price in [(0, 100), (MAX_QUANTITY + 1, 100), (1, -1), (1, MAX_PRICE_CENTS + 1)]:
        with pytest.raises(ValueError):
            line_amount_cents(quantity, price)


@pytest.mark.parametrize(
    ("raw", "code"), [("99213", "99213"), (" 0001f ", "0001F"), ("0042T", "0042T")]
)
def test_cpt_code_shapes(raw: str, code: str) -> None:
    assert normalize_cpt_code(raw) == code


@pytest.mark.parametrize("raw", ["9921", "992133", "A9921", "9921-", "99 13", "0001FF", ""])
def test_cpt_code_bad_shapes(raw: str) -> None:
    with pytest.raises(ValueError):
        normalize_cpt_code(raw)


def test_telehealth_modifier() -> None:
    assert visit_modifier(is_telehealth=True) == "95"
    assert visit_modifier(is_telehealth=False) is None


ELIGIBLE = {
    "appointment_exists": True,
    "appointment_completed": True,
    "has_charge": True,
    "invoice_exists": False,
}


def _invoice_error(**overrides: bool) -> AppError | None:
    try:
        check_can_invoice(**{**ELIGIBLE, **overrides})
    except AppError as error:
        return error
    return None


def test_eligible_appointment_passes() -> None:
    assert _invoice_error() is None


def test_invoice_errors_come_in_the_documented_order() -> None:
    # Each case breaks every later condition too: the earliest one must win.
    missing = _invoice_error(
        appointment_exists=False, appointment_completed=False, has_charge=False, invoice_exists=True
    )
    assert isinstance(missing, NotFound)
    assert missing.message == "Appointment not found"
    pending = _invoice_error(appointment_completed=False, has_charge=False, invoice_exists=True)
    assert isinstance(pending, Conflict)
    assert pending.message == "Appointment must be completed"
    no_charge = _invoice_error(has_charge=False, invoice_exists=True)
    assert isinstance(no_charge, BadRequest)
    assert no_charge.message == "No CPT record for appointment"
    duplicate = _invoice_error(invoice_exists=True)
    assert isinstance(duplicate, Conflict)
    assert duplicate.message == "Invoice already exists"


def test_charges_editable_only_on_completed_uninvoiced_visits() -> None:
    check_charges_editable(appointment_completed=True, invoiced=False)
    for completed, invoiced in [(False, False), (True, True), (False, True)]:
        with pytest.raises(Conflict):
            check_charges_editable(appointment_completed=completed, invoiced=invoiced)


def test_status_parsing() -> None:
    assert parse_invoice_status("paid") is InvoiceStatus.paid
    assert parse_invoice_status("unpaid") is InvoiceStatus.unpaid
    for raw in ["PAID", "void", "", "refunded"]:
        with pytest.raises(BadRequest) as caught:
            parse_invoice_status(raw)
        assert caught.value.message == "Invalid status"


def test_paying_stamps_now_once() -> None:
    unpaid = PaymentState(InvoiceStatus.unpaid, None)
    paid = change_payment_status(unpaid, InvoiceStatus.paid, NOW)
    assert paid == PaymentState(InvoiceStatus.paid, NOW)
    again = change_payment_status(paid, InvoiceStatus.paid, NOW + timedelta(days=3))
    assert again.paid_at == NOW


def test_unpaying_clears_paid_at_and_paying_again_stamps_anew() -> None:
    paid = PaymentState(InvoiceStatus.paid, NOW)
    unpaid = change_payment_status(paid, InvoiceStatus.unpaid, NOW + timedelta(hours=1))
    assert unpaid == PaymentState(InvoiceStatus.unpaid, None)
    later = NOW + timedelta(hours=2)
    assert change_payment_status(unpaid, InvoiceStatus.paid, later).paid_at == later


def test_paid_at_is_utc() -> None:
    local = datetime(2026, 4, 14, 18, 30, tzinfo=ZoneInfo("America/Puerto_Rico"))
    state = change_payment_status(
        PaymentState(InvoiceStatus.unpaid, None), InvoiceStatus.paid, local
    )
    assert state.paid_at is not None
    assert state.paid_at.tzinfo is UTC
    assert state.paid_at == NOW


@given(
    st.sampled_from(list(InvoiceStatus)),
    st.sampled_from(list(InvoiceStatus)),
    st.datetimes(timezones=st.just(UTC)),
)
def test_paid_at_is_set_exactly_when_paid(
    before: InvoiceStatus, after: InvoiceStatus, now: datetime
) -> None:
    current = PaymentState(before, NOW if before == InvoiceStatus.paid else None)
    state = change_payment_status(current, after, now)
    assert state.status == after
    assert (state.paid_at is not None) == (after == InvoiceStatus.paid)
