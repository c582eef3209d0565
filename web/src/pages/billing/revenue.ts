/** The revenue report's range and chart, as pure functions of clinic days. */
import { addDays } from "../../lib/time";

export const MAX_DAYS = 366;

export type Preset = "today" | "week" | "month" | "thirty";

export const PRESETS: { value: Preset; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "week", label: "Last 7 days" },
  { value: "thirty", label: "Last 30 days" },
  { value: "month", label: "This month" },
];

export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "week":
      return { from: addDays(today, -6), to: today };
    case "thirty":
      return { from: addDays(today, -29), to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000) + 1;
}

/** Why the range cannot be asked for, on the field to fix; or nothing. */
export function rangeProblem(from: string, to: string): { from?: string; to?: string } {
  if (!DAY.test(from)) return { from: "Enter the first day" };
  if (!DAY.test(to)) return { to: "Enter the last day" };
  const days = daysIn(from, to);
  if (days < 1) return { to: "The last day is before the first" };
  if (days > MAX_DAYS) return { to: `At most ${MAX_DAYS} days at a time` };
  return {};
}

export interface RevenueDay {
  date: string;
  billed_cents: number;
  collected_cents: number;
  receivable_cents: number;
}

const SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** One point per day for the chart: "7 Dec", amounts in currency units (display only). */
export function chartRows(days: readonly RevenueDay[]) {
  return days.map((day) => ({
    day: SHORT.format(new Date(`${day.date}T00:00:00Z`)),
    Billed: day.billed_cents / 100,
    Collected: day.collected_cents / 100,
    Receivable: day.receivable_cents / 100,
  }));
}

/** An axis label: 18000 (currency units) -> "$18K". */
export function compactMoney(units: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(units);
}
