from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cpt_record_status import CptRecordStatus

T = TypeVar("T", bound="ChargeRead")


@_attrs_define
class ChargeRead:
    """A CPT record: one billable procedure of a visit, priced when it was made.

    Attributes:
        cpt_record_id (int):
        appointment_id (int):
        patient_id (int):
        cpt_code (str):
        description (str):
        quantity (int):
        unit_price_cents (int): The catalogue price when the charge was made
        amount_cents (int): quantity x unit_price_cents
        currency (str):  Default: 'USD'.
        modifier (None | str): CPT modifier, e.g. 95 for a telehealth visit
        service_date (datetime.date): The day of the visit, in the clinic's time zone
        status (CptRecordStatus):
        created_at (datetime.datetime):
    """

    cpt_record_id: int
    appointment_id: int
    patient_id: int
    cpt_code: str
    description: str
    quantity: int
    unit_price_cents: int
    amount_cents: int
    modifier: None | str
    service_date: datetime.date
    status: CptRecordStatus
    created_at: datetime.datetime
    currency: str = "USD"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cpt_record_id = self.cpt_record_id

        appointment_id = self.appointment_id

        patient_id = self.patient_id

        cpt_code = self.cpt_code

        description = self.description

        quantity = self.quantity

        unit_price_cents = self.unit_price_cents

        amount_cents = self.amount_cents

        currency = self.currency

        modifier: None | str
        modifier = self.modifier

        service_date = self.service_date.isoformat()

        status = self.status.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cpt_record_id": cpt_record_id,
                "appointment_id": appointment_id,
                "patient_id": patient_id,
                "cpt_code": cpt_code,
                "description": description,
                "quantity": quantity,
                "unit_price_cents": unit_price_cents,
                "amount_cents": amount_cents,
                "currency": currency,
                "modifier": modifier,
                "service_date": service_date,
                "status": status,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cpt_record_id = d.pop("cpt_record_id")

        appointment_id = d.pop("appointment_id")

        patient_id = d.pop("patient_id")

        cpt_code = d.pop("cpt_code")

        description = d.pop("description")

        quantity = d.pop("quantity")

        unit_price_cents = d.pop("unit_price_cents")

        amount_cents = d.pop("amount_cents")

        currency = d.pop("currency")

        def _parse_modifier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        modifier = _parse_modifier(d.pop("modifier"))

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = CptRecordStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        charge_read = cls(
            cpt_record_id=cpt_record_id,
            appointment_id=appointment_id,
            patient_id=patient_id,
            cpt_code=cpt_code,
            description=description,
            quantity=quantity,
            unit_price_cents=unit_price_cents,
            amount_cents=amount_cents,
            currency=currency,
            modifier=modifier,
            service_date=service_date,
            status=status,
            created_at=created_at,
        )

        charge_read.additional_properties = d
        return charge_read

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
