import { Group, Radio, ScrollArea, Select, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { Loading, messageOf } from "../../components/Status";
import { clockTime } from "../../lib/time";
import { isDay, lengthOptions } from "./model";

export interface Slot {
  start: string;
  end: string;
}

/** Starts on a half-hour grid for longer visits, on their own length for shorter ones. */
const stepFor = (duration: number) => Math.min(duration, 30);

/** The day and length of a visit, and the provider's free times that fit them. */
export function SlotPicker({
  providerId,
  day,
  onDay,
  duration,
  onDuration,
  minDay,
  value,
  onChange,
  error,
  timeZone,
}: {
  providerId: number | null;
  day: string;
  onDay: (day: string) => void;
  duration: number;
  onDuration: (minutes: number) => void;
  minDay?: string;
  value: Slot | null;
  onChange: (slot: Slot | null) => void;
  error?: string;
  timeZone: string;
}) {
  const slots = useQuery({
    queryKey: ["appointments", "availability", { providerId, day, duration }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/providers/{provider_user_id}/availability", {
          params: {
            path: { provider_user_id: providerId as number },
            query: {
              date_from: day,
              date_to: day,
              duration_minutes: duration,
              slot_minutes: stepFor(duration),
            },
          },
          signal,
        }),
      ),
    enabled: providerId !== null && isDay(day),
    staleTime: 0,
  });
  const free = slots.data?.slots ?? [];
  const gone = !!value && slots.isSuccess && !free.some((slot) => slot.start === value.start);
  useEffect(() => {
    // The chosen time was taken meanwhile: choose again rather than be refused again.
    if (gone) onChange(null);
  }, [gone, onChange]);

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          type="date"
          label="Date"
          required
          min={minDay}
          value={day}
          onChange={(event) => {
            onDay(event.currentTarget.value);
            onChange(null);
          }}
        />
        <Select
          label="Visit length"
          data={lengthOptions(duration)}
          value={String(duration)}
          allowDeselect={false}
          onChange={(minutes) => {
            if (minutes) onDuration(Number(minutes));
            onChange(null);
          }}
        />
      </SimpleGrid>
      <Radio.Group
        label="Free times"
        required
        value={value?.start ?? null}
        onChange={(start) => onChange(free.find((slot) => slot.start === start) ?? null)}
        error={error}
        description={providerId === null ? "Choose a provider first." : undefined}
      >
        {providerId !== null && slots.isPending && isDay(day) && (
          <Loading label="Finding free times" />
        )}
        {slots.isError && (
          <Text c="red.8" size="sm" role="alert">
            {messageOf(slots.error)}
          </Text>
        )}
        {slots.isSuccess && free.length === 0 && (
          <Text size="sm" mt={4}>
            No free time on this day for a visit of {duration} minutes. Try another day.
          </Text>
        )}
        {free.length > 0 && (
          <ScrollArea.Autosize mah={180} type="auto" mt={6}>
            <Group gap="sm" p={2}>
              {free.map((slot) => (
                <Radio
                  key={slot.start}
                  value={slot.start}
                  label={clockTime(slot.start, timeZone)}
                />
              ))}
            </Group>
          </ScrollArea.Autosize>
        )}
      </Radio.Group>
    </>
  );
}
