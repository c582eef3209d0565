import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { longDay, money } from "../../lib/time";
import { PLAN_TYPE_LABEL } from "./labels";
import { PlanForm } from "./PlanForm";
import { ListTable } from "../../components/ScrollTable";
import { useDocuments } from "../../api/documents";
import { OpenDocument, Thumbnail } from "./DocumentCard";
import { useActivePlan } from "./queries";

const CARD_PX = 120;

type Plan = Schemas["PlanRead"];

function copayOf(plan: Plan): string {
  if (plan.plan_type === "self_pay") return "Self-pay";
  return plan.copay_cents === null ? "—" : money(plan.copay_cents, plan.currency ?? "USD");
}

/** The newest image of each side of the plan's card, where one was uploaded. */
function PlanCards({ plan }: { plan: Plan }) {
  const sides = [
    { label: "Front", list: useDocuments(plan.patient_id, { kind: "insurance_card_front" }) },
    { label: "Back", list: useDocuments(plan.patient_id, { kind: "insurance_card_back" }) },
  ].flatMap(({ label, list }) => {
    const card = list.data?.documents.find((document) => document.plan_id === plan.plan_id);
    return card ? [{ label, card }] : [];
  });
  if (sides.length === 0) return null;
  return (
    <Group gap="md" mt="sm" role="group" aria-label="Insurance card">
      {sides.map(({ label, card }) => (
        <Stack key={label} gap={4} align="flex-start">
          <Thumbnail document={card} size={CARD_PX} />
          <Group gap="xs">
            <Text size="sm">{label}</Text>
            <OpenDocument document={card} />
          </Group>
        </Stack>
      ))}
    </Group>
  );
}

function ActivePlan({ plan }: { plan: Plan | null }) {
  if (!plan) return <Text>No active insurance plan: the patient pays the whole bill.</Text>;
  return (
    <Paper withBorder p="sm">
      <Group gap="xs" mb={4}>
        <Text fw={600}>{plan.carrier_name}</Text>
        <Badge variant="light" color="green" c="dark.8" tt="none">
          Active
        </Badge>
      </Group>
      <Text size="sm">
        {PLAN_TYPE_LABEL[plan.plan_type]} · Member ID {plan.member_id}
        {plan.group_id ? ` · Group ${plan.group_id}` : ""}
      </Text>
      <Text size="sm">
        Copay: {copayOf(plan)}
        {plan.effective_date ? ` · Effective from ${longDay(plan.effective_date)}` : ""}
      </Text>
      <PlanCards plan={plan} />
    </Paper>
  );
}

function PlanHistory({ plans }: { plans: Plan[] }) {
  return (
    <>
      <Title order={4}>Plan history</Title>
      <ListTable
        label="Insurance plans"
        minWidth={560}
        columns={["Carrier", "Type", "Member ID", "Copay", "Effective from", "State"]}
      >
        {plans.map((plan) => (
          <Table.Tr key={plan.plan_id}>
            <Table.Td>{plan.carrier_name}</Table.Td>
            <Table.Td>{PLAN_TYPE_LABEL[plan.plan_type]}</Table.Td>
            <Table.Td>{plan.member_id}</Table.Td>
            <Table.Td>{copayOf(plan)}</Table.Td>
            <Table.Td>{plan.effective_date ? longDay(plan.effective_date) : "—"}</Table.Td>
            <Table.Td>{plan.is_active ? "Active" : "Replaced"}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}

/** The active plan, every plan before it, and a new plan for the roles that save plans. */
export function Insurance({ patientId }: { patientId: number }) {
  const { role } = useUser();
  const [adding, setAdding] = useState(false);
  const path = { params: { path: { patient_id: patientId } } };
  const active = useActivePlan(patientId);
  const history = useQuery({
    queryKey: ["patients", patientId, "plans"],
    queryFn: () => unwrap(api.GET("/api/patients/{patient_id}/plans", path)),
  });

  return (
    <section aria-labelledby="insurance-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="insurance-title">
          Insurance
        </Title>
        {!adding && can(role, "save_plan") && (
          <Button variant="default" onClick={() => setAdding(true)}>
            New plan
          </Button>
        )}
      </Group>
      <Stack>
        {adding && <PlanForm patientId={patientId} onDone={() => setAdding(false)} />}
        <ErrorNotice error={active.error ?? history.error} />
        {active.isPending ? <Loading label="Loading the plan" /> : null}
        {active.data && <ActivePlan plan={active.data.plan} />}
        {history.data && history.data.plans.length > 0 && (
          <PlanHistory plans={history.data.plans} />
        )}
      </Stack>
    </section>
  );
}
