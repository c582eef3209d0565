/**
 * A provider's week as the editor holds it: one row per range, each with a stable key, turned
 * into the API's `hours` (sorted, validated as the server would) and back.
 */
import type { Schemas } from "../../api/client";

export type Range = Schemas["WorkingHoursRange"];

export interface Row {
  key: string;
  weekday: number;
  start: string;
  end: string;
}

export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `range-${counter}`;
}

const byTime = (a: Row, b: Row) => a.weekday - b.weekday || a.start.localeCompare(b.start);

export function toRows(hours: readonly Range[]): Row[] {
  return hours
    .map((range) => ({
      key: newKey(),
      weekday: range.weekday,
      start: range.start_time,
      end: range.end_time,
    }))
    .sort(byTime);
}

/** The rows as the API's week, in order, with the row each range came from. */
export function toHours(rows: readonly Row[]): { hours: Range[]; keys: string[] } {
  const sorted = [...rows].sort(byTime);
  return {
    hours: sorted.map((row) => ({
      weekday: row.weekday,
      start_time: row.start,
      end_time: row.end,
    })),
    keys: sorted.map((row) => row.key),
  };
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with each row, by key: a missing or malformed time, an empty range, an overlap. */
export function rowProblems(rows: readonly Row[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const row of rows) {
    if (!CLOCK.test(row.start)) problems.set(row.key, "Enter a start time (HH:MM)");
    else if (!CLOCK.test(row.end)) problems.set(row.key, "Enter an end time (HH:MM)");
    else if (row.end <= row.start) problems.set(row.key, "The end must be after the start");
  }
  const valid = rows.filter((row) => !problems.has(row.key)).sort(byTime);
  valid.forEach((row, index) => {
    const previous = valid[index - 1];
    if (previous && previous.weekday === row.weekday && row.start < previous.end) {
      problems.set(row.key, `Overlaps ${previous.start}–${previous.end}`);
    }
  });
  return problems;
}

/** The server's field errors (`hours.3.end_time`) on the rows they name. */
export function problemsFromDetails(
  details: readonly { field: string; message: string }[],
  keys: readonly string[],
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const detail of details) {
    const match = /^hours\.(\d+)\./.exec(detail.field);
    const key = match ? keys[Number(match[1])] : undefined;
    if (key && !problems.has(key)) problems.set(key, detail.message);
  }
  return problems;
}

/** Give other days the ranges of one day (Monday's hours to the rest of the working week). */
export function copyDay(rows: readonly Row[], from: number, to: readonly number[]): Row[] {
  const source = rows.filter((row) => row.weekday === from);
  const kept = rows.filter((row) => !to.includes(row.weekday) || row.weekday === from);
  const copies = to
    .filter((day) => day !== from)
    .flatMap((day) => source.map((row) => ({ ...row, key: newKey(), weekday: day })));
  return [...kept, ...copies].sort(byTime);
}
