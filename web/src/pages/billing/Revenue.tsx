import "@mantine/charts/styles.css";
import { CompositeChart } from "@mantine/charts";
import {
  Box,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { useClinic } from "../../api/clinic";
import { RequestFailed, unwrap } from "../../api/errors";
import { ErrorNotice, Loading } from "../../components/Status";
import { longDay, money, todayIn } from "../../lib/time";
import { chartRows, compactMoney, presetRange, PRESETS, rangeProblem } from "./revenue";
import { ScrollTable } from "../../components/ScrollTable";

type Report = Schemas["RevenueReport"];

export default function Revenue() {
  const clinic = useClinic();
  return (
    <>
      <Title order={2} mb="md">
        Revenue
      </Title>
      {clinic ? (
        <RevenueReport today={todayIn(clinic.timezone)} />
      ) : (
        <Loading label="Loading the clinic's settings" />
      )}
    </>
  );
}

function RevenueReport({ today }: { today: string }) {
  const [range, setRange] = useState(() => presetRange("week", today));
  const problems = rangeProblem(range.from, range.to);
  const valid = Object.keys(problems).length === 0;
  const report = useQuery({
    queryKey: ["reports", "revenue", range],
    queryFn: () => unwrap(api.GET("/api/reports/revenue", { params: { query: range } })),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const server = report.error instanceof RequestFailed ? report.error.fieldErrors : {};

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={520}>
          <TextInput
            label="From"
            type="date"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.currentTarget.value })}
            error={problems.from ?? server.from}
          />
          <TextInput
            label="To"
            type="date"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.currentTarget.value })}
            error={problems.to ?? server.to}
          />
        </SimpleGrid>
        <Group gap="xs">
          {PRESETS.map((preset) => (
            <Button
              key={preset.value}
              size="xs"
              variant="default"
              onClick={() => setRange(presetRange(preset.value, today))}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
      </Stack>
      <ErrorNotice error={report.error} title="The report could not be loaded" />
      {valid && report.isPending && <Loading label="Loading the report" />}
      {report.data && <ReportView report={report.data} busy={report.isFetching} />}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </div>
  );
}

function ReportView({ report, busy }: { report: Report; busy: boolean }) {
  const cash = (cents: number) => money(cents, report.currency);
  const single = report.from === report.to;
  const period = single ? longDay(report.from) : `${longDay(report.from)} to ${longDay(report.to)}`;
  return (
    <Stack gap="lg" aria-busy={busy}>
      <section aria-labelledby="revenue-totals">
        <Title order={3} id="revenue-totals" mb="sm">
          Totals, {period}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Figure label="Billed" value={cash(report.totals.billed_cents)} />
          <Figure label="Collected" value={cash(report.totals.collected_cents)} />
          <Figure
            label={`Receivable at the end of ${longDay(report.to)}`}
            value={cash(report.totals.receivable_cents)}
          />
        </SimpleGrid>
      </section>
      <section aria-labelledby="revenue-chart">
        <Title order={3} id="revenue-chart" mb="sm">
          By day
        </Title>
        <Box component="figure" m={0}>
          <CompositeChart
            h={300}
            data={chartRows(report.days)}
            dataKey="day"
            withLegend
            maxBarWidth={40}
            valueFormatter={(value) => cash(Math.round(value * 100))}
            yAxisProps={{
              width: 64,
              tickFormatter: (value: number) => compactMoney(value, report.currency),
            }}
            series={[
              { name: "Billed", color: "blue.7", type: "bar" },
              { name: "Collected", color: "teal.8", type: "bar" },
              { name: "Receivable", color: "orange.8", type: "line" },
            ]}
          />
          <Text component="figcaption" size="sm" mt="xs">
            Billed and collected each day (bars); receivable at each day's end (line). The table
            below has the same figures.
          </Text>
        </Box>
      </section>
      <ScrollTable label="Revenue per day" minWidth={480}>
        <Table striped>
          <Table.Caption c="gray.8">
            Billed, collected and receivable per day, {period}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Billed</Table.Th>
              <Table.Th>Collected</Table.Th>
              <Table.Th>Receivable at day's end</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.days.map((day) => (
              <Table.Tr key={day.date}>
                <Table.Td>{longDay(day.date)}</Table.Td>
                <Table.Td>{cash(day.billed_cents)}</Table.Td>
                <Table.Td>{cash(day.collected_cents)}</Table.Td>
                <Table.Td>{cash(day.receivable_cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td fw={700}>{cash(report.totals.billed_cents)}</Table.Td>
              <Table.Td fw={700}>{cash(report.totals.collected_cents)}</Table.Td>
              <Table.Td fw={700}>{cash(report.totals.receivable_cents)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
