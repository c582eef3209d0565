import { describe, expect, it } from "vitest";
import { can, homeFor, menuFor } from "./access";

const labels = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((item) => item.label);

describe("menu by role", () => {
  it("gives a nurse her day and the patients, but no billing", () => {
    expect(labels("nurse")).toEqual(["My day", "Patients"]);
    expect(can("nurse", "billing")).toBe(false);
    expect(can("nurse", "record_vitals")).toBe(true);
  });
  it("gives the front desk the schedule and billing but no clinical data", () => {
    expect(labels("receptionist")).toContain("Billing");
    expect(can("receptionist", "clinical")).toBe(false);
    expect(homeFor("receptionist")).toBe("/today");
  });
  it("starts a doctor on their own day", () => {
    expect(homeFor("doctor")).toBe("/my-day");
    expect(labels("doctor")).not.toContain("Billing");
  });
  it("gives admins the admin pages", () => {
    expect(labels("admin")).toEqual(expect.arrayContaining(["Staff", "Audit trail", "Revenue"]));
  });
});
