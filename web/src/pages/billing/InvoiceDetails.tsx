import { SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { Schemas } from "../../api/client";
import { money } from "../../lib/time";
import { ScrollTable } from "../../components/ScrollTable";

export type Invoice = Schemas["InvoiceRead"];

const PLAN_TYPE: Record<Schemas["PlanType"], string> = {
  HMO: "HMO",
  PPO: "PPO",
  EPO: "EPO",
  POS: "POS",
  Medicare: "Medicare",
  Medicaid: "Medicaid",
  self_pay: "Self-pay",
};

export function planText(plan: Invoice["plan"], currency: string): string {
  if (!plan) return "No insurance plan: the patient pays the total";
  const copay = plan.copay_cents === null ? "" : `, copay ${money(plan.copay_cents, currency)}`;
  return `${plan.carrier_name} (${PLAN_TYPE[plan.plan_type]}), member ${plan.member_id}${copay}`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7" component="div">
        {label}
      </Text>
      <Text fw={600} size="lg" component="div">
        {value}
      </Text>
    </div>
  );
}

/** Who owes what on an invoice: the total, the patient's and the insurer's shares, the plan. */
export function InvoiceShares({ invoice }: { invoice: Invoice }) {
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure label="Total" value={money(invoice.total_cents, invoice.currency)} />
        <Figure label="Patient owes" value={money(invoice.patient_due_cents, invoice.currency)} />
        <Figure
          label="Insurance owes"
          value={money(invoice.insurance_due_cents, invoice.currency)}
        />
      </SimpleGrid>
      <Text size="sm">Plan: {planText(invoice.plan, invoice.currency)}</Text>
    </Stack>
  );
}

/** The invoice's lines, as billed. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  return (
    <ScrollTable label="Invoice lines" minWidth={420}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Table.Tr key={line.cpt_record_id}>
              <Table.Td>
                {line.code}
                {line.modifier ? `-${line.modifier}` : ""}
              </Table.Td>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td>
                {line.quantity} × {money(line.unit_price_cents, invoice.currency)}
              </Table.Td>
              <Table.Td>{money(line.amount_cents, invoice.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
