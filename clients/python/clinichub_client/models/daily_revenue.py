from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DailyRevenue")


@_attrs_define
class DailyRevenue:
    """Invoices paid on one day of the clinic's calendar, and what they are worth.

    Attributes:
        date (datetime.date):
        currency (str):
        invoices_paid (int):
        billed_cents (int): Sum of the paid invoices' totals
        patient_collected_cents (int): Sum of what the patients paid
        insurance_receivable_cents (int): Sum of what the insurers owe
    """

    date: datetime.date
    currency: str
    invoices_paid: int
    billed_cents: int
    patient_collected_cents: int
    insurance_receivable_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        currency = self.currency

        invoices_paid = self.invoices_paid

        billed_cents = self.billed_cents

        patient_collected_cents = self.patient_collected_cents

        insurance_receivable_cents = self.insurance_receivable_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "currency": currency,
                "invoices_paid": invoices_paid,
                "billed_cents": billed_cents,
                "patient_collected_cents": patient_collected_cents,
                "insurance_receivable_cents": insurance_receivable_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        currency = d.pop("currency")

        invoices_paid = d.pop("invoices_paid")

        billed_cents = d.pop("billed_cents")

        patient_collected_cents = d.pop("patient_collected_cents")

        insurance_receivable_cents = d.pop("insurance_receivable_cents")

        daily_revenue = cls(
            date=date,
            currency=currency,
            invoices_paid=invoices_paid,
            billed_cents=billed_cents,
            patient_collected_cents=patient_collected_cents,
            insurance_receivable_cents=insurance_receivable_cents,
        )

        daily_revenue.additional_properties = d
        return daily_revenue

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
