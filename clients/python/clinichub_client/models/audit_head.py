from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditHead")


@_attrs_define
class AuditHead:
    """
    Attributes:
        seal_id (int):
        hash_ (str):
        sealed_at (datetime.datetime):
    """

    seal_id: int
    hash_: str
    sealed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seal_id = self.seal_id

        hash_ = self.hash_

        sealed_at = self.sealed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seal_id": seal_id,
                "hash": hash_,
                "sealed_at": sealed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seal_id = d.pop("seal_id")

        hash_ = d.pop("hash")

        sealed_at = datetime.datetime.fromisoformat(d.pop("sealed_at"))

        audit_head = cls(
            seal_id=seal_id,
            hash_=hash_,
            sealed_at=sealed_at,
        )

        audit_head.additional_properties = d
        return audit_head

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
