from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_summary import UserSummary


T = TypeVar("T", bound="SessionResponse")


@_attrs_define
class SessionResponse:
    """A login or refresh of the web app: its refresh token is in the `clinichub_refresh` cookie,
    never in the body.

        Attributes:
            message (str):
            access_token (str):
            token_type (str):  Default: 'bearer'.
            expires_in (int): Lifetime of the access token in seconds
            user (UserSummary):
    """

    message: str
    access_token: str
    expires_in: int
    user: UserSummary
    token_type: str = "bearer"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        access_token = d.pop("access_token")

        token_type = d.pop("token_type")

        expires_in = d.pop("expires_in")

        user = UserSummary.from_dict(d.pop("user"))

        session_response = cls(
            message=message,
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            user=user,
        )

        session_response.additional_properties = d
        return session_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
