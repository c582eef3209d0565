import { clockTime, dayOf, longDay } from "../../lib/time";

/** "Mon 7 Dec 2026, 09:30" in the clinic's zone. */
export function when(instant: string, zone: string): string {
  return `${longDay(dayOf(instant, zone))}, ${clockTime(instant, zone)}`;
}

/** "Mon 7 Dec 2026, 09:30–10:00" for a visit. */
export function span(start: string, end: string, zone: string): string {
  return `${when(start, zone)}–${clockTime(end, zone)}`;
}
