import enum
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from clinichub.patients.errors import invalid_ids
from clinichub.schemas import (
    DATE_RANGE,
    MAX_ID,
    WHOLE,
    IsoDate,
    Name,
    Omittable,
    Pagination,
    Phone,
    RequestModel,
    ResponseModel,
    Text,
    UtcDateTime,
    Version,
    not_null,
)
from clinichub.vocabulary import PlanType, Sex

# The lower bound is IsoDate's; "not in the future" depends on the clinic's today (rules.py).
_BIRTH_DATE = "From 1900-01-01 to today in the clinic's time zone"
BirthDate = Annotated[
    IsoDate,
    Field(examples=["1990-05-10"], description=_BIRTH_DATE),
    # Also where the field is optional (an update), over IsoDate's own description.
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": _BIRTH_DATE,
            "examples": ["1990-05-10"],
        },
        mode="validation",
    ),
]
# Stored lower-cased: the unique index on patients' emails is case-insensitive.
Email = Annotated[EmailStr, AfterValidator(str.lower)]
ContactName = Annotated[
    Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Address = Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Label = Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Code = Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


# The fields of a patient, in the order the document lists them, as an update sends them.
class _PatientFields(RequestModel):
    first_name: Omittable[Name] = None
    last_name: Omittable[Name] = None
    dob: Omittable[BirthDate] = None
    sex: Sex | None = None
    email: Email | None = None
    phone: Phone | None = None
    address: Address | None = None
    emergency_contact_name: ContactName | None = None
    emergency_contact_phone: Phone | None = None


class PatientCreate(_PatientFields):
    first_name: Name
    last_name: Name
    dob: BirthDate


class PatientUpdate(_PatientFields):
    """Only the fields sent are changed; send null to clear an optional field."""

    _not_null = not_null("first_name", "last_name", "dob")


class PatientRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    patient_id: int
    first_name: str
    last_name: str
    dob: date
    sex: Sex | None
    email: str | None
    phone: str | None
    address: str | None
    emergency_contact_name: str | None
    emergency_contact_phone: str | None
    created_at: UtcDateTime
    updated_at: UtcDateTime
    version: Version


class PatientCreated(ResponseModel):
    message: str = Field(examples=["Patient created successfully"])
    patient: PatientRead


class PatientUpdated(ResponseModel):
    message: str = Field(examples=["Patient updated successfully"])
    patient: PatientRead


class PatientDeleted(ResponseModel):
    message: str = Field(examples=["Patient deleted successfully"])
    patient_id: int


class PatientList(ResponseModel):
    patients: list[PatientRead]
    pagination: Pagination


# The list's `ids` filter: up to MAX_IDS patient ids separated by commas (blanks around an id
# are ignored); parse_ids checks it and says what is wrong.
MAX_IDS = 100
IDS_FILTER_PATTERN = rf"^\s*[0-9]+\s*(?:,\s*[0-9]+\s*){{0,{MAX_IDS - 1}}}$"
IdsFilter = Annotated[str, WithJsonSchema({"type": "string", "pattern": IDS_FILTER_PATTERN})]
_ID_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_ids(raw: str | None) -> tuple[int, ...] | None:
    """`12, 15,40` -> (12, 15, 40); None for no filter. Anything but 1 to MAX_IDS ids, each
    from 1 to MAX_ID, is a 400 on the field `ids`."""
    if raw is None:
        return None
    items = [item.strip() for item in raw.split(",")]
    if len(items) > MAX_IDS:
        raise invalid_ids(f"at most {MAX_IDS} ids")
    if not all(_ID_DIGITS.fullmatch(item) and 1 <= int(item) <= MAX_ID for item in items):
        raise invalid_ids(f"patient ids from 1 to {MAX_ID}, separated by commas")
    return tuple(dict.fromkeys(int(item) for item in items))


class PatientSortKey(enum.StrEnum):
    patient_id = "patient_id"
    first_name = "first_name"
    last_name = "last_name"
    dob = "dob"
    email = "email"
    created_at = "created_at"


def _copay_unless_self_pay_schema(schema: dict[str, Any]) -> None:
    """The document's form of `_copay_unless_self_pay`: a plan other than self-pay names its
    copay (null is no copay)."""
    schema["if"] = {"properties": {"plan_type": {"const": PlanType.self_pay.value}}}
    schema["else"] = {
        "required": ["copay_cents"],
        "properties": {"copay_cents": {"not": {"type": "null"}}},
    }


class PlanCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra=_copay_unless_self_pay_schema)

    carrier_name: Label
    member_id: Code
    group_id: Code | None = None
    plan_type: PlanType
    # Money is an integer of cents, never "25.00" or 25.5 (a whole 2500.0 is 2500).
    copay_cents: Annotated[int, Field(strict=True, ge=0, le=100_000_000), WHOLE] | None = Field(
        default=None,
        validate_default=True,
        description="The copay in cents; required unless plan_type is self_pay",
    )
    effective_date: IsoDate | None = Field(
        default=None, description=f"When the coverage starts: YYYY-MM-DD, {DATE_RANGE}"
    )

    @field_validator("copay_cents")
    @classmethod
    def _copay_unless_self_pay(cls, value: int | None, info: ValidationInfo) -> int | None:
        # plan_type is absent from info.data when it was itself invalid: that error is enough.
        if value is None and info.data.get("plan_type", PlanType.self_pay) != PlanType.self_pay:
            raise PydanticCustomError("missing", "Field required")
        return value


class PlanRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    plan_id: int
    patient_id: int
    carrier_name: str
    member_id: str
    group_id: str | None
    plan_type: PlanType
    copay_cents: int | None
    currency: Literal["USD"] = "USD"
    effective_date: date | None
    is_active: bool
    created_at: UtcDateTime


class PlanCurrent(ResponseModel):
    plan: PlanRead | None


class PlanSaved(ResponseModel):
    message: str = Field(examples=["Plan saved"])
    plan: PlanRead


class PlanList(ResponseModel):
    plans: list[PlanRead]
