from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Pagination")


@_attrs_define
class Pagination:
    """
    Attributes:
        total (int): Number of items matching the query
        pages (int): Number of pages; 0 when there are no items
        page (int):
        per_page (int): The effective page size, after capping
        has_next (bool):
        has_prev (bool):
    """

    total: int
    pages: int
    page: int
    per_page: int
    has_next: bool
    has_prev: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        pages = self.pages

        page = self.page

        per_page = self.per_page

        has_next = self.has_next

        has_prev = self.has_prev

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "pages": pages,
                "page": page,
                "per_page": per_page,
                "has_next": has_next,
                "has_prev": has_prev,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        pages = d.pop("pages")

        page = d.pop("page")

        per_page = d.pop("per_page")

        has_next = d.pop("has_next")

        has_prev = d.pop("has_prev")

        pagination = cls(
            total=total,
            pages=pages,
            page=page,
            per_page=per_page,
            has_next=has_next,
            has_prev=has_prev,
        )

        pagination.additional_properties = d
        return pagination

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
