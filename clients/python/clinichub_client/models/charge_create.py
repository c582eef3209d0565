from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChargeCreate")


@_attrs_define
class ChargeCreate:
    """
    Attributes:
        cpt_code (str): Five digits, or four digits and a letter
        quantity (int | Unset):  Default: 1.
    """

    cpt_code: str
    quantity: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        cpt_code = self.cpt_code

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cpt_code": cpt_code,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cpt_code = d.pop("cpt_code")

        quantity = d.pop("quantity", UNSET)

        charge_create = cls(
            cpt_code=cpt_code,
            quantity=quantity,
        )

        return charge_create
