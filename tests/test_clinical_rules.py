import hashlib
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinichub.audit.rules import GENESIS_HASH, EventRecord, canonical, seal_hash
from clinichub.clinical.rules import bmi, bmi_category, normalize_icd10, parse_blood_pressure
from clinichub.vocabulary import BmiCategory


def test_bmi_is_weight_over_height_squared_to_one_decimal() -> None:
    assert bmi(Decimal("1.75"), Decimal("72.5")) == Decimal("23.7")
    assert bmi(Decimal("2.00"), Decimal("100")) == Decimal("25.0")


@pytest.mark.parametrize(
    ("value", "category"),
    [
        ("18.4", BmiCategory.underweight),
        ("18.5", BmiCategory.normal),
        ("24.9", BmiCategory.normal),
        ("25.0", BmiCategory.overweight),
        ("29.9", BmiCategory.overweight),
        ("30.0", BmiCategory.obese),
    ],
)
def test_bmi_category_boundaries(value: str, category: BmiCategory) -> None:
    assert bmi_category(Decimal(value)) is category


@given(st.decimals("10", "60", places=1), st.decimals("10", "60", places=1))
def test_bmi_category_is_monotonic(a: Decimal, b: Decimal) -> None:
    order = list(BmiCategory)
    low, high = sorted((a, b))
    assert order.index(bmi_category(low)) <= order.index(bmi_category(high))


def test_blood_pressure() -> None:
    assert parse_blood_pressure(" 120/80 ") == (120, 80)
    for bad in ("80/120", "120/120", "120", "120/80/60", "abc", "400/80", "120/10"):
        with pytest.raises(ValueError):
            parse_blood_pressure(bad)


def test_icd10() -> None:
    assert normalize_icd10(" e11.9 ") == "E11.9"
    assert normalize_icd10("S72.001A") == "S72.001A"
    for bad in ("", "E1", "111.1", "E11.", "E11.12345"):
        with pytest.raises(ValueError):
            normalize_icd10(bad)


def _event(event_id: int, action: str = "read") -> EventRecord:
    return EventRecord(
        event_id,
        datetime(2026, 1, 1, tzinfo=UTC),
        1,
        "admin",
        action,
        "patient",
        "7",
        7,
        "success",
        "r",
        "127.0.0.1",
        None,
    )


def test_seal_hash_changes_with_any_event_or_the_previous_hash() -> None:
    events = [_event(1), _event(2)]
    key = b"k" * 32
    base = seal_hash(key, GENESIS_HASH, events)
    assert base == seal_hash(key, GENESIS_HASH, [_event(1), _event(2)])
    assert base != seal_hash(key, GENESIS_HASH, [_event(1), _event(2, "update")])
    assert base != seal_hash(key, GENESIS_HASH, [_event(1)])
    assert base != seal_hash(key, "f" * 64, events)
    # Keyed: the same events under another key, or a plain SHA-256, give another seal.
    assert base != seal_hash(b"x" * 32, GENESIS_HASH, events)
    plain = hashlib.sha256(GENESIS_HASH.encode())
    for event in events:
        plain.update(b"\n" + canonical(event))
    assert base != plain.hexdigest()
