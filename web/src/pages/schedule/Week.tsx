import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useMemo } from "react";
import { Link } from "react-router";
import { ErrorNotice, Loading } from "../../components/Status";
import { longDay } from "../../lib/time";
import { useProviders, useVisits } from "./data";
import { DayNav, useSearchParam, type ClinicDay } from "./DayNav";
import { byDay, shortDay, weekCounts, weekDays, workingSpans, type Appointment } from "./model";
import { ScheduleGrid, type GridColumn } from "./ScheduleGrid";
import { SchedulePage, useProviderGroups, useScheduleDialogs } from "./Shared";
import { StatusLegend } from "../../components/StatusBadge";
import { ScrollTable } from "../../components/ScrollTable";

const NONE: Appointment[] = [];

/** A week: one provider's visits on a grid of days, or how busy every provider is each day. */
export default function Week() {
  return <SchedulePage title="Week" what="week" view={WeekView} />;
}

function WeekView({ timeZone, today, day, setDay }: ClinicDay) {
  const days = useMemo(() => weekDays(day), [day]);
  const first = days[0] as string;
  const last = days[6] as string;
  const providers = useProviders();
  const [chosen, setChosen] = useSearchParam("provider");
  const providerId = chosen && /^\d+$/.test(chosen) ? Number(chosen) : null;
  const visits = useVisits({
    date_from: first,
    date_to: last,
    ...(providerId !== null && { provider_user_id: providerId }),
  });
  const { open, book, dialogs, notice, nameOf } = useScheduleDialogs({
    today,
    timeZone,
    providers: providers.data,
    visits: visits.data,
  });
  const { ids } = useProviderGroups(providers.data, visits.data);
  const provider = providers.data?.find((one) => one.provider_user_id === providerId);

  const columns = useMemo<GridColumn[]>(() => {
    const perDay = byDay(visits.data ?? NONE, timeZone);
    return days.map((date) => ({
      key: date,
      title: shortDay(date),
      day: date,
      working: provider && provider.working_hours.length > 0 ? workingSpans(provider, date) : null,
      visits: perDay.get(date) ?? NONE,
      extra: provider && date >= today && (
        <ActionIcon
          variant="default"
          size="sm"
          aria-label={`Book on ${longDay(date)}`}
          onClick={() => book(date, provider.provider_user_id)}
        >
          +
        </ActionIcon>
      ),
    }));
  }, [days, visits.data, timeZone, provider, today, book]);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>Week</Title>
          <Text size="sm">
            {longDay(first)} to {longDay(last)}
          </Text>
        </div>
        <Button onClick={() => book(day, providerId ?? undefined)}>Book a visit</Button>
      </Group>
      {notice}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <DayNav day={day} today={today} onChange={setDay} step={7} unit="week" label="Week of" />
        <Select
          label="Provider"
          data={[
            { value: "all", label: "All providers" },
            ...ids.map((id) => ({ value: String(id), label: nameOf(id) })),
          ]}
          value={providerId !== null ? String(providerId) : "all"}
          onChange={(value) => setChosen(value === "all" ? null : value)}
          allowDeselect={false}
          searchable
          w={{ base: "100%", xs: 260 }}
        />
      </Group>
      <ErrorNotice error={providers.error ?? visits.error} title="The week could not be loaded" />
      {providers.isPending || visits.isPending ? (
        <Loading label="Loading the week" />
      ) : providerId !== null ? (
        <>
          <StatusLegend />
          <ScheduleGrid
            columns={columns}
            timeZone={timeZone}
            onOpen={open}
            label={`Week of ${nameOf(providerId)}`}
          />
        </>
      ) : (
        <WeekTable
          days={days}
          ids={ids}
          visits={visits.data ?? NONE}
          timeZone={timeZone}
          nameOf={nameOf}
          onProvider={(id) => setChosen(String(id))}
          busy={visits.isFetching}
        />
      )}
      {dialogs}
    </Stack>
  );
}

/** Every provider's visits per day of the week; a provider opens their week, a day its grid. */
function WeekTable({
  days,
  ids,
  visits,
  timeZone,
  nameOf,
  onProvider,
  busy,
}: {
  days: string[];
  ids: number[];
  visits: Appointment[];
  timeZone: string;
  nameOf: (id: number) => string;
  onProvider: (id: number) => void;
  busy: boolean;
}) {
  const counts = useMemo(() => weekCounts(visits, timeZone), [visits, timeZone]);
  const total = (day: string) => ids.reduce((sum, id) => sum + (counts.get(id)?.get(day) ?? 0), 0);
  return (
    <>
      {/* Above the table, not its caption: a caption scrolls sideways with a wide table. */}
      <Text size="sm" id="week-counts-note">
        Visits per provider and day; cancelled and missed visits are not counted.
      </Text>
      <ScrollTable label="Week" minWidth={640}>
        <Table striped withTableBorder aria-busy={busy} aria-describedby="week-counts-note">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Provider</Table.Th>
              {days.map((day) => (
                <Table.Th key={day} ta="center">
                  <Anchor component={Link} to={`/today?date=${day}`}>
                    {shortDay(day)}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ids.map((id) => (
              <Table.Tr key={id}>
                <Table.Th scope="row" fw={500}>
                  <UnstyledButton
                    onClick={() => onProvider(id)}
                    td="underline"
                    aria-label={`Week of ${nameOf(id)}`}
                  >
                    {nameOf(id)}
                  </UnstyledButton>
                </Table.Th>
                {days.map((day) => (
                  <Table.Td key={day} ta="center">
                    {counts.get(id)?.get(day) ?? 0}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">All providers</Table.Th>
              {days.map((day) => (
                <Table.Td key={day} ta="center" fw={700}>
                  {total(day)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
    </>
  );
}
