from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bmi_category import BmiCategory

T = TypeVar("T", bound="VitalsRead")


@_attrs_define
class VitalsRead:
    """
    Attributes:
        vitals_id (int):
        patient_id (int):
        appointment_id (int | None):
        recorded_by_user_id (int):
        recorded_at (datetime.datetime):
        height_m (float | None):
        weight_kg (float | None):
        blood_pressure (None | str):
        temperature_c (float | None):
        pulse_bpm (int | None):
        respiratory_rate (int | None):
        o2_saturation (int | None):
        pain_level (int | None):
        bmi (float | None): Computed by the server from height and weight
        bmi_category (BmiCategory | None):
    """

    vitals_id: int
    patient_id: int
    appointment_id: int | None
    recorded_by_user_id: int
    recorded_at: datetime.datetime
    height_m: float | None
    weight_kg: float | None
    blood_pressure: None | str
    temperature_c: float | None
    pulse_bpm: int | None
    respiratory_rate: int | None
    o2_saturation: int | None
    pain_level: int | None
    bmi: float | None
    bmi_category: BmiCategory | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vitals_id = self.vitals_id

        patient_id = self.patient_id

        appointment_id: int | None
        appointment_id = self.appointment_id

        recorded_by_user_id = self.recorded_by_user_id

        recorded_at = self.recorded_at.isoformat()

        height_m: float | None
        height_m = self.height_m

        weight_kg: float | None
        weight_kg = self.weight_kg

        blood_pressure: None | str
        blood_pressure = self.blood_pressure

        temperature_c: float | None
        temperature_c = self.temperature_c

        pulse_bpm: int | None
        pulse_bpm = self.pulse_bpm

        respiratory_rate: int | None
        respiratory_rate = self.respiratory_rate

        o2_saturation: int | None
        o2_saturation = self.o2_saturation

        pain_level: int | None
        pain_level = self.pain_level

        bmi: float | None
        bmi = self.bmi

        bmi_category: None | str
        if isinstance(self.bmi_category, BmiCategory):
            bmi_category = self.bmi_category.value
        else:
            bmi_category = self.bmi_category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vitals_id": vitals_id,
                "patient_id": patient_id,
                "appointment_id": appointment_id,
                "recorded_by_user_id": recorded_by_user_id,
                "recorded_at": recorded_at,
                "height_m": height_m,
                "weight_kg": weight_kg,
                "blood_pressure": blood_pressure,
                "temperature_c": temperature_c,
                "pulse_bpm": pulse_bpm,
                "respiratory_rate": respiratory_rate,
                "o2_saturation": o2_saturation,
                "pain_level": pain_level,
                "bmi": bmi,
                "bmi_category": bmi_category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vitals_id = d.pop("vitals_id")

        patient_id = d.pop("patient_id")

        def _parse_appointment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id"))

        recorded_by_user_id = d.pop("recorded_by_user_id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_height_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        height_m = _parse_height_m(d.pop("height_m"))

        def _parse_weight_kg(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg"))

        def _parse_blood_pressure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blood_pressure = _parse_blood_pressure(d.pop("blood_pressure"))

        def _parse_temperature_c(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        temperature_c = _parse_temperature_c(d.pop("temperature_c"))

        def _parse_pulse_bpm(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pulse_bpm = _parse_pulse_bpm(d.pop("pulse_bpm"))

        def _parse_respiratory_rate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        respiratory_rate = _parse_respiratory_rate(d.pop("respiratory_rate"))

        def _parse_o2_saturation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        o2_saturation = _parse_o2_saturation(d.pop("o2_saturation"))

        def _parse_pain_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pain_level = _parse_pain_level(d.pop("pain_level"))

        def _parse_bmi(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        bmi = _parse_bmi(d.pop("bmi"))

        def _parse_bmi_category(data: object) -> BmiCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bmi_category_type_0 = BmiCategory(data)

                return bmi_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BmiCategory | None, data)

        bmi_category = _parse_bmi_category(d.pop("bmi_category"))

        vitals_read = cls(
            vitals_id=vitals_id,
            patient_id=patient_id,
            appointment_id=appointment_id,
            recorded_by_user_id=recorded_by_user_id,
            recorded_at=recorded_at,
            height_m=height_m,
            weight_kg=weight_kg,
            blood_pressure=blood_pressure,
            temperature_c=temperature_c,
            pulse_bpm=pulse_bpm,
            respiratory_rate=respiratory_rate,
            o2_saturation=o2_saturation,
            pain_level=pain_level,
            bmi=bmi,
            bmi_category=bmi_category,
        )

        vitals_read.additional_properties = d
        return vitals_read

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
