from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex

T = TypeVar("T", bound="PatientRead")


@_attrs_define
class PatientRead:
    """
    Attributes:
        patient_id (int):
        first_name (str):
        last_name (str):
        dob (datetime.date):
        sex (None | Sex):
        email (None | str):
        phone (None | str):
        address (None | str):
        emergency_contact_name (None | str):
        emergency_contact_phone (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int): Incremented by every change; the ETag of GET is this number in quotes
    """

    patient_id: int
    first_name: str
    last_name: str
    dob: datetime.date
    sex: None | Sex
    email: None | str
    phone: None | str
    address: None | str
    emergency_contact_name: None | str
    emergency_contact_phone: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        first_name = self.first_name

        last_name = self.last_name

        dob = self.dob.isoformat()

        sex: None | str
        if isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        address: None | str
        address = self.address

        emergency_contact_name: None | str
        emergency_contact_name = self.emergency_contact_name

        emergency_contact_phone: None | str
        emergency_contact_phone = self.emergency_contact_phone

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "patient_id": patient_id,
                "first_name": first_name,
                "last_name": last_name,
                "dob": dob,
                "sex": sex,
                "email": email,
                "phone": phone,
                "address": address,
                "emergency_contact_name": emergency_contact_name,
                "emergency_contact_phone": emergency_contact_phone,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_id = d.pop("patient_id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        dob = datetime.date.fromisoformat(d.pop("dob"))

        def _parse_sex(data: object) -> None | Sex:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex, data)

        sex = _parse_sex(d.pop("sex"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_emergency_contact_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_contact_name = _parse_emergency_contact_name(d.pop("emergency_contact_name"))

        def _parse_emergency_contact_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_contact_phone = _parse_emergency_contact_phone(d.pop("emergency_contact_phone"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        patient_read = cls(
            patient_id=patient_id,
            first_name=first_name,
            last_name=last_name,
            dob=dob,
            sex=sex,
            email=email,
            phone=phone,
            address=address,
            emergency_contact_name=emergency_contact_name,
            emergency_contact_phone=emergency_contact_phone,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        patient_read.additional_properties = d
        return patient_read

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
