from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WorkingHoursRange")


@_attrs_define
class WorkingHoursRange:
    """
    Attributes:
        weekday (int): 0 = Monday ... 6 = Sunday
        start_time (str):
        end_time (str):
    """

    weekday: int
    start_time: str
    end_time: str

    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weekday": weekday,
                "start_time": start_time,
                "end_time": end_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = d.pop("weekday")

        start_time = d.pop("start_time")

        end_time = d.pop("end_time")

        working_hours_range = cls(
            weekday=weekday,
            start_time=start_time,
            end_time=end_time,
        )

        return working_hours_range
