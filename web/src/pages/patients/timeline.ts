/**
 * A patient's visit history: medical records and vitals, two lists the API pages separately
 * (both newest first), merged into one timeline of clinic days.
 */
import type { Schemas } from "../../api/client";
import { dayOf } from "../../lib/time";

type MedicalRecord = Schemas["MedicalRecordRead"];
type Vitals = Schemas["VitalsRead"];

export type TimelineEntry =
  | { kind: "record"; key: string; day: string; at: string; record: MedicalRecord }
  | { kind: "vitals"; key: string; day: string; at: string; vitals: Vitals };

export interface TimelineDay {
  day: string;
  entries: TimelineEntry[];
}

export interface Loaded<T> {
  items: T[];
  /** Every page has been read. */
  complete: boolean;
}

/**
 * The days both lists fully cover, newest first. A list with pages still unread covers the days
 * down to its oldest item loaded: older entries of the other list wait until it is read further,
 * so that nothing appears out of order and then moves.
 */
export function mergeTimeline(
  records: Loaded<MedicalRecord>,
  vitals: Loaded<Vitals>,
  zone: string,
): { days: TimelineDay[]; complete: boolean } {
  const entries: TimelineEntry[] = [
    ...records.items.map((record) => ({
      kind: "record" as const,
      key: `record-${record.medical_record_id}`,
      day: record.record_date,
      at: record.created_at,
      record,
    })),
    ...vitals.items.map((measured) => ({
      kind: "vitals" as const,
      key: `vitals-${measured.vitals_id}`,
      day: dayOf(measured.recorded_at, zone),
      at: measured.recorded_at,
      vitals: measured,
    })),
  ];
  const cutoff = [
    covered(records, (record) => record.record_date),
    covered(vitals, (measured) => dayOf(measured.recorded_at, zone)),
  ].reduce((a, b) => (a > b ? a : b));
  const shown = entries
    .filter((entry) => entry.day >= cutoff)
    .sort((a, b) =>
      a.day !== b.day ? (a.day < b.day ? 1 : -1) : Date.parse(b.at) - Date.parse(a.at),
    );
  const days: TimelineDay[] = [];
  for (const entry of shown) {
    const last = days[days.length - 1];
    if (last?.day === entry.day) last.entries.push(entry);
    else days.push({ day: entry.day, entries: [entry] });
  }
  return { days, complete: records.complete && vitals.complete };
}

/** The oldest day a list vouches for: "" for all of them, once it is complete. */
function covered<T>(list: Loaded<T>, dayOfItem: (item: T) => string): string {
  if (list.complete) return "";
  if (list.items.length === 0) return "\uffff";
  return list.items.map(dayOfItem).reduce((a, b) => (a < b ? a : b));
}
