import { clockTime, dayOf, longDay } from "../../lib/time";

/** "Mon 7 Dec 2026, 09:30": an instant on the clinic's calendar and clock. */
export function dateTime(instant: string, timeZone: string): string {
  return `${longDay(dayOf(instant, timeZone))}, ${clockTime(instant, timeZone)}`;
}
