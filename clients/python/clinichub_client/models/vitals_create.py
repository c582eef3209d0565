from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VitalsCreate")


@_attrs_define
class VitalsCreate:
    """At least one measurement; each within what a living patient can measure.

    Attributes:
        patient_id (int):
        appointment_id (int | None | Unset):
        height_m (float | None | Unset):
        weight_kg (float | None | Unset):
        blood_pressure (None | str | Unset): Systolic/diastolic in mmHg: systolic from 50 to 300, diastolic from 20 to
            200, systolic above diastolic
        temperature_c (float | None | Unset):
        pulse_bpm (int | None | Unset):
        respiratory_rate (int | None | Unset):
        o2_saturation (int | None | Unset):
        pain_level (int | None | Unset):
    """

    patient_id: int
    appointment_id: int | None | Unset = UNSET
    height_m: float | None | Unset = UNSET
    weight_kg: float | None | Unset = UNSET
    blood_pressure: None | str | Unset = UNSET
    temperature_c: float | None | Unset = UNSET
    pulse_bpm: int | None | Unset = UNSET
    respiratory_rate: int | None | Unset = UNSET
    o2_saturation: int | None | Unset = UNSET
    pain_level: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        appointment_id: int | None | Unset
        if isinstance(self.appointment_id, Unset):
            appointment_id = UNSET
        else:
            appointment_id = self.appointment_id

        height_m: float | None | Unset
        if isinstance(self.height_m, Unset):
            height_m = UNSET
        else:
            height_m = self.height_m

        weight_kg: float | None | Unset
        if isinstance(self.weight_kg, Unset):
            weight_kg = UNSET
        else:
            weight_kg = self.weight_kg

        blood_pressure: None | str | Unset
        if isinstance(self.blood_pressure, Unset):
            blood_pressure = UNSET
        else:
            blood_pressure = self.blood_pressure

        temperature_c: float | None | Unset
        if isinstance(self.temperature_c, Unset):
            temperature_c = UNSET
        else:
            temperature_c = self.temperature_c

        pulse_bpm: int | None | Unset
        if isinstance(self.pulse_bpm, Unset):
            pulse_bpm = UNSET
        else:
            pulse_bpm = self.pulse_bpm

        respiratory_rate: int | None | Unset
        if isinstance(self.respiratory_rate, Unset):
            respiratory_rate = UNSET
        else:
            respiratory_rate = self.respiratory_rate

        o2_saturation: int | None | Unset
        if isinstance(self.o2_saturation, Unset):
            o2_saturation = UNSET
        else:
            o2_saturation = self.o2_saturation

        pain_level: int | None | Unset
        if isinstance(self.pain_level, Unset):
            pain_level = UNSET
        else:
            pain_level = self.pain_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patient_id": patient_id,
            }
        )
        if appointment_id is not UNSET:
            field_dict["appointment_id"] = appointment_id
        if height_m is not UNSET:
            field_dict["height_m"] = height_m
        if weight_kg is not UNSET:
            field_dict["weight_kg"] = weight_kg
        if blood_pressure is not UNSET:
            field_dict["blood_pressure"] = blood_pressure
        if temperature_c is not UNSET:
            field_dict["temperature_c"] = temperature_c
        if pulse_bpm is not UNSET:
            field_dict["pulse_bpm"] = pulse_bpm
        if respiratory_rate is not UNSET:
            field_dict["respiratory_rate"] = respiratory_rate
        if o2_saturation is not UNSET:
            field_dict["o2_saturation"] = o2_saturation
        if pain_level is not UNSET:
            field_dict["pain_level"] = pain_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_id = d.pop("patient_id")

        def _parse_appointment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id", UNSET))

        def _parse_height_m(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        height_m = _parse_height_m(d.pop("height_m", UNSET))

        def _parse_weight_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg", UNSET))

        def _parse_blood_pressure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blood_pressure = _parse_blood_pressure(d.pop("blood_pressure", UNSET))

        def _parse_temperature_c(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature_c = _parse_temperature_c(d.pop("temperature_c", UNSET))

        def _parse_pulse_bpm(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pulse_bpm = _parse_pulse_bpm(d.pop("pulse_bpm", UNSET))

        def _parse_respiratory_rate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        respiratory_rate = _parse_respiratory_rate(d.pop("respiratory_rate", UNSET))

        def _parse_o2_saturation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        o2_saturation = _parse_o2_saturation(d.pop("o2_saturation", UNSET))

        def _parse_pain_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pain_level = _parse_pain_level(d.pop("pain_level", UNSET))

        vitals_create = cls(
            patient_id=patient_id,
            appointment_id=appointment_id,
            height_m=height_m,
            weight_kg=weight_kg,
            blood_pressure=blood_pressure,
            temperature_c=temperature_c,
            pulse_bpm=pulse_bpm,
            respiratory_rate=respiratory_rate,
            o2_saturation=o2_saturation,
            pain_level=pain_level,
        )

        return vitals_create
