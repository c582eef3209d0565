"""Clinical rules: pure functions, no I/O."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from clinichub.vocabulary import BmiCategory, Role

# ICD-10-CM codes: a letter, two characters (digits, or a digit and a letter), then optionally a
# dot and up to four more characters (CMS ICD-10-CM Official Guidelines, section I.A.3), e.g. E11.9.
ICD10_PATTERN = re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?")

_BLOOD_PRESSURE = re.compile(r"(\d{2,3})/(\d{2,3})")
SYSTOLIC_RANGE = (50, 300)
DIASTOLIC_RANGE = (20, 200)


def normalize_icd10(code: str) -> str:
    normalized = code.strip().upper()
    if not ICD10_PATTERN.fullmatch(normalized):
        raise ValueError(f"{code!r} is not an ICD-10-CM code (e.g. E11.9)")
    return normalized


def parse_blood_pressure(value: str) -> tuple[int, int]:
    """'120/80' -> (120, 80); systolic must exceed diastolic and both be plausible."""
    match = _BLOOD_PRESSURE.fullmatch(value.strip())
    if not match:
        raise ValueError("blood pressure is systolic/diastolic, e.g. 120/80")
    systolic, diastolic = int(match[1]), int(match[2])
    if not SYSTOLIC_RANGE[0] <= systolic <= SYSTOLIC_RANGE[1]:
        raise ValueError(f"systolic must be between {SYSTOLIC_RANGE[0]} and {SYSTOLIC_RANGE[1]}")
    if not DIASTOLIC_RANGE[0] <= diastolic <= DIASTOLIC_RANGE[1]:
        raise ValueError(f"diastolic must be between {DIASTOLIC_RANGE[0]} and {DIASTOLIC_RANGE[1]}")
    if systolic <= diastolic:
        raise ValueError("systolic must be greater than diastolic")
    return systolic, diastolic


def bmi(height_m: Decimal, weight_kg: Decimal) -> Decimal:
    """Body-mass index, kg/m², to one decimal."""
    return (weight_kg / (height_m * height_m)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def bmi_category(value: Decimal) -> BmiCategory:
    """WHO adult categories: < 18.5 underweight, < 25 normal, < 30 overweight, else obese."""
    if value < Decimal("18.5"):
        return BmiCategory.underweight
    if value < 25:
        return BmiCategory.normal
    if value < 30:
        return BmiCategory.overweight
    return BmiCategory.obese


def may_amend(role: Role, user_id: int, author_user_id: int) -> bool:
    """Only the record's author, or an admin, amends a medical record."""
    return role == Role.admin or user_id == author_user_id


def dated_later(record_date: date | None, today: date) -> bool:
    """Whether a record is dated after today, in the clinic's time zone."""
    return record_date is not None and record_date > today


def as_decimal(value: float | None) -> Decimal | None:
    """A measurement as the decimal the client wrote (through str), not the binary float's
    expansion."""
    return None if value is None else Decimal(str(value))
