/** The insurance plan form's values and the body of POST /api/patients/{id}/plan. */
import type { Schemas } from "../../api/client";

export interface PlanValues {
  carrier_name: string;
  member_id: string;
  group_id: string;
  plan_type: Schemas["PlanType"] | "";
  /** In the currency's units as typed ("25.50"), "" when empty. */
  copay: number | string;
  effective_date: string;
}

export const EMPTY_PLAN: PlanValues = {
  carrier_name: "",
  member_id: "",
  group_id: "",
  plan_type: "",
  copay: "",
  effective_date: "",
};

/** A self-pay patient pays the whole bill: no copay is asked or sent. */
export function needsCopay(planType: PlanValues["plan_type"]): boolean {
  return planType !== "self_pay";
}

/** Units as typed to integer cents: 25.5 -> 2550; "" -> null. */
export function toCents(amount: number | string): number | null {
  if (typeof amount === "string" && amount.trim() === "") return null;
  const value = Number(amount);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export function planBody(values: PlanValues): Schemas["PlanCreate"] {
  const body: Schemas["PlanCreate"] = {
    carrier_name: values.carrier_name.trim(),
    member_id: values.member_id.trim(),
    plan_type: values.plan_type as Schemas["PlanType"],
  };
  if (values.group_id.trim()) body.group_id = values.group_id.trim();
  if (values.effective_date) body.effective_date = values.effective_date;
  // Left out when empty, so that the API names the missing copay on its field.
  const cents = toCents(values.copay);
  if (needsCopay(values.plan_type) && cents !== null) body.copay_cents = cents;
  return body;
}
