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


class DocumentKind(StrEnum):
    """What a patient's document is: identity and insurance papers the front desk keeps, or
    clinical papers (referrals, lab reports, consent forms) for clinicians."""

    photo_id = "photo_id"
    insurance_card_front = "insurance_card_front"
    insurance_card_back = "insurance_card_back"
    referral = "referral"
    lab_report = "lab_report"
    consent = "consent"
    other = "other"


class DocumentStoreKind(StrEnum):
    """Where documents' bytes are kept (CLINICHUB_DOCUMENT_STORE)."""

    postgres = "postgres"
    s3 = "s3"


class ContentVariant(StrEnum):
    """The bytes kept of a document: the file, and for images a thumbnail."""

    original = "original"
    thumbnail = "thumbnail"


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


class AuditResource(StrEnum):
    """What an audit event is about: a resource (`patient`), a list or search of them
    (`patient_list`), one field of a change (`user.role`, `cpt_code.price_cents`), a retry answered
    with a stored response (`idempotent_replay`), or, for an `access_denied`, the area of the API
    that refused the caller (the operation's tag: `patients`, `medical_records`)."""

    # Patients and their plans, and the accounting of disclosures.
    patient = "patient"
    patient_list = "patient_list"
    insurance_plan = "insurance_plan"
    access_log = "access_log"
    # Scheduling.
    appointment = "appointment"
    appointment_list = "appointment_list"
    working_hours = "working_hours"
    # Clinical records.
    medical_record = "medical_record"
    medical_record_list = "medical_record_list"
    medical_record_history = "medical_record_history"
    vitals = "vitals"
    vitals_list = "vitals_list"
    # Patients' documents: their metadata, bytes and thumbnails.
    document = "document"
    document_list = "document_list"
    document_content = "document_content"
    document_thumbnail = "document_thumbnail"
    # Billing: a change of the catalogue or of an invoice names each field it changed.
    cpt_code = "cpt_code"
    cpt_code_description = "cpt_code.description"
    cpt_code_category = "cpt_code.category"
    cpt_code_price_cents = "cpt_code.price_cents"
    cpt_code_is_active = "cpt_code.is_active"
    charge = "charge"
    charge_list = "charge_list"
    invoice = "invoice"
    invoice_list = "invoice_list"
    invoice_status = "invoice.status"
    invoice_paid_at = "invoice.paid_at"
    # Staff accounts: a change names each field it changed.
    user = "user"
    user_first_name = "user.first_name"
    user_last_name = "user.last_name"
    user_phone = "user.phone"
    user_role = "user.role"
    user_is_active = "user.is_active"
    # Logins, sessions and passwords.
    auth = "auth"
    auth_session = "auth_session"
    password = "password"
    idempotent_replay = "idempotent_replay"
    # The areas of the API (operation tags) whose operations refuse some roles.
    appointments = "appointments"
    audit = "audit"
    charges = "charges"
    cpt_codes = "cpt_codes"
    documents = "documents"
    invoices = "invoices"
    medical_records = "medical_records"
    patients = "patients"
    providers = "providers"
    reports = "reports"
    users = "users"
