from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_status import InvoiceStatus

if TYPE_CHECKING:
    from ..models.invoice_line import InvoiceLine
    from ..models.invoice_plan import InvoicePlan


T = TypeVar("T", bound="InvoiceRead")


@_attrs_define
class InvoiceRead:
    """
    Attributes:
        invoice_id (int):
        appointment_id (int):
        patient_id (int):
        cpt_id (int): The primary charge, made when the appointment was completed
        status (InvoiceStatus):
        lines (list[InvoiceLine]):
        total_cents (int): The sum of the lines
        patient_due_cents (int): The copay (at most the total), or all of it
        insurance_due_cents (int): total_cents - patient_due_cents
        currency (str):
        plan (InvoicePlan | None):
        issued_at (datetime.datetime):
        paid_at (datetime.datetime | None):
        version (int): Incremented by every change; the ETag of GET is this number in quotes
    """

    invoice_id: int
    appointment_id: int
    patient_id: int
    cpt_id: int
    status: InvoiceStatus
    lines: list[InvoiceLine]
    total_cents: int
    patient_due_cents: int
    insurance_due_cents: int
    currency: str
    plan: InvoicePlan | None
    issued_at: datetime.datetime
    paid_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.invoice_plan import InvoicePlan  # noqa: PLC0415

        invoice_id = self.invoice_id

        appointment_id = self.appointment_id

        patient_id = self.patient_id

        cpt_id = self.cpt_id

        status = self.status.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        total_cents = self.total_cents

        patient_due_cents = self.patient_due_cents

        insurance_due_cents = self.insurance_due_cents

        currency = self.currency

        plan: dict[str, Any] | None
        if isinstance(self.plan, InvoicePlan):
            plan = self.plan.to_dict()
        else:
            plan = self.plan

        issued_at = self.issued_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "appointment_id": appointment_id,
                "patient_id": patient_id,
                "cpt_id": cpt_id,
                "status": status,
                "lines": lines,
                "total_cents": total_cents,
                "patient_due_cents": patient_due_cents,
                "insurance_due_cents": insurance_due_cents,
                "currency": currency,
                "plan": plan,
                "issued_at": issued_at,
                "paid_at": paid_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_line import InvoiceLine  # noqa: PLC0415
        from ..models.invoice_plan import InvoicePlan  # noqa: PLC0415

        d = dict(src_dict)
        invoice_id = d.pop("invoice_id")

        appointment_id = d.pop("appointment_id")

        patient_id = d.pop("patient_id")

        cpt_id = d.pop("cpt_id")

        status = InvoiceStatus(d.pop("status"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLine.from_dict(lines_item_data)

            lines.append(lines_item)

        total_cents = d.pop("total_cents")

        patient_due_cents = d.pop("patient_due_cents")

        insurance_due_cents = d.pop("insurance_due_cents")

        currency = d.pop("currency")

        def _parse_plan(data: object) -> InvoicePlan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                plan_type_0 = InvoicePlan.from_dict(data)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoicePlan | None, data)

        plan = _parse_plan(d.pop("plan"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        version = d.pop("version")

        invoice_read = cls(
            invoice_id=invoice_id,
            appointment_id=appointment_id,
            patient_id=patient_id,
            cpt_id=cpt_id,
            status=status,
            lines=lines,
            total_cents=total_cents,
            patient_due_cents=patient_due_cents,
            insurance_due_cents=insurance_due_cents,
            currency=currency,
            plan=plan,
            issued_at=issued_at,
            paid_at=paid_at,
            version=version,
        )

        invoice_read.additional_properties = d
        return invoice_read

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
