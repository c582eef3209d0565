from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CptCodeRead")


@_attrs_define
class CptCodeRead:
    """
    Attributes:
        code (str):
        description (str):
        category (str):
        price_cents (int):
        currency (str):  Default: 'USD'.
        is_active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    code: str
    description: str
    category: str
    price_cents: int
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: str = "USD"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        description = self.description

        category = self.category

        price_cents = self.price_cents

        currency = self.currency

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "description": description,
                "category": category,
                "price_cents": price_cents,
                "currency": currency,
                "is_active": is_active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        description = d.pop("description")

        category = d.pop("category")

        price_cents = d.pop("price_cents")

        currency = d.pop("currency")

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        cpt_code_read = cls(
            code=code,
            description=description,
            category=category,
            price_cents=price_cents,
            currency=currency,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
        )

        cpt_code_read.additional_properties = d
        return cpt_code_read

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
