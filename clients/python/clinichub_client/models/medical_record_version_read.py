from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MedicalRecordVersionRead")


@_attrs_define
class MedicalRecordVersionRead:
    """
    Attributes:
        version (int):
        diagnosis (str):
        icd10_codes (list[str]):
        treatment_plan (str):
        notes (None | str):
        changed_by_user_id (int):
        changed_at (datetime.datetime):
    """

    version: int
    diagnosis: str
    icd10_codes: list[str]
    treatment_plan: str
    notes: None | str
    changed_by_user_id: int
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        diagnosis = self.diagnosis

        icd10_codes = self.icd10_codes

        treatment_plan = self.treatment_plan

        notes: None | str
        notes = self.notes

        changed_by_user_id = self.changed_by_user_id

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "diagnosis": diagnosis,
                "icd10_codes": icd10_codes,
                "treatment_plan": treatment_plan,
                "notes": notes,
                "changed_by_user_id": changed_by_user_id,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        diagnosis = d.pop("diagnosis")

        icd10_codes = cast(list[str], d.pop("icd10_codes"))

        treatment_plan = d.pop("treatment_plan")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        changed_by_user_id = d.pop("changed_by_user_id")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        medical_record_version_read = cls(
            version=version,
            diagnosis=diagnosis,
            icd10_codes=icd10_codes,
            treatment_plan=treatment_plan,
            notes=notes,
            changed_by_user_id=changed_by_user_id,
            changed_at=changed_at,
        )

        medical_record_version_read.additional_properties = d
        return medical_record_version_read

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
