"""Contains all the data models used in inputs/outputs"""

from .appointment_cancelled import AppointmentCancelled
from .appointment_create import AppointmentCreate
from .appointment_created import AppointmentCreated
from .appointment_list import AppointmentList
from .appointment_read import AppointmentRead
from .appointment_sort import AppointmentSort
from .appointment_status import AppointmentStatus
from .appointment_update import AppointmentUpdate
from .appointment_updated import AppointmentUpdated
from .audit_action import AuditAction
from .audit_event_list import AuditEventList
from .audit_event_read import AuditEventRead
from .audit_head import AuditHead
from .audit_outcome import AuditOutcome
from .audit_resource import AuditResource
from .audit_verification import AuditVerification
from .availability import Availability
from .bmi_category import BmiCategory
from .body_auth_token import BodyAuthToken
from .body_documents_upload import BodyDocumentsUpload
from .charge_create import ChargeCreate
from .charge_created import ChargeCreated
from .charge_deleted import ChargeDeleted
from .charge_list import ChargeList
from .charge_read import ChargeRead
from .clinic_read import ClinicRead
from .cpt_code_create import CptCodeCreate
from .cpt_code_created import CptCodeCreated
from .cpt_code_list import CptCodeList
from .cpt_code_read import CptCodeRead
from .cpt_code_update import CptCodeUpdate
from .cpt_code_updated import CptCodeUpdated
from .cpt_record_list import CptRecordList
from .cpt_record_status import CptRecordStatus
from .daily_count import DailyCount
from .daily_counts import DailyCounts
from .daily_revenue import DailyRevenue
from .database_privileges import DatabasePrivileges
from .document_created import DocumentCreated
from .document_kind import DocumentKind
from .document_list import DocumentList
from .document_read import DocumentRead
from .document_retired import DocumentRetired
from .error import Error
from .error_code import ErrorCode
from .error_detail import ErrorDetail
from .health import Health
from .health_status import HealthStatus
from .initial_status import InitialStatus
from .invoice_create import InvoiceCreate
from .invoice_created import InvoiceCreated
from .invoice_line import InvoiceLine
from .invoice_list import InvoiceList
from .invoice_plan import InvoicePlan
from .invoice_read import InvoiceRead
from .invoice_sort import InvoiceSort
from .invoice_status import InvoiceStatus
from .invoice_update import InvoiceUpdate
from .invoice_updated import InvoiceUpdated
from .login_request import LoginRequest
from .login_response import LoginResponse
from .medical_record_create import MedicalRecordCreate
from .medical_record_created import MedicalRecordCreated
from .medical_record_history import MedicalRecordHistory
from .medical_record_list import MedicalRecordList
from .medical_record_read import MedicalRecordRead
from .medical_record_update import MedicalRecordUpdate
from .medical_record_updated import MedicalRecordUpdated
from .medical_record_version_read import MedicalRecordVersionRead
from .message import Message
from .pagination import Pagination
from .password_change import PasswordChange
from .patient_create import PatientCreate
from .patient_created import PatientCreated
from .patient_deleted import PatientDeleted
from .patient_list import PatientList
from .patient_read import PatientRead
from .patient_sort_key import PatientSortKey
from .patient_update import PatientUpdate
from .patient_updated import PatientUpdated
from .plan_create import PlanCreate
from .plan_current import PlanCurrent
from .plan_list import PlanList
from .plan_read import PlanRead
from .plan_saved import PlanSaved
from .plan_type import PlanType
from .profile_response import ProfileResponse
from .protected_response import ProtectedResponse
from .provider_list import ProviderList
from .provider_read import ProviderRead
from .provider_role import ProviderRole
from .refresh_request import RefreshRequest
from .revenue_day import RevenueDay
from .revenue_report import RevenueReport
from .revenue_totals import RevenueTotals
from .role import Role
from .session_response import SessionResponse
from .sex import Sex
from .slot import Slot
from .sort_order import SortOrder
from .status_counts import StatusCounts
from .token_response import TokenResponse
from .user_create import UserCreate
from .user_created import UserCreated
from .user_list import UserList
from .user_read import UserRead
from .user_summary import UserSummary
from .user_update import UserUpdate
from .user_updated import UserUpdated
from .visit_type import VisitType
from .vitals_create import VitalsCreate
from .vitals_created import VitalsCreated
from .vitals_list import VitalsList
from .vitals_read import VitalsRead
from .working_hours_range import WorkingHoursRange
from .working_hours_read import WorkingHoursRead
from .working_hours_update import WorkingHoursUpdate
from .working_hours_updated import WorkingHoursUpdated

