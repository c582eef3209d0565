import { describe, expect, it } from "vitest";
import { EMPTY_VITALS, numberOf, vitalsBody } from "./vitalsModel";

describe("vitals body", () => {
  it("sends only what was measured, with the visit when there is one", () => {
    expect(
      vitalsBody(
        { ...EMPTY_VITALS, pulse_bpm: 72, height_m: "1.75", blood_pressure: " 120/80 " },
        5,
        9,
      ),
    ).toEqual({
      patient_id: 5,
      appointment_id: 9,
      pulse_bpm: 72,
      height_m: 1.75,
      blood_pressure: "120/80",
    });
  });
  it("sends no measurement at all for an empty form, for the API to say so", () => {
    expect(vitalsBody(EMPTY_VITALS, 5)).toEqual({ patient_id: 5 });
  });
  it("passes an out-of-range value on, for the API to refuse on its field", () => {
    expect(vitalsBody({ ...EMPTY_VITALS, pulse_bpm: 300 }, 5).pulse_bpm).toBe(300);
  });
  it("reads what a number input holds", () => {
    expect(numberOf("")).toBeUndefined();
    expect(numberOf("1.")).toBe(1);
    expect(numberOf("-")).toBeUndefined();
    expect(numberOf(0)).toBe(0);
  });
});
