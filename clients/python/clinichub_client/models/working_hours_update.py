from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.working_hours_range import WorkingHoursRange


T = TypeVar("T", bound="WorkingHoursUpdate")


@_attrs_define
class WorkingHoursUpdate:
    """
    Attributes:
        hours (list[WorkingHoursRange]):
    """

    hours: list[WorkingHoursRange]

    def to_dict(self) -> dict[str, Any]:
        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_hours_range import WorkingHoursRange  # noqa: PLC0415

        d = dict(src_dict)
        hours = []
        _hours = d.pop("hours")
        for hours_item_data in _hours:
            hours_item = WorkingHoursRange.from_dict(hours_item_data)

            hours.append(hours_item)

        working_hours_update = cls(
            hours=hours,
        )

        return working_hours_update
