import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { page, renderPage, resetPages, seriousViolations } from "../../testing";
import Billing from "./Billing";

const visit = {
  appointment_id: 41,
  patient_id: 7,
  provider_user_id: 2,
  scheduled_start: "2026-12-07T14:00:00Z",
  scheduled_end: "2026-12-07T14:30:00Z",
  status: "completed",
  visit_type: "in_person",
  reason: null,
  notes: null,
  cpt_code: "99213",
  cancellation_reason: null,
  telehealth_url: null,
  cpt_id: 90,
  created_at: "2026-12-01T10:00:00Z",
  updated_at: "2026-12-07T15:00:00Z",
  version: 4,
};

const invoice = {
  invoice_id: 12,
  appointment_id: 41,
  patient_id: 7,
  cpt_id: 90,
  status: "unpaid",
  lines: [
    {
      cpt_record_id: 90,
      code: "99213",
      description: "Office visit",
      quantity: 1,
      unit_price_cents: 15000,
      amount_cents: 15000,
      modifier: null,
    },
  ],
  total_cents: 15000,
  patient_due_cents: 2000,
  insurance_due_cents: 13000,
  currency: "USD",
  plan: {
    plan_id: 3,
    carrier_name: "Acme Health",
    member_id: "M-1",
    plan_type: "PPO",
    copay_cents: 2000,
  },
  issued_at: "2026-12-07T16:00:00Z",
  paid_at: null,
  version: 3,
};

const routes = {
  "GET /api/appointments": () => page([visit], "appointments"),
  "GET /api/patients": () =>
    page([{ patient_id: 7, first_name: "Jane", last_name: "Doe" }], "patients"),
  "GET /api/users": () =>
    page([{ user_id: 2, first_name: "Greg", last_name: "House", role: "doctor" }], "users"),
  "GET /api/invoices": () => page([invoice], "invoices"),
  "POST /api/invoices": () => ({ message: "Invoice created successfully", invoice }),
  "PUT /api/invoices/12": () => ({ message: "Invoice updated", invoice }),
};

afterEach(resetPages);

describe("the billing page", () => {
  it("lists the visits to invoice, invoices one and shows who owes what", async () => {
    const { calls, container } = renderPage(<Billing />, routes);
    expect(await screen.findByRole("heading", { level: 2, name: "Billing" })).toBeTruthy();
    const queue = (await screen.findAllByRole("table"))[0] as HTMLElement;
    await within(queue).findByText("Doe, Jane");
    await within(queue).findByText("Greg House");
    const listed = calls.find((call) => call.url.pathname === "/api/appointments");
    expect(listed?.url.searchParams.get("status")).toBe("completed");
    expect(listed?.url.searchParams.get("invoiced")).toBe("false");
    // Names come from one look-up of many patients, not one request per patient.
    const lookups = calls.filter((call) => call.url.pathname.startsWith("/api/patients"));
    expect(lookups.map((call) => call.url.searchParams.get("ids"))).toEqual(["7"]);

    fireEvent.click(within(queue).getByRole("button", { name: /Create invoice/ }));
    const created = await screen.findByRole("status", { name: "" });
    await within(created).findByText(/Invoice #12 created/);
    expect(within(created).getByText("$20.00")).toBeTruthy();
    expect(within(created).getByText("$130.00")).toBeTruthy();
    expect(
      within(created).getByText(/Acme Health \(PPO\), member M-1, copay \$20.00/),
    ).toBeTruthy();
    const post = calls.find(
      (call) => call.method === "POST" && call.url.pathname === "/api/invoices",
    );
    expect(post?.body).toEqual({ appointment_id: 41 });
    expect(post?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);

    expect(await seriousViolations(container)).toEqual([]);
  });

  it("records a payment against the version read", async () => {
    const { calls } = renderPage(<Billing />, routes);
    fireEvent.click(await screen.findByRole("button", { name: "Mark paid: invoice #12" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PUT")).toBe(true));
    const put = calls.find((call) => call.method === "PUT");
    expect(put?.body).toEqual({ status: "paid" });
    expect(put?.headers.get("If-Match")).toBe('"3"');
  });
});
