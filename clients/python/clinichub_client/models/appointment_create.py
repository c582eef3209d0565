from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.initial_status import InitialStatus
from ..models.visit_type import VisitType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentCreate")


@_attrs_define
class AppointmentCreate:
    """
    Attributes:
        patient_id (int):
        provider_user_id (int):
        scheduled_start (datetime.datetime): ISO-8601; from 2000-01-01 to five years from now
        scheduled_end (datetime.datetime): ISO-8601; from 2000-01-01 to five years from now
        status (InitialStatus | Unset): The statuses a booking may start in: the first steps of the AppointmentStatus
            lifecycle.
        visit_type (VisitType | Unset):
        reason (None | str | Unset):
        notes (None | str | Unset):
        cpt_code (None | str | Unset): The procedure planned; billed on completion
    """

    patient_id: int
    provider_user_id: int
    scheduled_start: datetime.datetime
    scheduled_end: datetime.datetime
    status: InitialStatus | Unset = UNSET
    visit_type: VisitType | Unset = UNSET
    reason: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    cpt_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        provider_user_id = self.provider_user_id

        scheduled_start = self.scheduled_start.isoformat()

        scheduled_end = self.scheduled_end.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        visit_type: str | Unset = UNSET
        if not isinstance(self.visit_type, Unset):
            visit_type = self.visit_type.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        cpt_code: None | str | Unset
        if isinstance(self.cpt_code, Unset):
            cpt_code = UNSET
        else:
            cpt_code = self.cpt_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patient_id": patient_id,
                "provider_user_id": provider_user_id,
                "scheduled_start": scheduled_start,
                "scheduled_end": scheduled_end,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if visit_type is not UNSET:
            field_dict["visit_type"] = visit_type
        if reason is not UNSET:
            field_dict["reason"] = reason
        if notes is not UNSET:
            field_dict["notes"] = notes
        if cpt_code is not UNSET:
            field_dict["cpt_code"] = cpt_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_id = d.pop("patient_id")

        provider_user_id = d.pop("provider_user_id")

        scheduled_start = datetime.datetime.fromisoformat(d.pop("scheduled_start"))

        scheduled_end = datetime.datetime.fromisoformat(d.pop("scheduled_end"))

        _status = d.pop("status", UNSET)
        status: InitialStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = InitialStatus(_status)

        _visit_type = d.pop("visit_type", UNSET)
        visit_type: VisitType | Unset
        if isinstance(_visit_type, Unset):
            visit_type = UNSET
        else:
            visit_type = VisitType(_visit_type)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_cpt_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cpt_code = _parse_cpt_code(d.pop("cpt_code", UNSET))

        appointment_create = cls(
            patient_id=patient_id,
            provider_user_id=provider_user_id,
            scheduled_start=scheduled_start,
            scheduled_end=scheduled_end,
            status=status,
            visit_type=visit_type,
            reason=reason,
            notes=notes,
            cpt_code=cpt_code,
        )

        return appointment_create
