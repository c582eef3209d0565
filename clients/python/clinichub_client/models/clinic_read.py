from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClinicRead")


@_attrs_define
class ClinicRead:
    """What a client needs to show the clinic's times and money and to check a new password as
    the server will; no secret and nothing about the deployment.

        Attributes:
            timezone (str): IANA time zone of the clinic (`CLINICHUB_CLINIC_TIMEZONE`): clinic days, bare-date filters,
                working hours and reports follow it
            currency (str): ISO 4217 code of every amount (`_cents` fields are its cents)
            today (datetime.date): Today in the clinic's time zone
            password_min_length (int): Characters a new password needs at least (`CLINICHUB_PASSWORD_MIN_LENGTH`)
            password_max_bytes (int): Bytes of UTF-8 a new password may have at most (bcrypt reads no more)
            document_max_bytes (int): Bytes a patient's document may have at most (`CLINICHUB_DOCUMENT_MAX_BYTES`; 413
                `document_too_large` above)
            default_cpt_code (str): The CPT code a visit completed without one is billed with (`CLINICHUB_DEFAULT_CPT_CODE`)
    """

    timezone: str
    currency: str
    today: datetime.date
    password_min_length: int
    password_max_bytes: int
    document_max_bytes: int
    default_cpt_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timezone = self.timezone

        currency = self.currency

        today = self.today.isoformat()

        password_min_length = self.password_min_length

        password_max_bytes = self.password_max_bytes

        document_max_bytes = self.document_max_bytes

        default_cpt_code = self.default_cpt_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timezone": timezone,
                "currency": currency,
                "today": today,
                "password_min_length": password_min_length,
                "password_max_bytes": password_max_bytes,
                "document_max_bytes": document_max_bytes,
                "default_cpt_code": default_cpt_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timezone = d.pop("timezone")

        currency = d.pop("currency")

        today = datetime.date.fromisoformat(d.pop("today"))

        password_min_length = d.pop("password_min_length")

        password_max_bytes = d.pop("password_max_bytes")

        document_max_bytes = d.pop("document_max_bytes")

        default_cpt_code = d.pop("default_cpt_code")

        clinic_read = cls(
            timezone=timezone,
            currency=currency,
            today=today,
            password_min_length=password_min_length,
            password_max_bytes=password_max_bytes,
            document_max_bytes=document_max_bytes,
            default_cpt_code=default_cpt_code,
        )

        clinic_read.additional_properties = d
        return clinic_read

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
