/** The audit trail's filters as typed on the form, and as the API's query. */
import type { Schemas } from "../../api/client";
import { clinicInstant } from "../billing/format";
import type { PickedPatient } from "../billing/PatientPicker";

export type AuditAction = Schemas["AuditAction"];
export type AuditResource = Schemas["AuditResource"];

/** Every resource type the trail records (the type check fails when the API adds one). */
export const RESOURCE_TYPES = [
  "patient",
  "patient_list",
  "insurance_plan",
  "access_log",
  "appointment",
  "appointment_list",
  "working_hours",
  "medical_record",
  "medical_record_list",
  "medical_record_history",
  "vitals",
  "vitals_list",
  "document",
  "document_list",
  "document_content",
  "document_thumbnail",
  "cpt_code",
  "cpt_code.description",
  "cpt_code.category",
  "cpt_code.price_cents",
  "cpt_code.is_active",
  "charge",
  "charge_list",
  "invoice",
  "invoice_list",
  "invoice.status",
  "invoice.paid_at",
  "user",
  "user.first_name",
  "user.last_name",
  "user.phone",
  "user.role",
  "user.is_active",
  "auth",
  "auth_session",
  "password",
  "idempotent_replay",
  "appointments",
  "audit",
  "charges",
  "cpt_codes",
  "documents",
  "invoices",
  "medical_records",
  "patients",
  "providers",
  "reports",
  "users",
] as const satisfies readonly AuditResource[];

type Unlisted = Exclude<AuditResource, (typeof RESOURCE_TYPES)[number]>;
export const everyResourceListed: [Unlisted] extends [never] ? true : Unlisted = true;

function isResource(value: string): value is AuditResource {
  return (RESOURCE_TYPES as readonly string[]).includes(value);
}

export const ACTION_LABEL: Record<AuditAction, string> = {
  read: "Read",
  create: "Create",
  update: "Update",
  delete: "Delete",
  login: "Sign-in",
  login_failed: "Failed sign-in",
  login_locked: "Sign-in locked",
  logout: "Sign-out",
  token_reuse: "Refresh token reused",
  access_denied: "Access denied",
  export: "Export",
};

export interface AuditFilters {
  actor: string;
  action: string;
  resourceType: string;
  patient: PickedPatient | null;
  from: string;
  to: string;
  requestId: string;
}

export const NO_FILTERS: AuditFilters = {
  actor: "",
  action: "",
  resourceType: "",
  patient: null,
  from: "",
  to: "",
  requestId: "",
};

export interface AuditQuery {
  actor_user_id?: number;
  action?: AuditAction;
  resource_type?: AuditResource;
  patient_id?: number;
  request_id?: string;
  occurred_from?: string;
  occurred_to?: string;
}

/** The query, or the fields that cannot be sent as they are. */
export function auditQuery(
  filters: AuditFilters,
  timeZone: string,
): { query: AuditQuery; problems: Partial<Record<"occurred_from" | "occurred_to", string>> } {
  const from = clinicInstant(filters.from, timeZone);
  const to = clinicInstant(filters.to, timeZone);
  const problems: Partial<Record<"occurred_from" | "occurred_to", string>> = {};
  if (from === null) problems.occurred_from = "Enter a date and time";
  if (to === null) problems.occurred_to = "Enter a date and time";
  if (from && to && to < from) problems.occurred_to = "The end is before the start";
  const action = filters.action in ACTION_LABEL ? (filters.action as AuditAction) : undefined;
  return {
    query: {
      actor_user_id: Number(filters.actor) || undefined,
      action,
      resource_type: isResource(filters.resourceType) ? filters.resourceType : undefined,
      patient_id: filters.patient?.id,
      request_id: filters.requestId.trim() || undefined,
      occurred_from: from ?? undefined,
      occurred_to: to ?? undefined,
    },
    problems,
  };
}
