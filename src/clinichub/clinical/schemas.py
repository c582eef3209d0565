from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field

from clinichub.clinical.rules import (
    DIASTOLIC_RANGE,
    SYSTOLIC_RANGE,
    normalize_icd10,
    parse_blood_pressure,
)
from clinichub.schemas import (
    Id,
    IsoDate,
    Omittable,
    Pagination,
    RequestModel,
    ResponseModel,
    Text,
    UtcDateTime,
    not_null,
)
from clinichub.vocabulary import BmiCategory

ClinicalText = Annotated[Text, Field(min_length=1, max_length=10_000)]
Icd10Code = Annotated[
    str,
    Field(
        max_length=8,
        examples=["E11.9"],
        json_schema_extra={"pattern": r"^[A-Za-z][0-9][0-9A-Za-z](\.[0-9A-Za-z]{1,4})?$"},
    ),
    AfterValidator(normalize_icd10),
]
Icd10Codes = Annotated[list[Icd10Code], Field(max_length=25)]


class MedicalRecordCreate(RequestModel):
    patient_id: Id
    appointment_id: Id | None = Field(
        default=None, description="A visit of the same patient, if the note belongs to one"
    )
    record_date: IsoDate | None = Field(
        default=None,
        description="YYYY-MM-DD, from 1900-01-01 to today (clinic time zone); default: today",
    )
    diagnosis: ClinicalText
    icd10_codes: Icd10Codes = Field(default_factory=list)
    treatment_plan: ClinicalText
    notes: ClinicalText | None = None


class MedicalRecordUpdate(RequestModel):
    """The fields sent replace those of the current version, in a new version."""

    diagnosis: Omittable[ClinicalText] = None
    icd10_codes: Omittable[Icd10Codes] = None
    treatment_plan: Omittable[ClinicalText] = None
    notes: ClinicalText | None = None

    _not_null = not_null("diagnosis", "treatment_plan", "icd10_codes")


class MedicalRecordRead(ResponseModel):
    medical_record_id: int
    patient_id: int
    appointment_id: int | None
    provider_user_id: int = Field(description="The author")
    record_date: date
    diagnosis: str
    icd10_codes: list[str]
    treatment_plan: str
    notes: str | None
    version: int
    created_at: UtcDateTime
    updated_at: UtcDateTime = Field(description="When the current version was written")
    updated_by_user_id: int


class MedicalRecordVersionRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    diagnosis: str
    icd10_codes: list[str]
    treatment_plan: str
    notes: str | None
    changed_by_user_id: int
    changed_at: UtcDateTime


class MedicalRecordCreated(ResponseModel):
    message: str = Field(examples=["Medical record created successfully"])
    record: MedicalRecordRead


class MedicalRecordUpdated(ResponseModel):
    message: str = Field(examples=["Medical record updated successfully"])
    record: MedicalRecordRead


class MedicalRecordList(ResponseModel):
    records: list[MedicalRecordRead]
    pagination: Pagination


class MedicalRecordHistory(ResponseModel):
    medical_record_id: int
    versions: list[MedicalRecordVersionRead]


def _blood_pressure(value: str) -> str:
    systolic, diastolic = parse_blood_pressure(value)
    return f"{systolic}/{diastolic}"


def _places(places: int) -> AfterValidator:
    """Measurements are stored with fixed precision: more digits would be silently rounded."""

    def check(value: float) -> float:
        if round(value, places) != value:
            raise ValueError(f"at most {places} decimal places")
        return value

    return AfterValidator(check)


BloodPressure = Annotated[
    str,
    # The pattern is the document's; _blood_pressure checks it, and the ranges, with its messages.
    Field(max_length=7, json_schema_extra={"pattern": "^[0-9]{2,3}/[0-9]{2,3}$"}),
    AfterValidator(_blood_pressure),
]
_NOT_MEASUREMENTS = frozenset({"patient_id", "appointment_id"})


def _at_least_one_measurement(schema: dict[str, Any]) -> None:
    """The document's form of `has_measurement` (a 400 `no_measurement` otherwise): not a body
    whose every measurement is absent or null. (An `anyOf` of `required` lists says the same, but
    the generated clients read it as a union of bodies.)"""
    schema["not"] = {
        "properties": {
            name: {"type": "null"} for name in schema["properties"] if name not in _NOT_MEASUREMENTS
        }
    }


class VitalsCreate(RequestModel):
    """At least one measurement; each within what a living patient can measure."""

    model_config = ConfigDict(json_schema_extra=_at_least_one_measurement)

    patient_id: Id
    appointment_id: Id | None = None
    height_m: Annotated[float, Field(ge=0.3, le=2.72), _places(2)] | None = None
    weight_kg: Annotated[float, Field(ge=0.3, le=500), _places(1)] | None = None
    blood_pressure: BloodPressure | None = Field(
        default=None,
        examples=["120/80"],
        description=f"Systolic/diastolic in mmHg: systolic from {SYSTOLIC_RANGE[0]} to "
        f"{SYSTOLIC_RANGE[1]}, diastolic from {DIASTOLIC_RANGE[0]} to {DIASTOLIC_RANGE[1]}, "
        "systolic above diastolic",
    )
    temperature_c: Annotated[float, Field(ge=30, le=45), _places(1)] | None = None
    pulse_bpm: int | None = Field(default=None, ge=20, le=250)
    respiratory_rate: int | None = Field(default=None, ge=4, le=60)
    o2_saturation: int | None = Field(default=None, ge=50, le=100)
    pain_level: int | None = Field(default=None, ge=0, le=10)

    def has_measurement(self) -> bool:
        return any(value is not None for name, value in self if name not in _NOT_MEASUREMENTS)


class VitalsRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    vitals_id: int
    patient_id: int
    appointment_id: int | None
    recorded_by_user_id: int
    recorded_at: UtcDateTime
    height_m: float | None
    weight_kg: float | None
    blood_pressure: str | None
    temperature_c: float | None
    pulse_bpm: int | None
    respiratory_rate: int | None
    o2_saturation: int | None
    pain_level: int | None
    bmi: float | None = Field(description="Computed by the server from height and weight")
    bmi_category: BmiCategory | None


class VitalsCreated(ResponseModel):
    message: str = Field(examples=["Vitals recorded successfully"])
    vitals: VitalsRead


class VitalsList(ResponseModel):
    vitals: list[VitalsRead]
    pagination: Pagination
