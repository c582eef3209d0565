import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage, resetPages, seriousViolations } from "../../testing";
import Revenue from "./Revenue";

afterEach(() => {
  resetPages();
  vi.restoreAllMocks();
});

function report(url: URL) {
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  return {
    from,
    to,
    currency: "USD",
    days: [{ date: to, billed_cents: 15000, collected_cents: 2000, receivable_cents: 13000 }],
    totals: { billed_cents: 15000, collected_cents: 2000, receivable_cents: 13000 },
  };
}

describe("the revenue report", () => {
  it("shows the last week by default, then the range asked for, as totals and a table", async () => {
    // jsdom lays nothing out: the chart warns that it has no size.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { calls, container } = renderPage(<Revenue />, { "GET /api/reports/revenue": report });
    expect(await screen.findByRole("heading", { level: 2, name: "Revenue" })).toBeTruthy();
    await screen.findByRole("heading", { level: 3, name: /^Totals/ });
    const first = calls.find((call) => call.url.pathname === "/api/reports/revenue");
    const to = first?.url.searchParams.get("to") ?? "";
    expect(first?.url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getAllByText("$150.00").length).toBeGreaterThan(0);
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-12-08" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-12-07" } });
    expect(await screen.findByText("The last day is before the first")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-12-01" } });
    await waitFor(() =>
      expect(calls.some((call) => call.url.searchParams.get("from") === "2026-12-01")).toBe(true),
    );
    expect(calls.some((call) => call.url.searchParams.get("from") === "2026-12-08")).toBe(false);
  });
});
