from dataclasses import dataclass
from datetime import datetime

from pydantic import ConfigDict, Field, field_validator

from clinichub.schemas import Pagination, ResponseModel, UtcDateTime
from clinichub.vocabulary import AuditAction, AuditOutcome, AuditResource, Role


class AuditEventRead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    event_id: int
    occurred_at: UtcDateTime
    actor_user_id: int | None
    actor_role: Role | None
    action: AuditAction
    resource_type: AuditResource
    resource_id: str | None
    patient_id: int | None
    outcome: AuditOutcome
    request_id: str | None
    ip: str | None
    user_agent: str | None

    @field_validator("ip", mode="before")
    @classmethod
    def _ip(cls, ip: object) -> str | None:
        return None if ip is None else str(ip)


class AuditEventList(ResponseModel):
    events: list[AuditEventRead]
    pagination: Pagination


class AuditVerification(ResponseModel):
    valid: bool
    events_checked: int
    seals_checked: int
    broken_seal_id: int | None = None
    reason: str | None = None


# A seal's id and its 64 hex digits; the id has at most 18 digits (a BIGINT).
HEAD_PATTERN = r"^[1-9][0-9]{0,17}:[0-9a-f]{64}$"


class AuditHead(ResponseModel):
    model_config = ConfigDict(from_attributes=True)

    seal_id: int
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    sealed_at: UtcDateTime


@dataclass(frozen=True)
class EventFilters:
    """What a list of events is filtered by (each filter that is set must match)."""

    actor_user_id: int | None = None
    patient_id: int | None = None
    action: AuditAction | None = None
    resource_type: AuditResource | None = None
    request_id: str | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None
