from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.medical_record_version_read import MedicalRecordVersionRead


T = TypeVar("T", bound="MedicalRecordHistory")


@_attrs_define
class MedicalRecordHistory:
    """
    Attributes:
        medical_record_id (int):
        versions (list[MedicalRecordVersionRead]):
    """

    medical_record_id: int
    versions: list[MedicalRecordVersionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        medical_record_id = self.medical_record_id

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "medical_record_id": medical_record_id,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.medical_record_version_read import MedicalRecordVersionRead  # noqa: PLC0415

        d = dict(src_dict)
        medical_record_id = d.pop("medical_record_id")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = MedicalRecordVersionRead.from_dict(versions_item_data)

            versions.append(versions_item)

        medical_record_history = cls(
            medical_record_id=medical_record_id,
            versions=versions,
        )

        medical_record_history.additional_properties = d
        return medical_record_history

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
