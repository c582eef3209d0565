/**
 * The schedule's pure decisions: statuses and what may be done with a visit, where visits sit on
 * a time grid, the days of a week and a month, and the sentence for a double booking.
 */
import type { Schemas } from "../../api/client";
import { can, type Role } from "../../lib/access";
import { addDays, clockTime, dayOf, minuteOfDay, mondayOf, weekday } from "../../lib/time";

export type Appointment = Schemas["AppointmentRead"];
export type AppointmentStatus = Schemas["AppointmentStatus"];
export type Provider = Schemas["ProviderRead"];
export type Patient = Schemas["PatientRead"];

// --- Statuses ----------------------------------------------------------------------------------

/** Cancelled and missed visits free their slot. */
export function isVacated(status: AppointmentStatus): boolean {
  return status === "cancelled" || status === "no_show";
}

export type VisitAction = "confirm" | "check_in" | "no_show" | "cancel" | "reschedule";

/**
 * What a role may do with a visit now, as the API decides it: check-in by any staff; a no-show
 * by the roles that cancel, once the visit's start has passed; cancelling anything not final;
 * moving a visit that has not begun.
 */
export function visitActions(appointment: Appointment, role: Role, now: Date): VisitAction[] {
  const { status } = appointment;
  const waiting = status === "scheduled" || status === "confirmed";
  const actions: VisitAction[] = [];
  if (status === "scheduled") actions.push("confirm");
  if (waiting) actions.push("check_in");
  if (waiting) actions.push("reschedule");
  const canceller = can(role, "cancel_visit");
  const started = now.getTime() >= new Date(appointment.scheduled_start).getTime();
  if (canceller && started && (waiting || status === "checked_in")) actions.push("no_show");
  if (canceller && !["completed", "cancelled", "no_show"].includes(status)) actions.push("cancel");
  return actions;
}

// --- Names -------------------------------------------------------------------------------------

export function providerName(
  provider: Pick<Provider, "first_name" | "last_name" | "role">,
): string {
  const name = `${provider.first_name} ${provider.last_name}`;
  return provider.role === "doctor" ? `Dr ${name}` : name;
}

export function patientName(patient: Pick<Patient, "first_name" | "last_name">): string {
  return `${patient.first_name} ${patient.last_name}`;
}

/**
 * The 409 of a booking or a move, in words: which visit holds the slot. `appointment_conflict`
 * is the provider's calendar, `patient_conflict` the patient's.
 */
export function conflictSentence({
  code,
  provider,
  patient,
  start,
  end,
  timeZone,
}: {
  code: string;
  provider: string;
  patient: string;
  start: string;
  end: string;
  timeZone: string;
}): string {
  const when = `from ${clockTime(start, timeZone)} to ${clockTime(end, timeZone)}`;
  return code === "patient_conflict"
    ? `${patient} already has a visit with ${provider} ${when}.`
    : `${provider} already has a visit with ${patient} ${when}.`;
}

/** First and last name from what was typed in a search ("Maria Lopez"), to start a record. */
export function splitName(typed: string): { first: string; last: string } {
  const words = typed.split(/\s+/).filter((word) => word && !/[\d@]/.test(word));
  if (words.length < 2) return { first: words[0] ?? "", last: "" };
  return { first: words.slice(0, -1).join(" "), last: words.at(-1) ?? "" };
}

const LENGTHS = [10, 15, 20, 30, 45, 60, 90];

/** The visit lengths offered, with `current` among them (a visit being moved keeps its length). */
export function lengthOptions(current?: number): { value: string; label: string }[] {
  const all =
    current && !LENGTHS.includes(current) ? [...LENGTHS, current].sort((a, b) => a - b) : LENGTHS;
  return all.map((minutes) => ({ value: String(minutes), label: `${minutes} minutes` }));
}

// --- The time grid -----------------------------------------------------------------------------

/** Minutes since the clinic's midnight, [start, end). */
export interface Span {
  start: number;
  end: number;
}

const DAY = 24 * 60;

/** Where an appointment lies on one clinic day, cut at midnight on either side. */
export function spanOnDay(appointment: Appointment, day: string, timeZone: string): Span {
  const { scheduled_start: start, scheduled_end: end } = appointment;
  return {
    start: dayOf(start, timeZone) < day ? 0 : minuteOfDay(start, timeZone),
    end: dayOf(end, timeZone) > day ? DAY : minuteOfDay(end, timeZone),
  };
}

function minutes(time: string): number {
  const [hours, mins] = time.split(":").map(Number) as [number, number];
  return hours * 60 + (mins || 0);
}

