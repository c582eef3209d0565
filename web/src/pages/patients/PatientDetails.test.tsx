import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Schemas } from "../../api/client";
import { PatientDetails } from "./PatientDetails";
import { fakeServer, renderWithProviders, route } from "./testing";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

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
    const server = fakeServer(
      "nurse",
      route("GET", "/api/patients/3", () => [200, theirs]),
      route("PUT", "/api/patients/3", () => {
        puts += 1;
        return puts === 1
          ? [412, { error: "The resource has changed", code: "precondition_failed" }]
          : [
              200,
              {
                message: "Patient updated successfully",
                patient: { ...theirs, phone: "555-0199", version: 4 },
              },
            ];
      }),
    );
    vi.stubGlobal("fetch", server.fetch);
    renderWithProviders(<PatientDetails patient={mine} />, { session: true });

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
    const saves = server.requests.filter((request) => request.method === "PUT");
    expect(saves.map((request) => request.headers.get("If-Match"))).toEqual(['"2"', '"3"']);
    expect(await saves[1]?.json()).toEqual({ phone: "555-0199" });
  });
});
