from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider_role import ProviderRole

if TYPE_CHECKING:
    from ..models.working_hours_range import WorkingHoursRange


T = TypeVar("T", bound="ProviderRead")


@_attrs_define
class ProviderRead:
    """
    Attributes:
        provider_user_id (int):
        first_name (str):
        last_name (str):
        role (ProviderRole): The roles that see patients and can be booked: a provider is a doctor or a nurse.
        working_hours (list[WorkingHoursRange]):
    """

    provider_user_id: int
    first_name: str
    last_name: str
    role: ProviderRole
    working_hours: list[WorkingHoursRange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_user_id = self.provider_user_id

        first_name = self.first_name

        last_name = self.last_name

        role = self.role.value

        working_hours = []
        for working_hours_item_data in self.working_hours:
            working_hours_item = working_hours_item_data.to_dict()
            working_hours.append(working_hours_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_user_id": provider_user_id,
                "first_name": first_name,
                "last_name": last_name,
                "role": role,
                "working_hours": working_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_hours_range import WorkingHoursRange  # noqa: PLC0415

        d = dict(src_dict)
        provider_user_id = d.pop("provider_user_id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        role = ProviderRole(d.pop("role"))

        working_hours = []
        _working_hours = d.pop("working_hours")
        for working_hours_item_data in _working_hours:
            working_hours_item = WorkingHoursRange.from_dict(working_hours_item_data)

            working_hours.append(working_hours_item)

        provider_read = cls(
            provider_user_id=provider_user_id,
            first_name=first_name,
            last_name=last_name,
            role=role,
            working_hours=working_hours,
        )

        provider_read.additional_properties = d
        return provider_read

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