/** A provider's working hours on a day, as spans; none when they keep no hours (open all day). */
export function workingSpans(provider: Pick<Provider, "working_hours">, day: string): Span[] {
  const today = weekday(day);
  return provider.working_hours
    .filter((range) => range.weekday === today)
    .map((range) => ({ start: minutes(range.start_time), end: minutes(range.end_time) }))
    .sort((a, b) => a.start - b.start);
}

/** The hours the grid shows: whole hours around every visit and working period, else 8 to 18. */
export function gridRange(spans: readonly Span[]): Span {
  if (spans.length === 0) return { start: 8 * 60, end: 18 * 60 };
  const first = Math.min(...spans.map((span) => span.start));
  const last = Math.max(...spans.map((span) => span.end));
  const start = Math.max(0, Math.floor(first / 60) * 60);
  const end = Math.min(DAY, Math.max(start + 60, Math.ceil(last / 60) * 60));
  return { start, end };
}

export interface Placed<T> {
  item: T;
  span: Span;
  /** Side by side within the column: this block's lane, of `lanes` in its overlapping group. */
  lane: number;
  lanes: number;
}

/**
 * Lays one column's visits out: a visit that overlaps others (a cancelled visit and the one booked
 * in its place) shares the width with them, each in the first free lane.
 */
export function layoutColumn<T>(items: readonly T[], spanOf: (item: T) => Span): Placed<T>[] {
  const placed = items
    .map((item) => ({ item, span: spanOf(item), lane: 0, lanes: 1 }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let group: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const block of group) block.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const block of placed) {
    if (block.span.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= block.span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = Math.max(block.span.end, block.span.start + 1);
    block.lane = lane;
    group.push(block);
    groupEnd = Math.max(groupEnd, block.span.end);
  }
  close();
  return placed;
}

// --- Days, weeks, months -----------------------------------------------------------------------

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isDay(value: string | null | undefined): value is string {
  return !!value && DAY_PATTERN.test(value) && addDays(value, 0) === value;
}

export function weekDays(day: string): string[] {
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The weeks (Monday to Sunday) that show a month: from the week of its 1st to that of its last. */
export function monthWeeks(day: string): string[][] {
  const first = `${day.slice(0, 7)}-01`;
  const last = addDays(addDays(first, 31).slice(0, 7) + "-01", -1);
  const weeks: string[][] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

export function addMonths(day: string, count: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** "December 2026". */
export function monthName(day: string): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "Mon 7": a column's heading in a week. */
export function shortDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

// --- Pages of a list ---------------------------------------------------------------------------

/** The pages still to fetch after the first, to ask for all at once. */
export function remainingPages(pagination: Schemas["Pagination"]): number[] {
  return Array.from({ length: Math.max(0, pagination.pages - 1) }, (_, index) => index + 2);
}

/** The pages' items in order, each once (a row can shift to the next page between two reads). */
export function mergePages<T>(pages: readonly (readonly T[])[], idOf: (item: T) => number): T[] {
  const seen = new Set<number>();
  const result: T[] = [];
  for (const item of pages.flat()) {
    const id = idOf(item);
    if (!seen.has(id)) {
      seen.add(id);
      result.push(item);
    }
  }
  return result;
}

/** Items by a numeric key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The columns of a day: every active provider, then anyone no longer active who still has
 * visits that day (so that no visit goes missing from the grid).
 */
export function providerColumns(
  providers: readonly Provider[],
  visitsByProvider: Map<number, unknown[]>,
): number[] {
  const ids = providers.map((provider) => provider.provider_user_id);
  const known = new Set(ids);
  const former = [...visitsByProvider.keys()].filter((id) => !known.has(id)).sort((a, b) => a - b);
  return [...ids, ...former];
}

/** Visits by the clinic day they start on. */
export function byDay(
  visits: readonly Appointment[],
  timeZone: string,
): Map<string, Appointment[]> {
  const days = new Map<string, Appointment[]>();
  for (const visit of visits) {
    const day = dayOf(visit.scheduled_start, timeZone);
    const list = days.get(day);
    if (list) list.push(visit);
    else days.set(day, [visit]);
  }
  return days;
}

/** Per provider and day, the visits that still take place (cancelled and missed ones left out). */
export function weekCounts(
  visits: readonly Appointment[],
  timeZone: string,
): Map<number, Map<string, number>> {
  const counts = new Map<number, Map<string, number>>();
  for (const visit of visits) {
    if (isVacated(visit.status)) continue;
    const day = dayOf(visit.scheduled_start, timeZone);
    const row = counts.get(visit.provider_user_id) ?? new Map<string, number>();
    row.set(day, (row.get(day) ?? 0) + 1);
    counts.set(visit.provider_user_id, row);
  }
  return counts;
}
