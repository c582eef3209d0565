from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appointment_status import AppointmentStatus
from ..models.visit_type import VisitType

T = TypeVar("T", bound="AppointmentRead")


@_attrs_define
class AppointmentRead:
    """
    Attributes:
        appointment_id (int):
        patient_id (int):
        provider_user_id (int):
        scheduled_start (datetime.datetime):
        scheduled_end (datetime.datetime):
        status (AppointmentStatus):
        visit_type (VisitType):
        reason (None | str):
        notes (None | str):
        cpt_code (None | str):
        cancellation_reason (None | str):
        telehealth_url (None | str): The video visit's link, for telehealth visits (null in person)
        cpt_id (int | None): The charge created when the visit was completed
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int): Incremented by every change; the ETag of GET is this number in quotes
    """

    appointment_id: int
    patient_id: int
    provider_user_id: int
    scheduled_start: datetime.datetime
    scheduled_end: datetime.datetime
    status: AppointmentStatus
    visit_type: VisitType
    reason: None | str
    notes: None | str
    cpt_code: None | str
    cancellation_reason: None | str
    telehealth_url: None | str
    cpt_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_id = self.appointment_id

        patient_id = self.patient_id

        provider_user_id = self.provider_user_id

        scheduled_start = self.scheduled_start.isoformat()

        scheduled_end = self.scheduled_end.isoformat()

        status = self.status.value

        visit_type = self.visit_type.value

        reason: None | str
        reason = self.reason

        notes: None | str
        notes = self.notes

        cpt_code: None | str
        cpt_code = self.cpt_code

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        telehealth_url: None | str
        telehealth_url = self.telehealth_url

        cpt_id: int | None
        cpt_id = self.cpt_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_id": appointment_id,
                "patient_id": patient_id,
                "provider_user_id": provider_user_id,
                "scheduled_start": scheduled_start,
                "scheduled_end": scheduled_end,
                "status": status,
                "visit_type": visit_type,
                "reason": reason,
                "notes": notes,
                "cpt_code": cpt_code,
                "cancellation_reason": cancellation_reason,
                "telehealth_url": telehealth_url,
                "cpt_id": cpt_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointment_id = d.pop("appointment_id")

        patient_id = d.pop("patient_id")

        provider_user_id = d.pop("provider_user_id")

        scheduled_start = datetime.datetime.fromisoformat(d.pop("scheduled_start"))

        scheduled_end = datetime.datetime.fromisoformat(d.pop("scheduled_end"))

        status = AppointmentStatus(d.pop("status"))

        visit_type = VisitType(d.pop("visit_type"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_cpt_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cpt_code = _parse_cpt_code(d.pop("cpt_code"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        def _parse_telehealth_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telehealth_url = _parse_telehealth_url(d.pop("telehealth_url"))

        def _parse_cpt_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cpt_id = _parse_cpt_id(d.pop("cpt_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        appointment_read = cls(
            appointment_id=appointment_id,
            patient_id=patient_id,
            provider_user_id=provider_user_id,
            scheduled_start=scheduled_start,
            scheduled_end=scheduled_end,
            status=status,
            visit_type=visit_type,
            reason=reason,
            notes=notes,
            cpt_code=cpt_code,
            cancellation_reason=cancellation_reason,
            telehealth_url=telehealth_url,
            cpt_id=cpt_id,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        appointment_read.additional_properties = d
        return appointment_read

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
