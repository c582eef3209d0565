import { clockTime, dateTime } from "../../lib/time";

/** "Mon 7 Dec 2026, 09:30–10:00" for a visit. */
export function span(start: string, end: string, zone: string): string {
  return `${dateTime(start, zone)}–${clockTime(end, zone)}`;
}
