import { describe, expect, it } from "vitest";
import { chartRows, compactMoney, daysIn, presetRange, rangeProblem } from "./revenue";

describe("the revenue report's range", () => {
  it("offers ranges that end today", () => {
    expect(presetRange("today", "2026-03-05")).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(presetRange("week", "2026-03-05")).toEqual({ from: "2026-02-27", to: "2026-03-05" });
    expect(presetRange("thirty", "2026-03-05")).toEqual({ from: "2026-02-04", to: "2026-03-05" });
    expect(presetRange("month", "2026-03-05")).toEqual({ from: "2026-03-01", to: "2026-03-05" });
  });
  it("counts both ends, across a daylight-saving change", () => {
    expect(daysIn("2026-03-05", "2026-03-05")).toBe(1);
    expect(daysIn("2026-03-01", "2026-03-31")).toBe(31);
    expect(daysIn("2026-01-01", "2026-12-31")).toBe(365);
  });
  it("refuses a reversed, empty or too long range, as the API would", () => {
    expect(rangeProblem("2026-03-05", "2026-03-04")).toEqual({
      to: "The last day is before the first",
    });
    expect(rangeProblem("", "2026-03-04")).toEqual({ from: "Enter the first day" });
    expect(rangeProblem("2024-01-01", "2024-12-31")).toEqual({});
    expect(rangeProblem("2024-01-01", "2025-01-01")).toEqual({ to: "At most 366 days at a time" });
  });
  it("charts each day in currency units", () => {
    expect(
      chartRows([
        { date: "2026-12-07", billed_cents: 15050, collected_cents: 0, receivable_cents: 30000 },
      ]),
    ).toEqual([{ day: "7 Dec", Billed: 150.5, Collected: 0, Receivable: 300 }]);
  });
  it("labels the chart's axis compactly", () => {
    expect(compactMoney(18000, "USD")).toBe("$18K");
    expect(compactMoney(4500, "USD")).toBe("$4.5K");
    expect(compactMoney(0, "USD")).toBe("$0");
  });
});
