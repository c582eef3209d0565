from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts:
    """How many appointments of one day are in each status; every status is present, zeros
    included (one field per AppointmentStatus, so clients read them without guessing keys).

        Attributes:
            scheduled (int):
            confirmed (int):
            checked_in (int):
            in_progress (int):
            completed (int):
            cancelled (int):
            no_show (int):
    """

    scheduled: int
    confirmed: int
    checked_in: int
    in_progress: int
    completed: int
    cancelled: int
    no_show: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scheduled = self.scheduled

        confirmed = self.confirmed

        checked_in = self.checked_in

        in_progress = self.in_progress

        completed = self.completed

        cancelled = self.cancelled

        no_show = self.no_show

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scheduled": scheduled,
                "confirmed": confirmed,
                "checked_in": checked_in,
                "in_progress": in_progress,
                "completed": completed,
                "cancelled": cancelled,
                "no_show": no_show,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled = d.pop("scheduled")

        confirmed = d.pop("confirmed")

        checked_in = d.pop("checked_in")

        in_progress = d.pop("in_progress")

        completed = d.pop("completed")

        cancelled = d.pop("cancelled")

        no_show = d.pop("no_show")

        status_counts = cls(
            scheduled=scheduled,
            confirmed=confirmed,
            checked_in=checked_in,
            in_progress=in_progress,
            completed=completed,
            cancelled=cancelled,
            no_show=no_show,
        )

        status_counts.additional_properties = d
        return status_counts

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
