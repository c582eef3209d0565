from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from clinichub.auth.schemas import NewPassword
from clinichub.models import Role
from clinichub.schemas import (
    Name,
    Omittable,
    Pagination,
    Phone,
    RequestModel,
    UtcDateTime,
    reject_null,
)


class UserCreate(RequestModel):
    email: EmailStr
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
    is_active: Omittable[bool] = None

    _not_null = field_validator("first_name", "last_name", "role", "is_active", mode="before")(
        reject_null
    )


class UserRead(BaseModel):
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
    version: int = Field(
        description="Incremented by every change; the ETag of GET is this number in quotes"
    )


class UserCreated(BaseModel):
    message: str = Field(examples=["User created successfully"])
    user: UserRead


class UserUpdated(BaseModel):
    message: str = Field(examples=["User updated successfully"])
    user: UserRead


class UserList(BaseModel):
    users: list[UserRead]
    pagination: Pagination
