from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.invoice_status import InvoiceStatus

T = TypeVar("T", bound="InvoiceUpdate")


@_attrs_define
class InvoiceUpdate:
    """
    Attributes:
        status (InvoiceStatus):
    """

    status: InvoiceStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = InvoiceStatus(d.pop("status"))

        invoice_update = cls(
            status=status,
        )

        return invoice_update
