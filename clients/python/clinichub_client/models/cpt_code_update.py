from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CptCodeUpdate")


@_attrs_define
class CptCodeUpdate:
    """Only the fields sent are changed. A new price applies to charges made from now on.

    Attributes:
        description (str | Unset):
        category (str | Unset):
        price_cents (int | Unset):
        is_active (bool | Unset):
    """

    description: str | Unset = UNSET
    category: str | Unset = UNSET
    price_cents: int | Unset = UNSET
    is_active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        category = self.category

        price_cents = self.price_cents

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if category is not UNSET:
            field_dict["category"] = category
        if price_cents is not UNSET:
            field_dict["price_cents"] = price_cents
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        category = d.pop("category", UNSET)

        price_cents = d.pop("price_cents", UNSET)

        is_active = d.pop("is_active", UNSET)

        cpt_code_update = cls(
            description=description,
            category=category,
            price_cents=price_cents,
            is_active=is_active,
        )

        return cpt_code_update
