from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="DailyCount")


@_attrs_define
class DailyCount:
    """
    Attributes:
        date (datetime.date): A day of the clinic's calendar (its time zone)
        total (int): Appointments starting that day, in any status
        by_status (StatusCounts): How many appointments of one day are in each status; every status is present, zeros
            included (one field per AppointmentStatus, so clients read them without guessing keys).
    """

    date: datetime.date
    total: int
    by_status: StatusCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        total = self.total

        by_status = self.by_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "total": total,
                "by_status": by_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_counts import StatusCounts  # noqa: PLC0415

        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        total = d.pop("total")

        by_status = StatusCounts.from_dict(d.pop("by_status"))

        daily_count = cls(
            date=date,
            total=total,
            by_status=by_status,
        )

        daily_count.additional_properties = d
        return daily_count

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
