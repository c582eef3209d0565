import { describe, expect, it } from "vitest";
import {
  addMonths,
  byDay,
  weekCounts,
  conflictSentence,
  gridRange,
  groupBy,
  providerColumns,
  isDay,
  lengthOptions,
  splitName,
  layoutColumn,
  mergePages,
  monthName,
  monthWeeks,
  providerName,
  remainingPages,
  shortDay,
  spanOnDay,
  visitActions,
  weekDays,
  workingSpans,
  type Appointment,
  type Span,
} from "./model";

const zone = "America/New_York";

function visit(overrides: Partial<Appointment> = {}): Appointment {
  return {
    appointment_id: 1,
    patient_id: 10,
    provider_user_id: 2,
    scheduled_start: "2026-12-07T15:00:00Z", // 10:00 in New York
    scheduled_end: "2026-12-07T15:30:00Z",
    status: "scheduled",
    visit_type: "in_person",
    reason: null,
    notes: null,
    cpt_code: null,
    cancellation_reason: null,
    telehealth_url: null,
    cpt_id: null,
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:00Z",
    version: 1,
    ...overrides,
  };
}

describe("what may be done with a visit", () => {
  const before = new Date("2026-12-07T14:00:00Z");
  const after = new Date("2026-12-07T15:10:00Z");

  it("lets the front desk confirm, check in, move and cancel a booked visit", () => {
    expect(visitActions(visit(), "receptionist", before)).toEqual([
      "confirm",
      "check_in",
      "reschedule",
      "cancel",
    ]);
  });
  it("offers a no-show only once the visit's start has passed", () => {
    expect(visitActions(visit(), "receptionist", after)).toContain("no_show");
    expect(visitActions(visit({ status: "checked_in" }), "admin", after)).toEqual([
      "no_show",
      "cancel",
    ]);
  });
  it("never lets a nurse cancel or record a no-show", () => {
    expect(visitActions(visit({ status: "confirmed" }), "nurse", after)).toEqual([
      "check_in",
      "reschedule",
    ]);
  });
  it("offers nothing for a final status", () => {
    for (const status of ["completed", "cancelled", "no_show"] as const) {
      expect(visitActions(visit({ status }), "admin", after)).toEqual([]);
    }
    expect(visitActions(visit({ status: "in_progress" }), "doctor", after)).toEqual(["cancel"]);
  });
});

describe("names and conflicts", () => {
  it("titles doctors", () => {
    expect(providerName({ first_name: "Ana", last_name: "Santos", role: "doctor" })).toBe(
      "Dr Ana Santos",
    );
    expect(providerName({ first_name: "Kim", last_name: "Lee", role: "nurse" })).toBe("Kim Lee");
  });
  it("says which visit holds the slot, in clinic time", () => {
    const common = {
      provider: "Dr Ana Santos",
      patient: "Jane Doe",
      start: "2026-12-07T15:00:00Z",
      end: "2026-12-07T15:30:00Z",
      timeZone: zone,
    };
    expect(conflictSentence({ code: "appointment_conflict", ...common })).toBe(
      "Dr Ana Santos already has a visit with Jane Doe from 10:00 to 10:30.",
    );
    expect(conflictSentence({ code: "patient_conflict", ...common })).toBe(
      "Jane Doe already has a visit with Dr Ana Santos from 10:00 to 10:30.",
    );
  });
});

