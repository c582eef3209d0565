from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pagination import Pagination
    from ..models.patient_read import PatientRead


T = TypeVar("T", bound="PatientList")


@_attrs_define
class PatientList:
    """
    Attributes:
        patients (list[PatientRead]):
        pagination (Pagination):
    """

    patients: list[PatientRead]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        patients = []
        for patients_item_data in self.patients:
            patients_item = patients_item_data.to_dict()
            patients.append(patients_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "patients": patients,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination  # noqa: PLC0415
        from ..models.patient_read import PatientRead  # noqa: PLC0415

        d = dict(src_dict)
        patients = []
        _patients = d.pop("patients")
        for patients_item_data in _patients:
            patients_item = PatientRead.from_dict(patients_item_data)

            patients.append(patients_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        patient_list = cls(
            patients=patients,
            pagination=pagination,
        )

        patient_list.additional_properties = d
        return patient_list

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
