from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """
    Attributes:
        valid (bool):
        events_checked (int):
        seals_checked (int):
        broken_seal_id (int | None | Unset):
        reason (None | str | Unset):
    """

    valid: bool
    events_checked: int
    seals_checked: int
    broken_seal_id: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        events_checked = self.events_checked

        seals_checked = self.seals_checked

        broken_seal_id: int | None | Unset
        if isinstance(self.broken_seal_id, Unset):
            broken_seal_id = UNSET
        else:
            broken_seal_id = self.broken_seal_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "events_checked": events_checked,
                "seals_checked": seals_checked,
            }
        )
        if broken_seal_id is not UNSET:
            field_dict["broken_seal_id"] = broken_seal_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid = d.pop("valid")

        events_checked = d.pop("events_checked")

        seals_checked = d.pop("seals_checked")

        def _parse_broken_seal_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        broken_seal_id = _parse_broken_seal_id(d.pop("broken_seal_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

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
