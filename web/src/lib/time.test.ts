import { describe, expect, it } from "vitest";
import { addDays, clockTime, dayOf, instantAt, minuteOfDay, mondayOf, money } from "./time";

describe("clinic time", () => {
  const zone = "America/New_York";
  it("reads an instant on the clinic's calendar, not the browser's", () => {
    // 03:30 UTC on the 8th is 22:30 on the 7th in New York.
    expect(dayOf("2026-12-08T03:30:00Z", zone)).toBe("2026-12-07");
    expect(clockTime("2026-12-08T03:30:00Z", zone)).toBe("22:30");
    expect(minuteOfDay("2026-12-07T14:00:00Z", zone)).toBe(9 * 60);
  });
  it("turns a wall time into the right instant, across a DST change", () => {
    expect(instantAt("2026-12-07", 9 * 60, zone).toISOString()).toBe("2026-12-07T14:00:00.000Z");
    expect(instantAt("2026-07-06", 9 * 60, zone).toISOString()).toBe("2026-07-06T13:00:00.000Z");
    expect(instantAt("2026-03-09", 9 * 60, zone).toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });
  it("moves through days and weeks", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
  });
  it("shows cents as money", () => {
    expect(money(15000, "USD")).toBe("$150.00");
  });
});
