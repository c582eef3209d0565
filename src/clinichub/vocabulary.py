"""The domain's vocabulary: every enumeration, defined once, that any layer may import (rules
included: this module imports nothing but the standard library)."""

from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    doctor = "doctor"
    nurse = "nurse"
    receptionist = "receptionist"


class ProviderRole(StrEnum):
    """The roles that see patients and can be booked: a provider is a doctor or a nurse."""

    doctor = Role.doctor.value
    nurse = Role.nurse.value


class Sex(StrEnum):
    male = "male"
    female = "female"
    other = "other"
    prefer_not_to_say = "prefer_not_to_say"


class PlanType(StrEnum):
    HMO = "HMO"
    PPO = "PPO"
    EPO = "EPO"
    POS = "POS"
    Medicare = "Medicare"
    Medicaid = "Medicaid"
    self_pay = "self_pay"


class AppointmentStatus(StrEnum):
    scheduled = "scheduled"
    confirmed = "confirmed"
    checked_in = "checked_in"
    in_progress = "in_progress"
    completed = "completed"
    cancelled = "cancelled"
    no_show = "no_show"


class InitialStatus(StrEnum):
    """The statuses a booking may start in: the first steps of the AppointmentStatus lifecycle."""

    scheduled = AppointmentStatus.scheduled.value
    confirmed = AppointmentStatus.confirmed.value


class VisitType(StrEnum):
    in_person = "in_person"
    telehealth = "telehealth"


class CptRecordStatus(StrEnum):
    pending = "pending"
    invoiced = "invoiced"


class InvoiceStatus(StrEnum):
    unpaid = "unpaid"
    paid = "paid"


class BmiCategory(StrEnum):
    underweight = "underweight"
    normal = "normal"
    overweight = "overweight"
    obese = "obese"


class AuditAction(StrEnum):
    read = "read"
    create = "create"
    update = "update"
    delete = "delete"
    login = "login"
    login_failed = "login_failed"
    login_locked = "login_locked"
    logout = "logout"
    token_reuse = "token_reuse"
    access_denied = "access_denied"
    export = "export"


class AuditOutcome(StrEnum):
    success = "success"
    failure = "failure"
    denied = "denied"
