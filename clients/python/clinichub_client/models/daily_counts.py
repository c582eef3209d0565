from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.daily_count import DailyCount


T = TypeVar("T", bound="DailyCounts")


@_attrs_define
class DailyCounts:
    """
    Attributes:
        date_from (datetime.date):
        date_to (datetime.date):
        days (list[DailyCount]): Every day from date_from to date_to, in order, days without appointments included
    """

    date_from: datetime.date
    date_to: datetime.date
    days: list[DailyCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_from = self.date_from.isoformat()

        date_to = self.date_to.isoformat()

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date_from": date_from,
                "date_to": date_to,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.daily_count import DailyCount  # noqa: PLC0415

        d = dict(src_dict)
        date_from = datetime.date.fromisoformat(d.pop("date_from"))

        date_to = datetime.date.fromisoformat(d.pop("date_to"))

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = DailyCount.from_dict(days_item_data)

            days.append(days_item)

        daily_counts = cls(
            date_from=date_from,
            date_to=date_to,
            days=days,
        )

        daily_counts.additional_properties = d
        return daily_counts

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
