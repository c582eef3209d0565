import { describe, expect, it } from "vitest";
import { EMPTY_PLAN, planBody, toCents } from "./planModel";

describe("plan form", () => {
  it("turns the typed copay into cents", () => {
    expect(toCents(25.5)).toBe(2550);
    expect(toCents("19.99")).toBe(1999);
    expect(toCents(0.29)).toBe(29);
    expect(toCents("")).toBeNull();
  });
  it("sends the copay for an insured plan, trimmed fields and no empty optional ones", () => {
    expect(
      planBody({
        ...EMPTY_PLAN,
        carrier_name: " Aetna ",
        member_id: "M1",
        plan_type: "PPO",
        copay: 30,
      }),
    ).toEqual({ carrier_name: "Aetna", member_id: "M1", plan_type: "PPO", copay_cents: 3000 });
  });
  it("sends no copay for self-pay, even one typed before the type was changed", () => {
    const body = planBody({
      ...EMPTY_PLAN,
      carrier_name: "None",
      member_id: "-",
      plan_type: "self_pay",
      copay: 30,
      effective_date: "2026-01-01",
    });
    expect(body).not.toHaveProperty("copay_cents");
    expect(body.effective_date).toBe("2026-01-01");
  });
});
