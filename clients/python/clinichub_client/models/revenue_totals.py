from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RevenueTotals")


@_attrs_define
class RevenueTotals:
    """
    Attributes:
        billed_cents (int): Billed over the range
        collected_cents (int): Collected over the range
        receivable_cents (int): Receivable at the end of the range's last day
    """

    billed_cents: int
    collected_cents: int
    receivable_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billed_cents = self.billed_cents

        collected_cents = self.collected_cents

        receivable_cents = self.receivable_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billed_cents": billed_cents,
                "collected_cents": collected_cents,
                "receivable_cents": receivable_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        billed_cents = d.pop("billed_cents")

        collected_cents = d.pop("collected_cents")

        receivable_cents = d.pop("receivable_cents")

        revenue_totals = cls(
            billed_cents=billed_cents,
            collected_cents=collected_cents,
            receivable_cents=receivable_cents,
        )

        revenue_totals.additional_properties = d
        return revenue_totals

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
