import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import AccessLog from "./AccessLog";
import Audit from "./Audit";
import CptCodes from "./CptCodes";
import { page, renderPage, Reply, resetPages, seriousViolations } from "../../testing";
import WorkingHours from "./WorkingHours";

afterEach(resetPages);

const cpt = {
  code: "99213",
  description: "Office visit, established patient",
  category: "Office Visit",
  price_cents: 15000,
  currency: "USD",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

const event = {
  event_id: 900,
  occurred_at: "2026-12-07T14:00:05Z",
  actor_user_id: 1,
  actor_role: "admin",
  action: "update",
  resource_type: "user.role",
  resource_id: "5",
  patient_id: 7,
  outcome: "success",
  request_id: "req-1",
  ip: "10.0.0.1",
  user_agent: "test",
};

const staff = () =>
  page([{ user_id: 1, first_name: "Ada", last_name: "Admin", role: "admin" }], "users");

describe("the CPT catalogue", () => {
  it("re-prices a code, sending only what changed", async () => {
    const { calls, container } = renderPage(<CptCodes />, {
      "GET /api/cpt_codes": () => page([cpt], "cpt_codes"),
      "PUT /api/cpt_codes/99213": () => ({
        message: "CPT code updated successfully",
        cpt_code: cpt,
      }),
    });
    expect(await screen.findByRole("heading", { level: 2, name: "CPT codes" })).toBeTruthy();
    expect(await screen.findByText("$150.00")).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Edit CPT code 99213" }));
    const dialog = await screen.findByRole("dialog");
    const price = within(dialog).getByLabelText(/Price/);
    fireEvent.change(price, { target: { value: "abc" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save changes" }));
    expect(await within(dialog).findByText(/Enter an amount/)).toBeTruthy();
    fireEvent.change(price, { target: { value: "162.50" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((call) => call.method === "PUT")).toBe(true));
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({ price_cents: 16250 });
  });
});

describe("working hours", () => {
  it("edits a provider's week and saves it whole, refusing overlaps first", async () => {
    const { calls, container } = renderPage(
      <WorkingHours />,
      {
        "GET /api/providers": () =>
          page(
            [
              {
                provider_user_id: 2,
                first_name: "Greg",
                last_name: "House",
                role: "doctor",
                working_hours: [],
              },
            ],
            "providers",
          ),
        "GET /api/providers/2/working-hours": () => ({
          provider_user_id: 2,
          hours: [{ weekday: 0, start_time: "09:00", end_time: "12:00" }],
        }),
        "PUT /api/providers/2/working-hours": (_url, body) => ({
          message: "Working hours updated successfully",
          working_hours: { provider_user_id: 2, ...(body as object) },
        }),
      },
      { path: "/admin/hours", at: "/admin/hours?provider=2" },
    );
    expect(await screen.findByRole("heading", { level: 2, name: "Working hours" })).toBeTruthy();
    const monday = await screen.findByRole("group", { name: "Monday" });
    expect((within(monday).getByLabelText("From") as HTMLInputElement).value).toBe("09:00");
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(within(monday).getByRole("button", { name: "Add hours on Monday" }));
    fireEvent.click(screen.getByRole("button", { name: "Save working hours" }));
    expect(await within(monday).findByText("Overlaps 09:00–12:00")).toBeTruthy();
    expect(calls.some((call) => call.method === "PUT")).toBe(false);

    const from = within(monday).getAllByLabelText("From")[1] as HTMLInputElement;
    fireEvent.change(from, { target: { value: "13:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Copy Monday to Tuesday–Friday" }));
    fireEvent.click(screen.getByRole("button", { name: "Save working hours" }));
    expect(await screen.findByText("Working hours saved")).toBeTruthy();
    const put = calls.find((call) => call.method === "PUT")?.body as { hours: unknown[] };
    expect(put.hours).toHaveLength(10);
    expect(put.hours[1]).toEqual({ weekday: 0, start_time: "13:00", end_time: "17:00" });
  });
});

describe("the audit trail", () => {
  it("filters events in the clinic's time and verifies the chain", async () => {
    const { calls, container } = renderPage(<Audit />, {
      "GET /api/users": staff,
      "GET /api/audit/events": () => page([event], "events"),
      "GET /api/audit/verify": () => ({
        valid: false,
        events_checked: 40,
        seals_checked: 3,
        broken_seal_id: 2,
        reason: "An event was changed.",
      }),
    });
    expect(await screen.findByRole("heading", { level: 2, name: "Audit trail" })).toBeTruthy();
    expect(await screen.findByText("Ada Admin")).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText("From (clinic time)"), {
      target: { value: "2026-12-07T09:00" },
    });
    fireEvent.change(screen.getByLabelText("Request ID"), { target: { value: "req-1" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(calls.some((call) => call.url.searchParams.get("request_id") === "req-1")).toBe(true),
    );
    const filtered = calls.find((call) => call.url.searchParams.has("request_id"));
    // 09:00 in New York in December is 14:00 UTC.
    expect(filtered?.url.searchParams.get("occurred_from")).toBe("2026-12-07T14:00:00.000Z");

    fireEvent.click(screen.getByRole("button", { name: "Verify the chain" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The chain is broken at seal #2")).toBeTruthy();
  });

  it("shows a 400's field error next to its filter", async () => {
    renderPage(<Audit />, {
      "GET /api/users": staff,
      "GET /api/audit/events": (url) => {
        if (!url.searchParams.has("request_id")) return page([], "events");
        throw new Reply(400, {
          error: "Invalid value for request_id: too long",
          code: "invalid_request",
          details: [{ field: "request_id", message: "String should have at most 128 characters" }],
        });
      },
    });
    fireEvent.change(await screen.findByLabelText("Request ID"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(await screen.findByText("String should have at most 128 characters")).toBeTruthy();
  });
});

describe("a patient's access log", () => {
  it("lists the events of one patient, named", async () => {
    const { calls, container } = renderPage(
      <AccessLog />,
      {
        "GET /api/users": staff,
        "GET /api/patients": () =>
          page([{ patient_id: 7, first_name: "Jane", last_name: "Doe" }], "patients"),
        "GET /api/patients/7/access-log": () => page([event], "events"),
      },
      { path: "/patients/:patientId/access-log", at: "/patients/7/access-log" },
    );
    expect(await screen.findByRole("heading", { level: 2, name: "Access log" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Doe, Jane" })).toBeTruthy();
    expect(await screen.findByText("user.role")).toBeTruthy();
    expect(calls.some((call) => call.url.pathname === "/api/audit/events")).toBe(false);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
