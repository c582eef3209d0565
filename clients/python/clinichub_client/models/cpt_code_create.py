from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CptCodeCreate")


@_attrs_define
class CptCodeCreate:
    """
    Attributes:
        code (str): Five digits, or four digits and a letter
        description (str):
        category (str):
        price_cents (int):
        is_active (bool | Unset):  Default: True.
    """

    code: str
    description: str
    category: str
    price_cents: int
    is_active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        description = self.description

        category = self.category

        price_cents = self.price_cents

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "description": description,
                "category": category,
                "price_cents": price_cents,
            }
        )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        description = d.pop("description")

        category = d.pop("category")

        price_cents = d.pop("price_cents")

        is_active = d.pop("is_active", UNSET)

        cpt_code_create = cls(
            code=code,
            description=description,
            category=category,
            price_cents=price_cents,
            is_active=is_active,
        )

        return cpt_code_create
