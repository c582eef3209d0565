import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client";
import { ADMIN, page, renderPage, Reply, resetPages } from "../../testing";
import { PatientDetails } from "./PatientDetails";

afterEach(resetPages);

const mine: Schemas["PatientRead"] = {
  patient_id: 3,
  first_name: "Ana",
  last_name: "Rivera",
  dob: "1980-02-03",
  sex: "female",
  email: "ana@example.com",
  phone: "555-0100",
  address: null,
  emergency_contact_name: null,
  emergency_contact_phone: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  version: 2,
};
const theirs = { ...mine, email: "ana.rivera@example.com", version: 3 };

describe("editing a patient someone else changed", () => {
  it("keeps what the user typed, then saves it on the newer version", async () => {
    let puts = 0;
    const routes = {
      "GET /api/patients": () => page([theirs], "patients"),
      "PUT /api/patients/3": () => {
        puts += 1;
        if (puts === 1) {
          throw new Reply(412, { error: "The resource has changed", code: "precondition_failed" });
        }
        return {
          message: "Patient updated successfully",
          patient: { ...theirs, phone: "555-0199", version: 4 },
        };
      },
    };
    const nurse = { ...ADMIN, role: "nurse" };
    const { calls } = renderPage(<PatientDetails patient={mine} />, routes, { user: nurse });

    fireEvent.click(await screen.findByRole("button", { name: "Edit details" }));
    fireEvent.change(screen.getByLabelText("Phone"), { target: { value: "555-0199" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Someone else changed this patient")).toBeTruthy();
    expect((screen.getByLabelText("Phone") as HTMLInputElement).value).toBe("555-0199");

    fireEvent.click(screen.getByRole("button", { name: "Reload, keeping my changes" }));
    await waitFor(() =>
      expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe(
        "ana.rivera@example.com",
      ),
    );
    expect((screen.getByLabelText("Phone") as HTMLInputElement).value).toBe("555-0199");

    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("button", { name: "Edit details" });
    const saves = calls.filter((call) => call.method === "PUT");
    expect(saves.map((call) => call.headers.get("If-Match"))).toEqual(['"2"', '"3"']);
    expect(saves[1]?.body).toEqual({ phone: "555-0199" });
  });
});
