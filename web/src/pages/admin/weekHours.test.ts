import { describe, expect, it } from "vitest";
import { copyDay, problemsFromDetails, rowProblems, toHours, toRows, type Row } from "./weekHours";

const row = (key: string, weekday: number, start: string, end: string): Row => ({
  key,
  weekday,
  start,
  end,
});

describe("a provider's week in the editor", () => {
  it("round-trips the API's hours, sorted by day and time", () => {
    const hours = [
      { weekday: 2, start_time: "13:00", end_time: "17:00" },
      { weekday: 0, start_time: "09:00", end_time: "12:00" },
      { weekday: 2, start_time: "08:00", end_time: "12:00" },
    ];
    const rows = toRows(hours);
    expect(rows.map((r) => [r.weekday, r.start])).toEqual([
      [0, "09:00"],
      [2, "08:00"],
      [2, "13:00"],
    ]);
    const { hours: back, keys } = toHours(rows);
    expect(back).toEqual([hours[1], hours[2], hours[0]]);
    expect(keys).toEqual(rows.map((r) => r.key));
  });

  it("finds empty, reversed and overlapping ranges; touching ones are fine", () => {
    const problems = rowProblems([
      row("a", 0, "09:00", "12:00"),
      row("b", 0, "12:00", "17:00"),
      row("c", 0, "16:00", "18:00"),
      row("d", 1, "10:00", "09:00"),
      row("e", 1, "", "09:00"),
      row("f", 2, "09:00", "9"),
      row("g", 3, "09:00", "12:00"),
    ]);
    expect(Object.fromEntries(problems)).toEqual({
      c: "Overlaps 12:00–17:00",
      d: "The end must be after the start",
      e: "Enter a start time (HH:MM)",
      f: "Enter an end time (HH:MM)",
    });
  });

  it("puts the server's field errors on the rows they name", () => {
    const problems = problemsFromDetails(
      [
        { field: "hours.1.end_time", message: "a local time in whole minutes, HH:MM" },
        { field: "hours", message: "too many" },
      ],
      ["a", "b"],
    );
    expect(Object.fromEntries(problems)).toEqual({ b: "a local time in whole minutes, HH:MM" });
  });

  it("copies one day's ranges to other days, replacing theirs", () => {
    const rows = copyDay(
      [row("a", 0, "09:00", "12:00"), row("b", 0, "13:00", "17:00"), row("c", 1, "08:00", "10:00")],
      0,
      [0, 1, 2],
    );
    expect(rows.map((r) => `${r.weekday} ${r.start}-${r.end}`)).toEqual([
      "0 09:00-12:00",
      "0 13:00-17:00",
      "1 09:00-12:00",
      "1 13:00-17:00",
      "2 09:00-12:00",
      "2 13:00-17:00",
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
