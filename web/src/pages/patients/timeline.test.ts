import { describe, expect, it } from "vitest";
import type { Schemas } from "../../api/client";
import { mergeTimeline } from "./timeline";

const zone = "America/New_York";

function record(id: number, day: string, createdAt: string): Schemas["MedicalRecordRead"] {
  return {
    medical_record_id: id,
    patient_id: 1,
    appointment_id: null,
    provider_user_id: 2,
    record_date: day,
    diagnosis: "d",
    icd10_codes: [],
    treatment_plan: "t",
    notes: null,
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
    updated_by_user_id: 2,
  };
}

function vitals(id: number, recordedAt: string): Schemas["VitalsRead"] {
  return {
    vitals_id: id,
    patient_id: 1,
    appointment_id: null,
    recorded_by_user_id: 3,
    recorded_at: recordedAt,
    height_m: null,
    weight_kg: null,
    blood_pressure: "120/80",
    temperature_c: null,
    pulse_bpm: null,
    respiratory_rate: null,
    o2_saturation: null,
    pain_level: null,
    bmi: null,
    bmi_category: null,
  };
}

const keys = (result: ReturnType<typeof mergeTimeline>) =>
  result.days.map((day) => [day.day, day.entries.map((entry) => entry.key)]);

describe("visit history timeline", () => {
  it("merges both lists by clinic day, newest first, latest first within a day", () => {
    const result = mergeTimeline(
      {
        items: [
          record(2, "2026-03-10", "2026-03-10T15:00:00Z"),
          record(1, "2026-01-05", "2026-01-05T14:00:00Z"),
        ],
        complete: true,
      },
      {
        items: [vitals(8, "2026-03-10T14:30:00Z"), vitals(7, "2026-02-01T14:00:00Z")],
        complete: true,
      },
      zone,
    );
    expect(keys(result)).toEqual([
      ["2026-03-10", ["record-2", "vitals-8"]],
      ["2026-02-01", ["vitals-7"]],
      ["2026-01-05", ["record-1"]],
    ]);
    expect(result.complete).toBe(true);
  });

  it("puts vitals on the clinic's day, not UTC's", () => {
    const result = mergeTimeline(
      { items: [], complete: true },
      { items: [vitals(1, "2026-12-08T03:30:00Z")], complete: true },
      zone,
    );
    expect(result.days[0]?.day).toBe("2026-12-07");
  });

  it("holds back what lies beyond a list's unread pages", () => {
    const result = mergeTimeline(
      { items: [record(3, "2026-03-01", "2026-03-01T15:00:00Z")], complete: false },
      {
        items: [vitals(9, "2026-03-05T15:00:00Z"), vitals(8, "2026-01-01T15:00:00Z")],
        complete: true,
      },
      zone,
    );
    // Records older than 1 March may still come: the vitals of January wait for them.
    expect(keys(result)).toEqual([
      ["2026-03-05", ["vitals-9"]],
      ["2026-03-01", ["record-3"]],
    ]);
    expect(result.complete).toBe(false);
  });

  it("shows nothing of a list until its first page is read", () => {
    const result = mergeTimeline(
      { items: [], complete: false },
      { items: [vitals(1, "2026-03-05T15:00:00Z")], complete: true },
      zone,
    );
    expect(result.days).toEqual([]);
  });
});
