/** Words for the API's enumerations, as the patient and visit pages show them. */
import type { Schemas } from "../../api/client";

export const SEX_LABEL: Record<Schemas["Sex"], string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  prefer_not_to_say: "Prefers not to say",
};

export const PLAN_TYPE_LABEL: Record<Schemas["PlanType"], string> = {
  HMO: "HMO",
  PPO: "PPO",
  EPO: "EPO",
  POS: "POS",
  Medicare: "Medicare",
  Medicaid: "Medicaid",
  self_pay: "Self-pay",
};

export const VISIT_TYPE_LABEL: Record<Schemas["VisitType"], string> = {
  in_person: "In person",
  telehealth: "Telehealth",
};

/** The statuses after which a visit changes no more. */
export const FINAL_STATUSES: ReadonlySet<Schemas["AppointmentStatus"]> = new Set([
  "completed",
  "cancelled",
  "no_show",
]);

export function options<T extends string>(labels: Record<T, string>) {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
