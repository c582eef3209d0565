from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_type import PlanType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        carrier_name (str):
        member_id (str):
        plan_type (PlanType):
        group_id (None | str | Unset):
        copay_cents (int | None | Unset): The copay in cents; required unless plan_type is self_pay
        effective_date (datetime.date | None | Unset): When the coverage starts: YYYY-MM-DD, from 1900-01-01 to
            2100-12-31
    """

    carrier_name: str
    member_id: str
    plan_type: PlanType
    group_id: None | str | Unset = UNSET
    copay_cents: int | None | Unset = UNSET
    effective_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        carrier_name = self.carrier_name

        member_id = self.member_id

        plan_type = self.plan_type.value

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        copay_cents: int | None | Unset
        if isinstance(self.copay_cents, Unset):
            copay_cents = UNSET
        else:
            copay_cents = self.copay_cents

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "carrier_name": carrier_name,
                "member_id": member_id,
                "plan_type": plan_type,
            }
        )
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if copay_cents is not UNSET:
            field_dict["copay_cents"] = copay_cents
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        carrier_name = d.pop("carrier_name")

        member_id = d.pop("member_id")

        plan_type = PlanType(d.pop("plan_type"))

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_copay_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        copay_cents = _parse_copay_cents(d.pop("copay_cents", UNSET))

        def _parse_effective_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        plan_create = cls(
            carrier_name=carrier_name,
            member_id=member_id,
            plan_type=plan_type,
            group_id=group_id,
            copay_cents=copay_cents,
            effective_date=effective_date,
        )

        return plan_create
