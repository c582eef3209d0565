from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_type import PlanType

T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        plan_id (int):
        patient_id (int):
        carrier_name (str):
        member_id (str):
        group_id (None | str):
        plan_type (PlanType):
        copay_cents (int | None):
        currency (Literal['USD']):  Default: 'USD'.
        effective_date (datetime.date | None):
        is_active (bool):
        created_at (datetime.datetime):
    """

    plan_id: int
    patient_id: int
    carrier_name: str
    member_id: str
    group_id: None | str
    plan_type: PlanType
    copay_cents: int | None
    effective_date: datetime.date | None
    is_active: bool
    created_at: datetime.datetime
    currency: Literal["USD"] = "USD"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        patient_id = self.patient_id

        carrier_name = self.carrier_name

        member_id = self.member_id

        group_id: None | str
        group_id = self.group_id

        plan_type = self.plan_type.value

        copay_cents: int | None
        copay_cents = self.copay_cents

        currency = self.currency

        effective_date: None | str
        if isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "patient_id": patient_id,
                "carrier_name": carrier_name,
                "member_id": member_id,
                "group_id": group_id,
                "plan_type": plan_type,
                "copay_cents": copay_cents,
                "currency": currency,
                "effective_date": effective_date,
                "is_active": is_active,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        patient_id = d.pop("patient_id")

        carrier_name = d.pop("carrier_name")

        member_id = d.pop("member_id")

        def _parse_group_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_id = _parse_group_id(d.pop("group_id"))

        plan_type = PlanType(d.pop("plan_type"))

        def _parse_copay_cents(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        copay_cents = _parse_copay_cents(d.pop("copay_cents"))

        currency = cast(Literal["USD"], d.pop("currency"))
        if currency != "USD":
            raise ValueError(f"currency must match const 'USD', got '{currency}'")

        def _parse_effective_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_date = _parse_effective_date(d.pop("effective_date"))

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        plan_read = cls(
            plan_id=plan_id,
            patient_id=patient_id,
            carrier_name=carrier_name,
            member_id=member_id,
            group_id=group_id,
            plan_type=plan_type,
            copay_cents=copay_cents,
            currency=currency,
            effective_date=effective_date,
            is_active=is_active,
            created_at=created_at,
        )

        plan_read.additional_properties = d
        return plan_read

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
