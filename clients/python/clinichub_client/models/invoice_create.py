from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceCreate")


@_attrs_define
class InvoiceCreate:
    """
    Attributes:
        appointment_id (int):
    """

    appointment_id: int

    def to_dict(self) -> dict[str, Any]:
        appointment_id = self.appointment_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointment_id": appointment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointment_id = d.pop("appointment_id")

        invoice_create = cls(
            appointment_id=appointment_id,
        )

        return invoice_create
