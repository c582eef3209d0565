from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appointment_status import AppointmentStatus
from ..models.visit_type import VisitType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentUpdate")


@_attrs_define
class AppointmentUpdate:
    """Only the fields sent are changed; reason, notes and cpt_code may be cleared with null.

    Attributes:
        scheduled_start (datetime.datetime | None | Unset):
        scheduled_end (datetime.datetime | None | Unset):
        status (AppointmentStatus | None | Unset):
        visit_type (None | Unset | VisitType):
        reason (None | str | Unset):
        notes (None | str | Unset):
        cpt_code (None | str | Unset):
    """

    scheduled_start: datetime.datetime | None | Unset = UNSET
    scheduled_end: datetime.datetime | None | Unset = UNSET
    status: AppointmentStatus | None | Unset = UNSET
    visit_type: None | Unset | VisitType = UNSET
    reason: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    cpt_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scheduled_start: None | str | Unset
        if isinstance(self.scheduled_start, Unset):
            scheduled_start = UNSET
        elif isinstance(self.scheduled_start, datetime.datetime):
            scheduled_start = self.scheduled_start.isoformat()
        else:
            scheduled_start = self.scheduled_start

        scheduled_end: None | str | Unset
        if isinstance(self.scheduled_end, Unset):
            scheduled_end = UNSET
        elif isinstance(self.scheduled_end, datetime.datetime):
            scheduled_end = self.scheduled_end.isoformat()
        else:
            scheduled_end = self.scheduled_end

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AppointmentStatus):
            status = self.status.value
        else:
            status = self.status

        visit_type: None | str | Unset
        if isinstance(self.visit_type, Unset):
            visit_type = UNSET
        elif isinstance(self.visit_type, VisitType):
            visit_type = self.visit_type.value
        else:
            visit_type = self.visit_type

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

        field_dict.update({})
        if scheduled_start is not UNSET:
            field_dict["scheduled_start"] = scheduled_start
        if scheduled_end is not UNSET:
            field_dict["scheduled_end"] = scheduled_end
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

        def _parse_scheduled_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_start_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_start = _parse_scheduled_start(d.pop("scheduled_start", UNSET))

        def _parse_scheduled_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_end_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_end = _parse_scheduled_end(d.pop("scheduled_end", UNSET))

        def _parse_status(data: object) -> AppointmentStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AppointmentStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppointmentStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_visit_type(data: object) -> None | Unset | VisitType:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_type_type_0 = VisitType(data)

                return visit_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitType, data)

        visit_type = _parse_visit_type(d.pop("visit_type", UNSET))

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

        appointment_update = cls(
            scheduled_start=scheduled_start,
            scheduled_end=scheduled_end,
            status=status,
            visit_type=visit_type,
            reason=reason,
            notes=notes,
            cpt_code=cpt_code,
        )

        return appointment_update
