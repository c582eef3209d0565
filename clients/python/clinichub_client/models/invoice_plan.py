from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_type import PlanType

T = TypeVar("T", bound="InvoicePlan")


@_attrs_define
class InvoicePlan:
    """The patient's insurance plan as it was when the invoice was made.

    Attributes:
        plan_id (int):
        carrier_name (str):
        member_id (str):
        plan_type (PlanType):
        copay_cents (int | None):
    """

    plan_id: int
    carrier_name: str
    member_id: str
    plan_type: PlanType
    copay_cents: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        carrier_name = self.carrier_name

        member_id = self.member_id

        plan_type = self.plan_type.value

        copay_cents: int | None
        copay_cents = self.copay_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "carrier_name": carrier_name,
                "member_id": member_id,
                "plan_type": plan_type,
                "copay_cents": copay_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        carrier_name = d.pop("carrier_name")

        member_id = d.pop("member_id")

        plan_type = PlanType(d.pop("plan_type"))

        def _parse_copay_cents(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        copay_cents = _parse_copay_cents(d.pop("copay_cents"))

        invoice_plan = cls(
            plan_id=plan_id,
            carrier_name=carrier_name,
            member_id=member_id,
            plan_type=plan_type,
            copay_cents=copay_cents,
        )

        invoice_plan.additional_properties = d
        return invoice_plan

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
