from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceLine")


@_attrs_define
class InvoiceLine:
    """
    Attributes:
        cpt_record_id (int):
        code (str):
        description (str):
        quantity (int):
        unit_price_cents (int):
        amount_cents (int):
        modifier (None | str):
    """

    cpt_record_id: int
    code: str
    description: str
    quantity: int
    unit_price_cents: int
    amount_cents: int
    modifier: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cpt_record_id = self.cpt_record_id

        code = self.code

        description = self.description

        quantity = self.quantity

        unit_price_cents = self.unit_price_cents

        amount_cents = self.amount_cents

        modifier: None | str
        modifier = self.modifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cpt_record_id": cpt_record_id,
                "code": code,
                "description": description,
                "quantity": quantity,
                "unit_price_cents": unit_price_cents,
                "amount_cents": amount_cents,
                "modifier": modifier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cpt_record_id = d.pop("cpt_record_id")

        code = d.pop("code")

        description = d.pop("description")

        quantity = d.pop("quantity")

        unit_price_cents = d.pop("unit_price_cents")

        amount_cents = d.pop("amount_cents")

        def _parse_modifier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        modifier = _parse_modifier(d.pop("modifier"))

        invoice_line = cls(
            cpt_record_id=cpt_record_id,
            code=code,
            description=description,
            quantity=quantity,
            unit_price_cents=unit_price_cents,
            amount_cents=amount_cents,
            modifier=modifier,
        )

        invoice_line.additional_properties = d
        return invoice_line

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
