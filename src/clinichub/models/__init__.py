"""Every table, imported here so that Alembic and the tests see the whole schema."""

from clinichub.db.base import Base
from clinichub.models.audit import AuditAction, AuditEvent, AuditOutcome, AuditSeal
from clinichub.models.billing import CptCode, Invoice
from clinichub.models.clinical import MedicalRecord, MedicalRecordVersion, Vitals
from clinichub.models.patients import InsurancePlan, Patient, PlanType, Sex
from clinichub.models.scheduling import (
    Appointment,
    CptRecord,
    CptRecordStatus,
    ProviderWorkingHours,
)
from clinichub.models.security import IdempotencyKey, RateLimitCounter
from clinichub.models.users import AuthSession, Role, User

__all__ = [
    "Appointment",
    "AuditAction",
    "AuditEvent",
    "AuditOutcome",
    "AuditSeal",
    "AuthSession",
    "Base",
    "CptCode",
    "CptRecord",
    "CptRecordStatus",
    "IdempotencyKey",
    "InsurancePlan",
    "Invoice",
    "MedicalRecord",
    "MedicalRecordVersion",
    "Patient",
    "PlanType",
    "ProviderWorkingHours",
    "RateLimitCounter",
    "Role",
    "Sex",
    "User",
    "Vitals",
]
