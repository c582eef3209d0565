/**
 * Dates and times in the clinic's time zone (an IANA name from GET /api/clinic), whatever zone the
 * browser is in. Instants come from the API in UTC; days are the clinic's `YYYY-MM-DD`.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", ...options });
    formatters.set(key, found);
  }
  return found;
}

function parts(instant: Date, timeZone: string): Record<string, number> {
  const result: Record<string, number> = {};
  const all = formatter(timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  for (const part of all) if (part.type !== "literal") result[part.type] = Number(part.value);
  return result;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The clinic's calendar day of an instant. */
export function dayOf(instant: Date | string, timeZone: string): string {
  const p = parts(new Date(instant), timeZone);
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** Minutes since the clinic's midnight. */
export function minuteOfDay(instant: Date | string, timeZone: string): number {
  const p = parts(new Date(instant), timeZone);
  return (p.hour ?? 0) * 60 + (p.minute ?? 0);
}

/** "09:30" in the clinic's zone. */
export function clockTime(instant: Date | string, timeZone: string): string {
  const minute = minuteOfDay(instant, timeZone);
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** The UTC instant of a wall-clock time on a clinic day ("2026-12-07", 9*60+30). */
export function instantAt(day: string, minute: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date, Math.floor(minute / 60), minute % 60);
  // The zone's offset at that moment, applied twice to settle across a DST change.
  let instant = guess;
  for (let i = 0; i < 2; i += 1) {
    const p = parts(new Date(instant), timeZone);
    const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    instant += guess - wall;
  }
  return new Date(instant);
}

export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + count));
  return next.toISOString().slice(0, 10);
}

/** 0 for Monday ... 6 for Sunday. */
export function weekday(day: string): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}

export function mondayOf(day: string): string {
  return addDays(day, -weekday(day));
}

export function todayIn(timeZone: string): string {
  return dayOf(new Date(), timeZone);
}

/** "Mon 7 Dec 2026" for a clinic day. */
export function longDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** "Mon, 7 Dec 2026, 09:30": an instant on the clinic's calendar and clock. */
export function dateTime(instant: string, timeZone: string): string {
  return `${longDay(dayOf(instant, timeZone))}, ${clockTime(instant, timeZone)}`;
}

/** Cents as money: 15000 -> "$150.00". */
export function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
