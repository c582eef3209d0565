"""Every table, imported here so that Alembic and the tests see the whole schema."""

from clinichub.db.base import Base
from clinichub.models.audit import AuditEvent, AuditSeal
from clinichub.models.billing import CptCode, Invoice
from clinichub.models.clinical import MedicalRecord, MedicalRecordVersion, Vitals
from clinichub.models.documents import Document, DocumentContent
from clinichub.models.patients import InsurancePlan, Patient
from clinichub.models.scheduling import Appointment, CptRecord, ProviderWorkingHours
from clinichub.models.security import IdempotencyKey, RateLimitCounter
from clinichub.models.users import AuthSession, User

__all__ = [
    "Appointment",
    "AuditEvent",
    "AuditSeal",
    "AuthSession",
    "Base",
    "CptCode",
    "CptRecord",
    "Document",
    "DocumentContent",
    "IdempotencyKey",
    "InsurancePlan",
    "Invoice",
    "MedicalRecord",
    "MedicalRecordVersion",
    "Patient",
    "ProviderWorkingHours",
    "RateLimitCounter",
    "User",
    "Vitals",
]