__all__ = (
    "AppointmentCancelled",
    "AppointmentCreate",
    "AppointmentCreated",
    "AppointmentList",
    "AppointmentRead",
    "AppointmentSort",
    "AppointmentStatus",
    "AppointmentUpdate",
    "AppointmentUpdated",
    "AuditAction",
    "AuditEventList",
    "AuditEventRead",
    "AuditHead",
    "AuditOutcome",
    "AuditResource",
    "AuditVerification",
    "Availability",
    "BmiCategory",
    "BodyAuthToken",
    "BodyDocumentsUpload",
    "ChargeCreate",
    "ChargeCreated",
    "ChargeDeleted",
    "ChargeList",
    "ChargeRead",
    "ClinicRead",
    "CptCodeCreate",
    "CptCodeCreated",
    "CptCodeList",
    "CptCodeRead",
    "CptCodeUpdate",
    "CptCodeUpdated",
    "CptRecordList",
    "CptRecordStatus",
    "DailyCount",
    "DailyCounts",
    "DailyRevenue",
    "DatabasePrivileges",
    "DocumentCreated",
    "DocumentKind",
    "DocumentList",
    "DocumentRead",
    "DocumentRetired",
    "Error",
    "ErrorCode",
    "ErrorDetail",
    "Health",
    "HealthStatus",
    "InitialStatus",
    "InvoiceCreate",
    "InvoiceCreated",
    "InvoiceLine",
    "InvoiceList",
    "InvoicePlan",
    "InvoiceRead",
    "InvoiceSort",
    "InvoiceStatus",
    "InvoiceUpdate",
    "InvoiceUpdated",
    "LoginRequest",
    "LoginResponse",
    "MedicalRecordCreate",
    "MedicalRecordCreated",
    "MedicalRecordHistory",
    "MedicalRecordList",
    "MedicalRecordRead",
    "MedicalRecordUpdate",
    "MedicalRecordUpdated",
    "MedicalRecordVersionRead",
    "Message",
    "Pagination",
    "PasswordChange",
    "PatientCreate",
    "PatientCreated",
    "PatientDeleted",
    "PatientList",
    "PatientRead",
    "PatientSortKey",
    "PatientUpdate",
    "PatientUpdated",
    "PlanCreate",
    "PlanCurrent",
    "PlanList",
    "PlanRead",
    "PlanSaved",
    "PlanType",
    "ProfileResponse",
    "ProtectedResponse",
    "ProviderList",
    "ProviderRead",
    "ProviderRole",
    "RefreshRequest",
    "RevenueDay",
    "RevenueReport",
    "RevenueTotals",
    "Role",
    "SessionResponse",
    "Sex",
    "Slot",
    "SortOrder",
    "StatusCounts",
    "TokenResponse",
    "UserCreate",
    "UserCreated",
    "UserList",
    "UserRead",
    "UserSummary",
    "UserUpdate",
    "UserUpdated",
    "VisitType",
    "VitalsCreate",
    "VitalsCreated",
    "VitalsList",
    "VitalsRead",
    "WorkingHoursRange",
    "WorkingHoursRead",
    "WorkingHoursUpdate",
    "WorkingHoursUpdated",
)
