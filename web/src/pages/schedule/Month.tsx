import {
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMemo } from "react";
import { Link } from "react-router";
import { ErrorNotice, Loading } from "../../components/Status";
import { longDay } from "../../lib/time";
import { useDailyCounts, useProviders } from "./data";
import { useSearchParam, type ClinicDay } from "./DayNav";
import { addMonths, monthName, monthWeeks } from "./model";
import { SchedulePage, useProviderNames } from "./Shared";
import { ScrollTable } from "../../components/ScrollTable";

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

interface DayCount {
  total: number;
  vacated: number;
}

/** A month at a glance: the number of visits each day, each day a way into its schedule. */
export default function Month() {
  return <SchedulePage title="Month" what="month" view={MonthView} />;
}

function MonthView({ today, day, setDay }: ClinicDay) {
  const weeks = useMemo(() => monthWeeks(day), [day]);
  const month = day.slice(0, 7);
  const from = weeks[0]?.[0] as string;
  const to = weeks.at(-1)?.[6] as string;
  const providers = useProviders();
  const nameOf = useProviderNames(providers.data);
  const [chosen, setChosen] = useSearchParam("provider");
  const providerId = chosen && /^\d+$/.test(chosen) ? Number(chosen) : undefined;
  const counts = useDailyCounts(from, to, providerId);

  const perDay = useMemo(() => {
    const map = new Map<string, DayCount>();
    for (const entry of counts.data?.days ?? []) {
      const vacated = entry.by_status.cancelled + entry.by_status.no_show;
      map.set(entry.date, { total: entry.total, vacated });
    }
    return map;
  }, [counts.data]);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Month</Title>
        <Text size="sm">{monthName(day)}</Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" onClick={() => setDay((current) => addMonths(current, -1))}>
            Previous month
          </Button>
          <Button variant="default" onClick={() => setDay((current) => addMonths(current, 1))}>
            Next month
          </Button>
          <Button variant="default" onClick={() => setDay(today)}>
            This month
          </Button>
        </Group>
        <Select
          label="Provider"
          data={[
            { value: "all", label: "All providers" },
            ...(providers.data ?? []).map((one) => ({
              value: String(one.provider_user_id),
              label: nameOf(one.provider_user_id),
            })),
          ]}
          value={providerId !== undefined ? String(providerId) : "all"}
          onChange={(value) => setChosen(value === "all" ? null : value)}
          allowDeselect={false}
          searchable
          w={{ base: "100%", xs: 260 }}
        />
      </Group>
      <ErrorNotice error={counts.error ?? providers.error} title="The month could not be loaded" />
      {counts.isPending ? (
        <Loading label="Counting the month's visits" />
      ) : (
        <ScrollTable label="Month" minWidth={360}>
          <Table withTableBorder withColumnBorders layout="fixed" aria-busy={counts.isFetching}>
            <Table.Caption c="var(--mantine-color-text)">
              Visits booked each day of {monthName(day)}
              {providerId !== undefined ? ` for ${nameOf(providerId)}` : ""}, cancelled and missed
              ones included; open a day to see its schedule.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {WEEKDAYS.map(([short, long]) => (
                  <Table.Th key={short} ta="center" px={2}>
                    <abbr title={long} style={{ textDecoration: "none" }}>
                      {short}
                    </abbr>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((week) => (
                <Table.Tr key={week[0]}>
                  {week.map((date) => (
                    <DayCell
                      key={date}
                      date={date}
                      count={perDay.get(date)}
                      inMonth={date.startsWith(month)}
                      isToday={date === today}
                    />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function DayCell({
  date,
  count,
  inMonth,
  isToday,
}: {
  date: string;
  count: DayCount | undefined;
  inMonth: boolean;
  isToday: boolean;
}) {
  const total = count?.total ?? 0;
  const vacated = count?.vacated ?? 0;
  const words =
    `${total} ${total === 1 ? "visit" : "visits"}` +
    (vacated > 0 ? `, ${vacated} cancelled or missed` : "");
  return (
    <Table.Td
      valign="top"
      px={4}
      py={6}
      bg={isToday ? "blue.0" : inMonth ? undefined : "gray.1"}
      style={{ height: 72 }}
    >
      <Anchor
        component={Link}
        to={`/today?date=${date}`}
        c="dark.9"
        fw={isToday ? 700 : 500}
        style={{ display: "block" }}
      >
        <span aria-hidden="true">{Number(date.slice(8))}</span>
        <VisuallyHidden>
          {longDay(date)}
          {isToday ? " (today)" : ""}: {words}
        </VisuallyHidden>
        {total > 0 && (
          <Text span display="block" size="sm" fw={600} c="blue.9" aria-hidden="true">
            {total}
            <Text span visibleFrom="sm" size="sm" inherit>
              {total === 1 ? " visit" : " visits"}
            </Text>
          </Text>
        )}
        {vacated > 0 && (
          <Text span display="block" size="xs" c="gray.8" visibleFrom="sm" aria-hidden="true">
            {vacated} cancelled or missed
          </Text>
        )}
      </Anchor>
    </Table.Td>
  );
}
