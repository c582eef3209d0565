import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderPage, Reply, resetPages } from "../../testing";
import { VitalsForm } from "./VitalsForm";

afterEach(resetPages);

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("the vitals form", () => {
  it("shows the BMI and its category as the nurse types", async () => {
    renderPage(<VitalsForm patientId={4} />, {});
    await screen.findByTestId("bmi-preview");
    expect(screen.getByTestId("bmi-preview").textContent).toMatch(/appears when/);
    type(/^Height/, "1.75");
    type(/^Weight/, "70");
    expect(screen.getByTestId("bmi-preview").textContent).toBe("BMI 22.9: Normal weight");
  });

  it("sends an Idempotency-Key, shows the API's range error on its field and keeps the values", async () => {
    const { calls } = renderPage(<VitalsForm patientId={4} appointmentId={9} />, {
      "POST /api/vitals": () => {
        throw new Reply(400, {
          error: "Invalid value for pulse_bpm: Input should be less than or equal to 250",
          code: "invalid_request",
          details: [{ field: "pulse_bpm", message: "Input should be less than or equal to 250" }],
        });
      },
    });
    await screen.findByLabelText(/^Pulse/);
    type(/^Pulse/, "300");
    fireEvent.click(screen.getByRole("button", { name: "Record vitals" }));
    expect(await screen.findByText("Input should be less than or equal to 250")).toBeTruthy();
    expect((screen.getByLabelText(/^Pulse/) as HTMLInputElement).value).toBe("300");
    expect(screen.getByLabelText(/^Pulse/).getAttribute("aria-invalid")).toBe("true");
    const request = calls.find((call) => call.url.pathname === "/api/vitals");
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(request?.body).toEqual({
        patient_id: 4,
        appointment_id: 9,
        pulse_bpm: 300,
      }),
    );
  });
});
