from pydantic import ConfigDict, Field

from clinichub.schemas import RequestModel, ResponseModel
from clinichub.users.schemas import NewPassword
from clinichub.vocabulary import Role


class LoginRequest(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=False)

    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)


class RefreshRequest(RequestModel):
    refresh_token: str = Field(max_length=4096)


class PasswordChange(RequestModel):
    model_config = ConfigDict(str_strip_whitespace=False)

    current_password: str = Field(max_length=1024)
    new_password: NewPassword


class UserSummary(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: int
    email: str
    first_name: str
    last_name: str
    role: Role


class TokenResponse(ResponseModel):
    message: str
    access_token: str
    refresh_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Lifetime of the access token in seconds")


class LoginResponse(TokenResponse):
    user: UserSummary


class SessionResponse(ResponseModel):
    """A login or refresh of the web app: its refresh token is in the `clinichub_refresh` cookie,
    never in the body."""

    message: str
    access_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Lifetime of the access token in seconds")
    user: UserSummary

    @classmethod
    def of(cls, login: LoginResponse) -> "SessionResponse":
        return cls(
            message=login.message,
            access_token=login.access_token,
            token_type=login.token_type,
            expires_in=login.expires_in,
            user=login.user,
        )


class ProfileResponse(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    message: str = "Access granted"
    user_id: int
    email: str
    first_name: str
    last_name: str
    role: Role


class ProtectedResponse(ResponseModel):
    message: str = "Access granted"
    user_id: int
    role: Role
