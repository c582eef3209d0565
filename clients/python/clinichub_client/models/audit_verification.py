from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """
    Attributes:
        valid (bool):
        events_checked (int):
        seals_checked (int):
        broken_seal_id (int | None):
        reason (None | str):
    """

    valid: bool
    events_checked: int
    seals_checked: int
    broken_seal_id: int | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        events_checked = self.events_checked

        seals_checked = self.seals_checked

        broken_seal_id: int | None
        broken_seal_id = self.broken_seal_id

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "events_checked": events_checked,
                "seals_checked": seals_checked,
                "broken_seal_id": broken_seal_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid = d.pop("valid")

        events_checked = d.pop("events_checked")

        seals_checked = d.pop("seals_checked")

        def _parse_broken_seal_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        broken_seal_id = _parse_broken_seal_id(d.pop("broken_seal_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        audit_verification = cls(
            valid=valid,
            events_checked=events_checked,
            seals_checked=seals_checked,
            broken_seal_id=broken_seal_id,
            reason=reason,
        )

        audit_verification.additional_properties = d
        return audit_verification

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
