import { ActionIcon, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMemo } from "react";
import { ErrorNotice, Loading } from "../../components/Status";
import { longDay } from "../../lib/time";
import { useProviders, useVisits } from "./data";
import { DayNav, useSearchParam, type ClinicDay } from "./DayNav";
import { workingSpans, type Appointment } from "./model";
import { ScheduleGrid, type GridColumn } from "./ScheduleGrid";
import { SchedulePage, useProviderGroups, useScheduleDialogs } from "./Shared";
import { StatusLegend } from "../../components/StatusBadge";

const NONE: Appointment[] = [];

/** The front desk's day: every provider side by side on a time grid, with booking and check-in. */
export default function Today() {
  return <SchedulePage title="Today" what="whole schedule" view={TodayView} />;
}

function TodayView({ timeZone, today, day, setDay }: ClinicDay) {
  const providers = useProviders();
  const visits = useVisits({ date_from: day, date_to: day });
  const phone = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const [chosen, setChosen] = useSearchParam("provider");
  const { open, book, dialogs, notice, nameOf } = useScheduleDialogs({
    today,
    timeZone,
    providers: providers.data,
    visits: visits.data,
  });

  const { groups, ids } = useProviderGroups(providers.data, visits.data);
  // A phone shows one provider at a time unless asked for all; a desk screen shows them all.
  const shown =
    chosen === "all" || (chosen && ids.includes(Number(chosen)))
      ? chosen
      : phone && ids.length > 0
        ? String(ids[0])
        : "all";

  const columns = useMemo<GridColumn[]>(() => {
    const byId = new Map(
      (providers.data ?? []).map((provider) => [provider.provider_user_id, provider]),
    );
    return ids
      .filter((id) => shown === "all" || String(id) === shown)
      .map((id) => {
        const provider = byId.get(id);
        const hours = provider ? workingSpans(provider, day) : [];
        return {
          key: String(id),
          title: nameOf(id),
          day,
          working: provider && provider.working_hours.length > 0 ? hours : null,
          visits: groups.get(id) ?? NONE,
          extra: provider && (
            <ActionIcon
              variant="default"
              size="sm"
              aria-label={`Book with ${nameOf(id)}`}
              onClick={() => book(day, id)}
            >
              +
            </ActionIcon>
          ),
        };
      });
  }, [ids, shown, providers.data, day, groups, nameOf, book]);

  const count = visits.data?.length ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>Today</Title>
          <Text size="sm">
            {longDay(day)}
            {day === today ? " (today)" : ""}
          </Text>
        </div>
        <Button onClick={() => book(day)}>Book a visit</Button>
      </Group>
      {notice}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <DayNav day={day} today={today} onChange={setDay} />
        <Select
          label="Provider"
          data={[
            { value: "all", label: "All providers" },
            ...ids.map((id) => ({ value: String(id), label: nameOf(id) })),
          ]}
          value={shown}
          onChange={(value) => setChosen(value)}
          allowDeselect={false}
          searchable
          w={{ base: "100%", xs: 260 }}
        />
      </Group>
      <StatusLegend />
      <ErrorNotice
        error={providers.error ?? visits.error}
        title="The schedule could not be loaded"
      />
      {providers.isPending || visits.isPending ? (
        <Loading label="Loading the day" />
      ) : ids.length === 0 ? (
        <Text>No active doctors or nurses yet: an administrator adds them under Staff.</Text>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {visits.isFetching
              ? "Updating…"
              : `${count} ${count === 1 ? "visit" : "visits"} on this day.`}
          </Text>
          <ScheduleGrid
            columns={columns}
            timeZone={timeZone}
            onOpen={open}
            label={`Schedule for ${longDay(day)}`}
          />
        </>
      )}
      {dialogs}
    </Stack>
  );
}
