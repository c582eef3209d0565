from datetime import date

from pydantic import Field

from clinichub.schemas import ResponseModel


class ClinicRead(ResponseModel):
    """What a client needs to show the clinic's times and money and to check a new password as
    the server will; no secret and nothing about the deployment."""

    timezone: str = Field(
        description="IANA time zone of the clinic (`CLINICHUB_CLINIC_TIMEZONE`): clinic days, "
        "bare-date filters, working hours and reports follow it",
        examples=["America/Puerto_Rico"],
    )
    currency: str = Field(
        description="ISO 4217 code of every amount (`_cents` fields are its cents)",
        examples=["USD"],
    )
    today: date = Field(description="Today in the clinic's time zone")
    password_min_length: int = Field(
        description="Characters a new password needs at least (`CLINICHUB_PASSWORD_MIN_LENGTH`)"
    )
    password_max_bytes: int = Field(
        description="Bytes of UTF-8 a new password may have at most (bcrypt reads no more)"
    )
    document_max_bytes: int = Field(
        description="Bytes a patient's document may have at most "
        "(`CLINICHUB_DOCUMENT_MAX_BYTES`; 413 `document_too_large` above)",
        examples=[10485760],
    )
    default_cpt_code: str = Field(
        description="The CPT code a visit completed without one is billed with "
        "(`CLINICHUB_DEFAULT_CPT_CODE`)",
        examples=["99213"],
    )
