import { describe, expect, it } from "vitest";
import { auditQuery, NO_FILTERS } from "./auditFilters";

describe("the audit trail's filters", () => {
  it("sends nothing for empty filters", () => {
    const { query, problems } = auditQuery(NO_FILTERS, "UTC");
    expect(Object.values(query).filter((value) => value !== undefined)).toEqual([]);
    expect(problems).toEqual({});
  });
  it("sends ids, trimmed text and the time range as UTC instants of the clinic's clock", () => {
    const { query } = auditQuery(
      {
        actor: "7",
        action: "update",
        resourceType: "user.role",
        patient: { id: 12, label: "Doe, Jane" },
        from: "2026-12-07T09:00",
        to: "2026-12-07T17:30",
        requestId: " abc ",
      },
      "Europe/Paris",
    );
    expect(query).toEqual({
      actor_user_id: 7,
      action: "update",
      resource_type: "user.role",
      patient_id: 12,
      request_id: "abc",
      occurred_from: "2026-12-07T08:00:00.000Z",
      occurred_to: "2026-12-07T16:30:00.000Z",
    });
  });
  it("names a range that ends before it starts; an unknown action or resource is not sent", () => {
    const { query, problems } = auditQuery(
      {
        ...NO_FILTERS,
        action: "steal",
        resourceType: "secrets",
        from: "2026-12-07T09:00",
        to: "2026-12-06T09:00",
      },
      "UTC",
    );
    expect(query.action).toBeUndefined();
    expect(query.resource_type).toBeUndefined();
    expect(problems).toEqual({ occurred_to: "The end is before the start" });
  });
});
