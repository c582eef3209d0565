import { describe, expect, it } from "vitest";
import { amountText, parseAmount } from "./amount";

describe("prices typed as money", () => {
  it("reads whole and decimal amounts in cents, without floating point", () => {
    expect(parseAmount("150")).toBe(15000);
    expect(parseAmount("150.5")).toBe(15050);
    expect(parseAmount("0.29")).toBe(29);
    expect(parseAmount(" $1,250.00 ")).toBe(125000);
    expect(parseAmount("150.")).toBe(15000);
  });
  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "-5", "1.234", "1,2", "12e3", "."]) {
      expect(parseAmount(text)).toBeNull();
    }
  });
  it("writes cents back as a field's text", () => {
    expect(amountText(15000)).toBe("150.00");
    expect(amountText(5)).toBe("0.05");
    expect(parseAmount(amountText(123456))).toBe(123456);
  });
});
