from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, ConfigDict, Field, StrictBool, WithJsonSchema

from clinichub.config import SHORTEST_PASSWORD_MIN_LENGTH
from clinichub.schemas import (
    Name,
    Omittable,
    Pagination,
    Phone,
    RequestModel,
    ResponseModel,
    UtcDateTime,
    Version,
    not_null,
)
from clinichub.users.passwords import MAX_PASSWORD_BYTES
from clinichub.vocabulary import Role

# Staff may have their mail on domains that exist only inside an organisation's network (RFC 6762
# `.local`, ICANN's `.internal`, the customary `.lan`); patients give addresses on the internet,
# and keep the strict check (patients.schemas.Email). `.internal` and `.lan` pass as they are;
# email-validator refuses `.local` as a special-use name; the address is checked under a stand-in
# top-level label that it accepts, which changes nothing else about the check.
_STAND_IN = "internal"

_NEW_PASSWORD = (
    f"At least CLINICHUB_PASSWORD_MIN_LENGTH characters ({SHORTEST_PASSWORD_MIN_LENGTH} by "
    f"default, and never fewer), at most {MAX_PASSWORD_BYTES} bytes of UTF-8 (as many "
    "characters when they are ASCII); not one of the 10,000 most common passwords, not the email "
    "address"
)
# Passwords are never trimmed: every character is part of the secret. The policy (length, common
# passwords, the email) is checked by users.passwords.check_new_password, with the settings, so
# that its messages name the rule; the document states the bounds that hold in every deployment.
NewPassword = Annotated[
    str,
    Field(max_length=1024),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": SHORTEST_PASSWORD_MIN_LENGTH,
            "maxLength": MAX_PASSWORD_BYTES,
            "description": _NEW_PASSWORD,
        }
    ),
]


def _staff_email(value: str) -> str:
    """An email address as for patients, but also on an internal mail domain."""
    local, _, domain = value.rpartition("@")
    label = domain.rsplit(".", 1)[-1].lower() if "." in domain else ""
    probe = f"{local}@{domain[: -len(label)]}{_STAND_IN}" if label == "local" else value
    try:
        normalized = validate_email(probe, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(f"value is not a valid email address: {error}") from None
    if label == "local":
        normalized = normalized[: -len(_STAND_IN)] + label
    return normalized


StaffEmail = Annotated[
    str,
    Field(max_length=254),
    AfterValidator(_staff_email),
    WithJsonSchema(
        {
            "type": "string",
            "format": "email",
            "maxLength": 254,
            "description": "An email address; internal mail domains (`.local`, `.internal`, "
            "`.lan`) are accepted for staff",
        }
    ),
]


class UserCreate(RequestModel):
    email: StaffEmail
    password: NewPassword
    first_name: Name
    last_name: Name
    role: Role
    phone: Phone | None = None


class UserUpdate(RequestModel):
    """Only the fields sent are changed."""

    first_name: Omittable[Name] = None
    last_name: Omittable[Name] = None
    phone: Phone | None = None
    role: Omittable[Role] = None
    is_active: Omittable[StrictBool] = None

    _not_null = not_null("first_name", "last_name", "role", "is_active")


class UserRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: int
    email: str
    first_name: str
    last_name: str
    phone: str | None
    role: Role
    is_active: bool
    created_at: UtcDateTime
    updated_at: UtcDateTime
    version: Version


class UserCreated(ResponseModel):
    message: str = Field(examples=["User created successfully"])
    user: UserRead


class UserUpdated(ResponseModel):
    message: str = Field(examples=["User updated successfully"])
    user: UserRead


class UserList(ResponseModel):
    users: list[UserRead]
    pagination: Pagination
