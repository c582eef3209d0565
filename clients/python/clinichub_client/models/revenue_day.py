from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RevenueDay")


@_attrs_define
class RevenueDay:
    """One day of the clinic's calendar.

    Attributes:
        date (datetime.date):
        billed_cents (int): Totals of the invoices issued that day
        collected_cents (int): Totals of the invoices marked paid that day
        receivable_cents (int): Accounts receivable at the end of the day: the totals of the invoices issued by then and
            not paid by then
    """

    date: datetime.date
    billed_cents: int
    collected_cents: int
    receivable_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        billed_cents = self.billed_cents

        collected_cents = self.collected_cents

        receivable_cents = self.receivable_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "billed_cents": billed_cents,
                "collected_cents": collected_cents,
                "receivable_cents": receivable_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        billed_cents = d.pop("billed_cents")

        collected_cents = d.pop("collected_cents")

        receivable_cents = d.pop("receivable_cents")

        revenue_day = cls(
            date=date,
            billed_cents=billed_cents,
            collected_cents=collected_cents,
            receivable_cents=receivable_cents,
        )

        revenue_day.additional_properties = d
        return revenue_day

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
