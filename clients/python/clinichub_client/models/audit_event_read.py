from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction
from ..models.audit_outcome import AuditOutcome
from ..models.audit_resource import AuditResource
from ..models.role import Role

T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """
    Attributes:
        event_id (int):
        occurred_at (datetime.datetime):
        actor_user_id (int | None):
        actor_role (None | Role):
        action (AuditAction):
        resource_type (AuditResource): What an audit event is about: a resource (`patient`), a list or search of them
            (`patient_list`), one field of a change (`user.role`, `cpt_code.price_cents`), a retry answered
            with a stored response (`idempotent_replay`), or, for an `access_denied`, the area of the API
            that refused the caller (the operation's tag: `patients`, `medical_records`).
        resource_id (None | str):
        patient_id (int | None):
        outcome (AuditOutcome):
        request_id (None | str):
        ip (None | str):
        user_agent (None | str):
    """

    event_id: int
    occurred_at: datetime.datetime
    actor_user_id: int | None
    actor_role: None | Role
    action: AuditAction
    resource_type: AuditResource
    resource_id: None | str
    patient_id: int | None
    outcome: AuditOutcome
    request_id: None | str
    ip: None | str
    user_agent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        occurred_at = self.occurred_at.isoformat()

        actor_user_id: int | None
        actor_user_id = self.actor_user_id

        actor_role: None | str
        if isinstance(self.actor_role, Role):
            actor_role = self.actor_role.value
        else:
            actor_role = self.actor_role

        action = self.action.value

        resource_type = self.resource_type.value

        resource_id: None | str
        resource_id = self.resource_id

        patient_id: int | None
        patient_id = self.patient_id

        outcome = self.outcome.value

        request_id: None | str
        request_id = self.request_id

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "occurred_at": occurred_at,
                "actor_user_id": actor_user_id,
                "actor_role": actor_role,
                "action": action,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "patient_id": patient_id,
                "outcome": outcome,
                "request_id": request_id,
                "ip": ip,
                "user_agent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_actor_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_user_id = _parse_actor_user_id(d.pop("actor_user_id"))

        def _parse_actor_role(data: object) -> None | Role:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_role_type_0 = Role(data)

                return actor_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Role, data)

        actor_role = _parse_actor_role(d.pop("actor_role"))

        action = AuditAction(d.pop("action"))

        resource_type = AuditResource(d.pop("resource_type"))

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        def _parse_patient_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        patient_id = _parse_patient_id(d.pop("patient_id"))

        outcome = AuditOutcome(d.pop("outcome"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))

        audit_event_read = cls(
            event_id=event_id,
            occurred_at=occurred_at,
            actor_user_id=actor_user_id,
            actor_role=actor_role,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            patient_id=patient_id,
            outcome=outcome,
            request_id=request_id,
            ip=ip,
            user_agent=user_agent,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
