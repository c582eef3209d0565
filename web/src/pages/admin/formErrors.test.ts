import { describe, expect, it } from "vitest";
import { RequestFailed } from "../../api/errors";
import { formErrors } from "./formErrors";

const fields = ["email", "password"] as const;

describe("form errors", () => {
  it("puts each field's message next to it, and no notice", () => {
    const error = new RequestFailed(400, {
      error: "Invalid value for password: too short",
      code: "invalid_request",
      details: [{ field: "password", message: "At least 8 characters" }],
    });
    expect(formErrors(error, fields)).toEqual({
      field: { password: "At least 8 characters" },
      notice: null,
    });
  });
  it("keeps the notice when no field of the form is named", () => {
    const error = new RequestFailed(400, {
      error: "Request body is not valid JSON",
      code: "invalid_request",
      details: [{ field: "body", message: "Invalid JSON" }],
    });
    expect(formErrors(error, fields)).toEqual({ field: {}, notice: error });
  });
  it("places an error code on its field", () => {
    const error = new RequestFailed(409, {
      error: "Email already registered",
      code: "email_exists",
    });
    expect(formErrors(error, fields, { email_exists: "email" }).field).toEqual({
      email: "Email already registered",
    });
  });
  it("is empty without an error", () => {
    expect(formErrors(null, fields)).toEqual({ field: {}, notice: null });
  });
});
