import { ActionIcon, Button, Group, TextInput } from "@mantine/core";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { useClinic } from "../../api/clinic";
import { addDays, todayIn } from "../../lib/time";
import { isDay } from "./model";

/** A value kept in the address bar, so that a view can be bookmarked, shared and gone back to. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      }),
    [name, setParams],
  );
  return [params.get(name), set];
}

/** The clinic's time zone and the day shown (`?date=`, else the clinic's today). */
export function useClinicDay(): { timeZone: string; today: string; day: string; setDay: (day: string) => void } | null {
  const clinic = useClinic();
  const [date, setDate] = useSearchParam("date");
  if (!clinic) return null;
  const timeZone: string = clinic.timezone;
  // From the clock rather than the clinic's answer, so that a page left open turns the day too.
  const today = todayIn(timeZone);
  return { timeZone, today, day: isDay(date) ? date : today, setDay: setDate };
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
  onChange: (day: string) => void;
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
        onClick={() => onChange(addDays(day, -step))}
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
        onClick={() => onChange(addDays(day, step))}
      >
        ›
      </ActionIcon>
      <Button variant="default" onClick={() => onChange(today)}>
        {unit === "day" ? "Today" : `This ${unit}`}
      </Button>
    </Group>
  );
}
