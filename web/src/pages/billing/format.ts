import { dateTime, instantAt } from "../../lib/time";

/** An instant on the clinic's calendar and clock to the second, for the audit trail. */
export function preciseDateTime(instant: string, timeZone: string): string {
  const seconds = String(new Date(instant).getUTCSeconds()).padStart(2, "0");
  return `${dateTime(instant, timeZone)}:${seconds}`;
}

/**
 * A `datetime-local` field's value ("2026-12-07T09:30"), read as the clinic's wall clock, as an
 * ISO instant in UTC; "" stays undefined, and anything else is null.
 */
export function clinicInstant(value: string, timeZone: string): string | undefined | null {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, day = "", hour = "0", minute = "0"] = match;
  return instantAt(day, Number(hour) * 60 + Number(minute), timeZone).toISOString();
}
