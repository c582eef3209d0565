from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.working_hours_range import WorkingHoursRange


T = TypeVar("T", bound="WorkingHoursRead")


@_attrs_define
class WorkingHoursRead:
    """
    Attributes:
        provider_user_id (int):
        hours (list[WorkingHoursRange]): Clinic-local wall times; empty means the provider accepts any time
    """

    provider_user_id: int
    hours: list[WorkingHoursRange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_user_id = self.provider_user_id

        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_user_id": provider_user_id,
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_hours_range import WorkingHoursRange  # noqa: PLC0415

        d = dict(src_dict)
        provider_user_id = d.pop("provider_user_id")

        hours = []
        _hours = d.pop("hours")
        for hours_item_data in _hours:
            hours_item = WorkingHoursRange.from_dict(hours_item_data)

            hours.append(hours_item)

        working_hours_read = cls(
            provider_user_id=provider_user_id,
            hours=hours,
        )

        working_hours_read.additional_properties = d
        return working_hours_read

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