describe("the time grid", () => {
  it("places a visit on the clinic's day, cut at midnight", () => {
    expect(spanOnDay(visit(), "2026-12-07", zone)).toEqual({ start: 600, end: 630 });
    const late = visit({
      scheduled_start: "2026-12-08T04:30:00Z", // 23:30 on the 7th
      scheduled_end: "2026-12-08T05:30:00Z", // 00:30 on the 8th
    });
    expect(spanOnDay(late, "2026-12-07", zone)).toEqual({ start: 1410, end: 1440 });
    expect(spanOnDay(late, "2026-12-08", zone)).toEqual({ start: 0, end: 30 });
  });

  it("reads working hours of the day's weekday", () => {
    const provider = {
      working_hours: [
        { weekday: 0, start_time: "13:00", end_time: "17:00" },
        { weekday: 0, start_time: "08:30", end_time: "12:00" },
        { weekday: 1, start_time: "09:00", end_time: "17:00" },
      ],
    };
    expect(workingSpans(provider, "2026-12-07")).toEqual([
      { start: 510, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(workingSpans(provider, "2026-12-09")).toEqual([]);
  });

  it("shows whole hours around what there is, else the office day", () => {
    expect(gridRange([])).toEqual({ start: 480, end: 1080 });
    expect(
      gridRange([
        { start: 510, end: 720 },
        { start: 1150, end: 1170 },
      ]),
    ).toEqual({ start: 480, end: 1200 });
    expect(gridRange([{ start: 1410, end: 1440 }])).toEqual({ start: 1380, end: 1440 });
  });

  it("puts overlapping visits side by side and the others full width", () => {
    const spans: Span[] = [
      { start: 600, end: 630 }, // a cancelled visit
      { start: 600, end: 630 }, // booked in its place
      { start: 615, end: 660 }, // overlaps both
      { start: 660, end: 690 }, // back to back: a group of its own
    ];
    const placed = layoutColumn(spans, (span) => span);
    expect(placed.map(({ lane, lanes }) => [lane, lanes])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 1],
    ]);
  });

  it("reuses a lane as soon as it is free", () => {
    const spans: Span[] = [
      { start: 540, end: 660 },
      { start: 540, end: 570 },
      { start: 570, end: 600 },
    ];
    const placed = layoutColumn(spans, (span) => span);
    expect(placed.map(({ span, lane, lanes }) => [span.start, lane, lanes])).toEqual([
      [540, 0, 2],
      [540, 1, 2],
      [570, 1, 2],
    ]);
  });

  it("lays out a busy day quickly", () => {
    const spans = Array.from({ length: 900 }, (_, index) => ({
      start: 480 + (index % 30) * 20,
      end: 500 + (index % 30) * 20,
    }));
    const started = performance.now();
    expect(layoutColumn(spans, (span) => span)).toHaveLength(900);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("days, weeks and months", () => {
  it("checks a day from the address bar", () => {
    expect(isDay("2026-12-07")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("7 Dec")).toBe(false);
    expect(isDay(null)).toBe(false);
  });
  it("gives a week from Monday to Sunday", () => {
    expect(weekDays("2026-12-09")).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
      "2026-12-13",
    ]);
    expect(shortDay("2026-12-07")).toBe("Mon 7");
  });
  it("covers a month with whole weeks", () => {
    const weeks = monthWeeks("2026-02-14");
    expect(weeks[0]?.[0]).toBe("2026-01-26");
    expect(weeks.at(-1)?.[6]).toBe("2026-03-01");
    expect(weeks).toHaveLength(5);
    expect(monthWeeks("2026-11-30").flat()).toHaveLength(42);
  });
  it("moves by months", () => {
    expect(addMonths("2026-12-07", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", -1)).toBe("2025-12-01");
    expect(monthName("2026-12-07")).toBe("December 2026");
  });
});

describe("pages of a list", () => {
  it("asks for the rest of the pages at once", () => {
    const pagination = {
      total: 950,
      pages: 10,
      page: 1,
      per_page: 100,
      has_next: true,
      has_prev: false,
    };
    expect(remainingPages(pagination)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(remainingPages({ ...pagination, total: 0, pages: 0 })).toEqual([]);
  });
  it("keeps each item once, in order", () => {
    expect(mergePages([[1, 2, 3], [3, 4], [5]], (n) => n)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("columns of a day", () => {
  it("groups visits by provider and keeps a column for a former provider's visits", () => {
    const visits = [
      visit({ provider_user_id: 2 }),
      visit({ provider_user_id: 9, appointment_id: 2 }),
    ];
    const groups = groupBy(visits, (one) => one.provider_user_id);
    expect(groups.get(2)).toHaveLength(1);
    const providers = [
      {
        provider_user_id: 3,
        first_name: "A",
        last_name: "B",
        role: "nurse" as const,
        working_hours: [],
      },
      {
        provider_user_id: 2,
        first_name: "C",
        last_name: "D",
        role: "doctor" as const,
        working_hours: [],
      },
    ];
    expect(providerColumns(providers, groups)).toEqual([3, 2, 9]);
  });
});

describe("a week's counts", () => {
  it("counts the visits that take place, by provider and clinic day", () => {
    const visits = [
      visit({ appointment_id: 1 }),
      visit({ appointment_id: 2, status: "cancelled" }),
      visit({ appointment_id: 3, scheduled_start: "2026-12-08T03:00:00Z" }), // 22:00 on the 7th
      visit({ appointment_id: 4, provider_user_id: 5, scheduled_start: "2026-12-08T15:00:00Z" }),
    ];
    const counts = weekCounts(visits, zone);
    expect(counts.get(2)?.get("2026-12-07")).toBe(2);
    expect(counts.get(5)?.get("2026-12-08")).toBe(1);
    expect([...byDay(visits, zone).keys()]).toEqual(["2026-12-07", "2026-12-08"]);
  });
});

describe("the booking form's helpers", () => {
  it("starts a new patient with the name typed in the search", () => {
    expect(splitName("Maria Lopez")).toEqual({ first: "Maria", last: "Lopez" });
    expect(splitName("  Ana  María de la Cruz ")).toEqual({
      first: "Ana María de la",
      last: "Cruz",
    });
    expect(splitName("lopez 555-0100")).toEqual({ first: "lopez", last: "" });
    expect(splitName("maria@example.com")).toEqual({ first: "", last: "" });
  });
  it("offers the visit lengths, and a moved visit's own", () => {
    expect(lengthOptions().map((option) => option.value)).toContain("30");
    expect(lengthOptions(25).map((option) => option.value)).toEqual([
      "10",
      "15",
      "20",
      "25",
      "30",
      "45",
      "60",
      "90",
    ]);
    expect(lengthOptions(30)).toHaveLength(7);
  });
});
