from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MedicalRecordCreate")


@_attrs_define
class MedicalRecordCreate:
    """
    Attributes:
        patient_id (int):
        diagnosis (str):
        treatment_plan (str):
        appointment_id (int | None | Unset): A visit of the same patient, if the note belongs to one
        record_date (datetime.date | None | Unset): YYYY-MM-DD, from 1900-01-01 to today (clinic time zone); default:
            today
        icd10_codes (list[str] | Unset):
        notes (None | str | Unset):
    """

    patient_id: int
    diagnosis: str
    treatment_plan: str
    appointment_id: int | None | Unset = UNSET
    record_date: datetime.date | None | Unset = UNSET
    icd10_codes: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        diagnosis = self.diagnosis

        treatment_plan = self.treatment_plan

        appointment_id: int | None | Unset
        if isinstance(self.appointment_id, Unset):
            appointment_id = UNSET
        else:
            appointment_id = self.appointment_id

        record_date: None | str | Unset
        if isinstance(self.record_date, Unset):
            record_date = UNSET
        elif isinstance(self.record_date, datetime.date):
            record_date = self.record_date.isoformat()
        else:
            record_date = self.record_date

        icd10_codes: list[str] | Unset = UNSET
        if not isinstance(self.icd10_codes, Unset):
            icd10_codes = self.icd10_codes

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patient_id": patient_id,
                "diagnosis": diagnosis,
                "treatment_plan": treatment_plan,
            }
        )
        if appointment_id is not UNSET:
            field_dict["appointment_id"] = appointment_id
        if record_date is not UNSET:
            field_dict["record_date"] = record_date
        if icd10_codes is not UNSET:
            field_dict["icd10_codes"] = icd10_codes
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_id = d.pop("patient_id")

        diagnosis = d.pop("diagnosis")

        treatment_plan = d.pop("treatment_plan")

        def _parse_appointment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id", UNSET))

        def _parse_record_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                record_date_type_0 = datetime.date.fromisoformat(data)

                return record_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        record_date = _parse_record_date(d.pop("record_date", UNSET))

        icd10_codes = cast(list[str], d.pop("icd10_codes", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        medical_record_create = cls(
            patient_id=patient_id,
            diagnosis=diagnosis,
            treatment_plan=treatment_plan,
            appointment_id=appointment_id,
            record_date=record_date,
            icd10_codes=icd10_codes,
            notes=notes,
        )

        return medical_record_create
