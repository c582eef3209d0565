/**
 * What each role may do, as the API's authorization decides it; the menu shows only these.
 * The API still decides every request: a page reached by other means gets its 403 in words.
 */
import type { Schemas } from "../api/client";

export type Role = Schemas["Role"];

export type Capability =
  | "schedule" // the day and week of every provider, booking, check-in, cancel
  | "own_day" // a provider's own visits
  | "patients"
  | "edit_patient"
  | "archive_patient"
  | "save_plan"
  | "clinical" // medical records and vitals
  | "write_note"
  | "record_vitals"
  | "complete_visit"
  | "cancel_visit"
  | "billing" // invoices, payments
  | "revenue"
  | "admin"; // staff, CPT catalogue, working hours, audit trail, access logs

const CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  admin: new Set<Capability>([
    "schedule",
    "patients",
    "edit_patient",
    "archive_patient",
    "save_plan",
    "clinical",
    "write_note",
    "record_vitals",
    "complete_visit",
    "cancel_visit",
    "billing",
    "revenue",
    "admin",
  ]),
  doctor: new Set<Capability>([
    "own_day",
    "schedule",
    "patients",
    "edit_patient",
    "clinical",
    "write_note",
    "record_vitals",
    "complete_visit",
    "cancel_visit",
  ]),
  nurse: new Set<Capability>(["own_day", "patients", "edit_patient", "clinical", "record_vitals"]),
  receptionist: new Set<Capability>([
    "schedule",
    "patients",
    "save_plan",
    "cancel_visit",
    "billing",
  ]),
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].has(capability);
}

export interface MenuItem {
  label: string;
  to: string;
  needs: Capability;
}

export const MENU: readonly MenuItem[] = [
  { label: "My day", to: "/my-day", needs: "own_day" },
  { label: "Today", to: "/today", needs: "schedule" },
  { label: "Week", to: "/week", needs: "schedule" },
  { label: "Month", to: "/month", needs: "schedule" },
  { label: "Patients", to: "/patients", needs: "patients" },
  { label: "Billing", to: "/billing", needs: "billing" },
  { label: "Revenue", to: "/revenue", needs: "revenue" },
  { label: "Staff", to: "/admin/staff", needs: "admin" },
  { label: "CPT codes", to: "/admin/cpt", needs: "admin" },
  { label: "Working hours", to: "/admin/hours", needs: "admin" },
  { label: "Audit trail", to: "/admin/audit", needs: "admin" },
];

export function menuFor(role: Role): MenuItem[] {
  return MENU.filter((item) => can(role, item.needs));
}

/** Where a role starts its day after signing in. */
export function homeFor(role: Role): string {
  return menuFor(role)[0]?.to ?? "/patients";
}
