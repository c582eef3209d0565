from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.charge_read import ChargeRead
    from ..models.pagination import Pagination


T = TypeVar("T", bound="CptRecordList")


@_attrs_define
class CptRecordList:
    """
    Attributes:
        cpt_records (list[ChargeRead]):
        pagination (Pagination):
    """

    cpt_records: list[ChargeRead]
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cpt_records = []
        for cpt_records_item_data in self.cpt_records:
            cpt_records_item = cpt_records_item_data.to_dict()
            cpt_records.append(cpt_records_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cpt_records": cpt_records,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charge_read import ChargeRead  # noqa: PLC0415
        from ..models.pagination import Pagination  # noqa: PLC0415

        d = dict(src_dict)
        cpt_records = []
        _cpt_records = d.pop("cpt_records")
        for cpt_records_item_data in _cpt_records:
            cpt_records_item = ChargeRead.from_dict(cpt_records_item_data)

            cpt_records.append(cpt_records_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        cpt_record_list = cls(
            cpt_records=cpt_records,
            pagination=pagination,
        )

        cpt_record_list.additional_properties = d
        return cpt_record_list

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
