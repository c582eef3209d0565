from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MedicalRecordUpdate")


@_attrs_define
class MedicalRecordUpdate:
    """The fields sent replace those of the current version, in a new version.

    Attributes:
        diagnosis (str | Unset):
        icd10_codes (list[str] | Unset):
        treatment_plan (str | Unset):
        notes (None | str | Unset):
    """

    diagnosis: str | Unset = UNSET
    icd10_codes: list[str] | Unset = UNSET
    treatment_plan: str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        diagnosis = self.diagnosis

        icd10_codes: list[str] | Unset = UNSET
        if not isinstance(self.icd10_codes, Unset):
            icd10_codes = self.icd10_codes

        treatment_plan = self.treatment_plan

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if diagnosis is not UNSET:
            field_dict["diagnosis"] = diagnosis
        if icd10_codes is not UNSET:
            field_dict["icd10_codes"] = icd10_codes
        if treatment_plan is not UNSET:
            field_dict["treatment_plan"] = treatment_plan
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        diagnosis = d.pop("diagnosis", UNSET)

        icd10_codes = cast(list[str], d.pop("icd10_codes", UNSET))

        treatment_plan = d.pop("treatment_plan", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        medical_record_update = cls(
            diagnosis=diagnosis,
            icd10_codes=icd10_codes,
            treatment_plan=treatment_plan,
            notes=notes,
        )

        return medical_record_update
