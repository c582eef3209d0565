from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revenue_day import RevenueDay
    from ..models.revenue_totals import RevenueTotals


T = TypeVar("T", bound="RevenueReport")


@_attrs_define
class RevenueReport:
    """Billed, collected and receivable per day of the clinic's calendar, every day of the range
    included.

        Attributes:
            from_ (datetime.date): The first day, as asked
            to (datetime.date): The last day, as asked
            currency (str):
            days (list[RevenueDay]): One entry per day, from `from` to `to`
            totals (RevenueTotals):
    """

    from_: datetime.date
    to: datetime.date
    currency: str
    days: list[RevenueDay]
    totals: RevenueTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        currency = self.currency

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "currency": currency,
                "days": days,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revenue_day import RevenueDay  # noqa: PLC0415
        from ..models.revenue_totals import RevenueTotals  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        currency = d.pop("currency")

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = RevenueDay.from_dict(days_item_data)

            days.append(days_item)

        totals = RevenueTotals.from_dict(d.pop("totals"))

        revenue_report = cls(
            from_=from_,
            to=to,
            currency=currency,
            days=days,
            totals=totals,
        )

        revenue_report.additional_properties = d
        return revenue_report

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
