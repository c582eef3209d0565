import { describe, expect, it } from "vitest";
import { bmi } from "./bmi";

describe("bmi", () => {
  it("computes kg/m² to one decimal", () => {
    expect(bmi(1.75, 70)).toEqual({ value: 22.9, category: "normal" });
  });
  it("puts the boundaries where the WHO does", () => {
    expect(bmi(1, 18.44)?.category).toBe("underweight");
    expect(bmi(1, 18.5)?.category).toBe("normal");
    expect(bmi(1, 25)?.category).toBe("overweight");
    expect(bmi(1, 30)?.category).toBe("obese");
  });
  it("shows nothing until both measures are there", () => {
    expect(bmi(undefined, 70)).toBeNull();
    expect(bmi(1.75, 0)).toBeNull();
  });
});
