from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.charge_read import ChargeRead


T = TypeVar("T", bound="ChargeCreated")


@_attrs_define
class ChargeCreated:
    """
    Attributes:
        message (str):
        charge (ChargeRead): A CPT record: one billable procedure of a visit, priced when it was made.
    """

    message: str
    charge: ChargeRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        charge = self.charge.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "charge": charge,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charge_read import ChargeRead  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        charge = ChargeRead.from_dict(d.pop("charge"))

        charge_created = cls(
            message=message,
            charge=charge,
        )

        charge_created.additional_properties = d
        return charge_created

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
