from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MedicalRecordRead")


@_attrs_define
class MedicalRecordRead:
    """
    Attributes:
        medical_record_id (int):
        patient_id (int):
        appointment_id (int | None):
        provider_user_id (int): The author
        record_date (datetime.date):
        diagnosis (str):
        icd10_codes (list[str]):
        treatment_plan (str):
        notes (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime): When the current version was written
        updated_by_user_id (int):
    """

    medical_record_id: int
    patient_id: int
    appointment_id: int | None
    provider_user_id: int
    record_date: datetime.date
    diagnosis: str
    icd10_codes: list[str]
    treatment_plan: str
    notes: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    updated_by_user_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        medical_record_id = self.medical_record_id

        patient_id = self.patient_id

        appointment_id: int | None
        appointment_id = self.appointment_id

        provider_user_id = self.provider_user_id

        record_date = self.record_date.isoformat()

        diagnosis = self.diagnosis

        icd10_codes = self.icd10_codes

        treatment_plan = self.treatment_plan

        notes: None | str
        notes = self.notes

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        updated_by_user_id = self.updated_by_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "medical_record_id": medical_record_id,
                "patient_id": patient_id,
                "appointment_id": appointment_id,
                "provider_user_id": provider_user_id,
                "record_date": record_date,
                "diagnosis": diagnosis,
                "icd10_codes": icd10_codes,
                "treatment_plan": treatment_plan,
                "notes": notes,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "updated_by_user_id": updated_by_user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        medical_record_id = d.pop("medical_record_id")

        patient_id = d.pop("patient_id")

        def _parse_appointment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id"))

        provider_user_id = d.pop("provider_user_id")

        record_date = datetime.date.fromisoformat(d.pop("record_date"))

        diagnosis = d.pop("diagnosis")

        icd10_codes = cast(list[str], d.pop("icd10_codes"))

        treatment_plan = d.pop("treatment_plan")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        updated_by_user_id = d.pop("updated_by_user_id")

        medical_record_read = cls(
            medical_record_id=medical_record_id,
            patient_id=patient_id,
            appointment_id=appointment_id,
            provider_user_id=provider_user_id,
            record_date=record_date,
            diagnosis=diagnosis,
            icd10_codes=icd10_codes,
            treatment_plan=treatment_plan,
            notes=notes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            updated_by_user_id=updated_by_user_id,
        )

        medical_record_read.additional_properties = d
        return medical_record_read

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
