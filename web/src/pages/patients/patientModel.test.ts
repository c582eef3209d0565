import { describe, expect, it } from "vitest";
import { changes, createBody, EMPTY_PATIENT, rebase, type PatientValues } from "./patientModel";

const ana: PatientValues = {
  ...EMPTY_PATIENT,
  first_name: "Ana",
  last_name: "Rivera",
  dob: "1980-02-03",
  phone: "555-0100",
};

describe("patient form bodies", () => {
  it("creates with trimmed values and leaves empty optional fields out", () => {
    expect(createBody({ ...ana, first_name: " Ana ", email: "  " })).toEqual({
      first_name: "Ana",
      last_name: "Rivera",
      dob: "1980-02-03",
      phone: "555-0100",
    });
  });
  it("leaves empty required fields out too, for the API to name them as missing", () => {
    expect(createBody(EMPTY_PATIENT)).toEqual({});
  });
  it("updates only what changed, clearing an emptied optional field with null", () => {
    expect(changes({ ...ana, phone: "", email: "ana@example.com" }, ana)).toEqual({
      phone: null,
      email: "ana@example.com",
    });
    expect(changes({ ...ana, first_name: "Ana " }, ana)).toEqual({});
  });
  it("sends an emptied required field as null, for the API to refuse on that field", () => {
    expect(changes({ ...ana, last_name: " " }, ana)).toEqual({ last_name: null });
  });
});

describe("rebase after a conflicting save", () => {
  it("keeps their changes and lays mine on top", () => {
    const mine = { ...ana, email: "ana@example.com" };
    const theirs = { ...ana, phone: "555-0199" };
    expect(rebase(mine, ana, theirs)).toEqual({
      ...ana,
      phone: "555-0199",
      email: "ana@example.com",
    });
  });
  it("lets mine win where both changed the same field", () => {
    expect(rebase({ ...ana, phone: "1" }, ana, { ...ana, phone: "2" }).phone).toBe("1");
  });
});
