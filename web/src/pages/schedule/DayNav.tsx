import { ActionIcon, Button, Group, TextInput } from "@mantine/core";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { useClinic } from "../../api/clinic";
import { addDays, todayIn } from "../../lib/time";
import { isDay } from "./model";

type Update = string | null | ((current: string | null) => string | null);

/**
 * A value kept in the address bar, so that a view can be bookmarked, shared and gone back to.
 * An update may be a function of the value in the address bar now: two quick clicks on "Next
 * day" move two days even while the first move is still being drawn.
 */
export function useSearchParam(name: string): [string | null, (update: Update) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (update: Update) => {
      const next = new URLSearchParams(window.location.search);
      const value = typeof update === "function" ? update(next.get(name)) : update;
      if (value === null) next.delete(name);
      else next.set(name, value);
      setParams(next);
    },
    [name, setParams],
  );
  return [params.get(name), set];
}

/** The clinic's time zone and the day shown (`?date=`, else the clinic's today). */
export function useClinicDay(): ClinicDay | null {
  const clinic = useClinic();
  const [date, setDate] = useSearchParam("date");
  const timeZone = clinic?.timezone;
  const setDay = useCallback(
    (next: DayUpdate) =>
      setDate((current) => {
        if (typeof next === "string") return next;
        // From the clock rather than the clinic's answer, so that a page left open turns the day.
        return next(isDay(current) ? current : todayIn(timeZone ?? "UTC"));
      }),
    [setDate, timeZone],
  );
  if (!timeZone) return null;
  const today = todayIn(timeZone);
  return { timeZone, today, day: isDay(date) ? date : today, setDay };
}

export type DayUpdate = string | ((day: string) => string);

export interface ClinicDay {
  timeZone: string;
  today: string;
  day: string;
  setDay: (update: DayUpdate) => void;
}

/**
 * Moves through time: back, a date field, forward, and back to today. `step` is 1 for days and
 * 7 for weeks; `unit` names it for the buttons ("day", "week").
 */
export function DayNav({
  day,
  today,
  onChange,
  step = 1,
  unit = "day",
  label = "Day",
}: {
  day: string;
  today: string;
  onChange: (update: DayUpdate) => void;
  step?: number;
  unit?: string;
  label?: string;
}) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Previous ${unit}`}
        onClick={() => onChange((current) => addDays(current, -step))}
      >
        ‹
      </ActionIcon>
      <TextInput
        type="date"
        label={label}
        value={day}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isDay(value)) onChange(value);
        }}
        w={170}
      />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Next ${unit}`}
        onClick={() => onChange((current) => addDays(current, step))}
      >
        ›
      </ActionIcon>
      <Button variant="default" onClick={() => onChange(today)}>
        {unit === "day" ? "Today" : `This ${unit}`}
      </Button>
    </Group>
  );
}
