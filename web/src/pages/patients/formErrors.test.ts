import { describe, expect, it } from "vitest";
import { RequestFailed } from "../../api/errors";
import { errorsOn, unplaced } from "./formErrors";

const invalid = new RequestFailed(400, {
  error: "Invalid value for icd10_codes.1",
  code: "invalid_request",
  details: [
    { field: "icd10_codes.1", message: "'XX' is not an ICD-10-CM code (e.g. E11.9)" },
    { field: "pulse_bpm", message: "Input should be less than or equal to 250" },
  ],
});

describe("placing errors on fields", () => {
  it("words a missing or emptied required field plainly", () => {
    const missing = new RequestFailed(400, {
      error: "Missing required field: first_name",
      code: "invalid_request",
      details: [
        { field: "first_name", message: "Field required" },
        { field: "last_name", message: "may not be null" },
        {
          field: "diagnosis",
          message: "Value should have at least 1 item after validation, not 0",
        },
      ],
    });
    expect(errorsOn(missing)).toEqual({
      first_name: "Required",
      last_name: "Required",
      diagnosis: "Required",
    });
  });
  it("gathers a list item's error under the list", () => {
    expect(errorsOn(invalid)).toEqual({
      icd10_codes: "'XX' is not an ICD-10-CM code (e.g. E11.9)",
      pulse_bpm: "Input should be less than or equal to 250",
    });
  });
  it("puts a coded conflict on its field", () => {
    const taken = new RequestFailed(409, { error: "Email already exists", code: "email_exists" });
    expect(errorsOn(taken, { email_exists: "email" })).toEqual({ email: "Email already exists" });
    expect(unplaced(taken, ["email"], { email_exists: "email" })).toBeNull();
  });
  it("keeps the notice for errors that no shown field carries", () => {
    expect(unplaced(invalid, ["icd10_codes"])).toBe(invalid);
    expect(unplaced(invalid, ["icd10_codes", "pulse_bpm"])).toBeNull();
    const refused = new RequestFailed(403, { error: "Forbidden", code: "forbidden" });
    expect(unplaced(refused, ["email"])).toBe(refused);
    expect(unplaced(null, ["email"])).toBeNull();
  });
});
