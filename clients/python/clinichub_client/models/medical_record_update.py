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
        diagnosis (None | str | Unset):
        icd10_codes (list[str] | None | Unset):
        treatment_plan (None | str | Unset):
        notes (None | str | Unset):
    """

    diagnosis: None | str | Unset = UNSET
    icd10_codes: list[str] | None | Unset = UNSET
    treatment_plan: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        diagnosis: None | str | Unset
        if isinstance(self.diagnosis, Unset):
            diagnosis = UNSET
        else:
            diagnosis = self.diagnosis

        icd10_codes: list[str] | None | Unset
        if isinstance(self.icd10_codes, Unset):
            icd10_codes = UNSET
        elif isinstance(self.icd10_codes, list):
            icd10_codes = self.icd10_codes

        else:
            icd10_codes = self.icd10_codes

        treatment_plan: None | str | Unset
        if isinstance(self.treatment_plan, Unset):
            treatment_plan = UNSET
        else:
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

        def _parse_diagnosis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        diagnosis = _parse_diagnosis(d.pop("diagnosis", UNSET))

        def _parse_icd10_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icd10_codes_type_0 = cast(list[str], data)

                return icd10_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        icd10_codes = _parse_icd10_codes(d.pop("icd10_codes", UNSET))

        def _parse_treatment_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        treatment_plan = _parse_treatment_plan(d.pop("treatment_plan", UNSET))

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
