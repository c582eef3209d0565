import { describe, expect, it } from "vitest";
import { dateTime } from "../../lib/time";
import { clinicInstant, preciseDateTime } from "./format";

describe("instants on the clinic's clock", () => {
  const zone = "America/New_York";
  it("shows an instant as the clinic's day and time", () => {
    expect(dateTime("2026-12-08T03:30:00Z", zone)).toBe("Mon, 7 Dec 2026, 22:30");
    expect(preciseDateTime("2026-12-08T03:30:07Z", zone)).toBe("Mon, 7 Dec 2026, 22:30:07");
  });
  it("reads a wall-clock field in the clinic's zone, whatever the browser's", () => {
    expect(clinicInstant("2026-12-07T09:30", zone)).toBe("2026-12-07T14:30:00.000Z");
    expect(clinicInstant("2026-07-06T09:30", zone)).toBe("2026-07-06T13:30:00.000Z");
    expect(clinicInstant("", zone)).toBeUndefined();
    expect(clinicInstant("yesterday", zone)).toBeNull();
  });
});
