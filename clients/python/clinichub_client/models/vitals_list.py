from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pagination import Pagination
    from ..models.vitals_read import VitalsRead


T = TypeVar("T", bound="VitalsList")


@_attrs_define
class VitalsList:
    """
    Attributes:
        vitals (list[VitalsRead]):
        pagination (Pagination):
    """

    vitals: list[VitalsRead]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vitals = []
        for vitals_item_data in self.vitals:
            vitals_item = vitals_item_data.to_dict()
            vitals.append(vitals_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vitals": vitals,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination  # noqa: PLC0415
        from ..models.vitals_read import VitalsRead  # noqa: PLC0415

        d = dict(src_dict)
        vitals = []
        _vitals = d.pop("vitals")
        for vitals_item_data in _vitals:
            vitals_item = VitalsRead.from_dict(vitals_item_data)

            vitals.append(vitals_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        vitals_list = cls(
            vitals=vitals,
            pagination=pagination,
        )

        vitals_list.additional_properties = d
        return vitals_list

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
