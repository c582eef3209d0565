import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, type Schemas } from "../../api/client";
import { RequestFailed, unwrap } from "../../api/errors";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/Status";
import { preciseDateTime } from "../billing/format";
import { PatientPicker } from "../billing/PatientPicker";
import { staffName, useStaffDirectory, type StaffUser } from "../billing/people";
import {
  ACTION_LABEL,
  auditQuery,
  NO_FILTERS,
  RESOURCE_TYPES,
  type AuditFilters,
} from "./auditFilters";
import { ROLE_LABEL } from "./roles";
import { ListTable } from "../../components/ScrollTable";

const PER_PAGE = 25;

const ACTION_OPTIONS = Object.entries(ACTION_LABEL).map(([value, label]) => ({ value, label }));

const OUTCOME: Record<Schemas["AuditOutcome"], { label: string; color: string }> = {
  success: { label: "Success", color: "teal.9" },
  failure: { label: "Failure", color: "yellow.4" },
  denied: { label: "Denied", color: "red.9" },
};

function actorOptions(directory: ReadonlyMap<number, StaffUser> | undefined) {
  return [...(directory?.values() ?? [])]
    .sort(
      (a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name),
    )
    .map((user) => ({
      value: String(user.user_id),
      label: `${user.last_name}, ${user.first_name} (${ROLE_LABEL[user.role]})`,
    }));
}

/**
 * Audit events, newest first, with their filters: the whole trail, or (with `patientId`) one
 * patient's access log.
 */
export function AuditLog({ timeZone, patientId }: { timeZone: string; patientId?: number }) {
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const staff = useStaffDirectory();
  const draftProblems = auditQuery(draft, timeZone).problems;
  const [checked, setChecked] = useState(false);
  const { query } = auditQuery(applied, timeZone);

  const events = useQuery({
    queryKey: ["audit", { patientId, query, page }],
    queryFn: () => {
      const paging = { ...query, page, per_page: PER_PAGE };
      return patientId === undefined
        ? unwrap(api.GET("/api/audit/events", { params: { query: paging } }))
        : unwrap(
            api.GET("/api/patients/{patient_id}/access-log", {
              params: { path: { patient_id: patientId }, query: paging },
            }),
          );
    },
    placeholderData: keepPreviousData,
  });
  const serverProblems = events.error instanceof RequestFailed ? events.error.fieldErrors : {};
  const localProblems: Record<string, string | undefined> = checked ? draftProblems : {};
  const problem = (field: string) => localProblems[field] ?? serverProblems[field];

  function set<K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }
  function apply(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(draftProblems).length > 0) return;
    setApplied(draft);
    setPage(1);
  }
  function clear() {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setChecked(false);
    setPage(1);
  }

  const rows = events.data?.events ?? [];
  return (
    <>
      <form onSubmit={apply} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
          <Select
            label="Who"
            placeholder="Anyone"
            searchable
            clearable
            data={actorOptions(staff.data)}
            value={draft.actor || null}
            onChange={(value) => set("actor", value ?? "")}
          />
          <Select
            label="Action"
            placeholder="Any action"
            clearable
            data={ACTION_OPTIONS}
            value={draft.action || null}
            onChange={(value) => set("action", value ?? "")}
          />
          <Select
            label="Resource type"
            placeholder="Any resource"
            searchable
            clearable
            data={RESOURCE_TYPES}
            value={draft.resourceType || null}
            onChange={(value) => set("resourceType", value ?? "")}
            error={problem("resource_type")}
          />
          {patientId === undefined && (
            <PatientPicker value={draft.patient} onChange={(value) => set("patient", value)} />
          )}
          <TextInput
            label="From (clinic time)"
            type="datetime-local"
            value={draft.from}
            onChange={(event) => set("from", event.currentTarget.value)}
            error={problem("occurred_from")}
          />
          <TextInput
            label="To (clinic time)"
            type="datetime-local"
            value={draft.to}
            onChange={(event) => set("to", event.currentTarget.value)}
            error={problem("occurred_to")}
          />
          <TextInput
            label="Request ID"
            value={draft.requestId}
            onChange={(event) => set("requestId", event.currentTarget.value)}
            error={problem("request_id")}
          />
        </SimpleGrid>
        <Group gap="xs" mb="md">
          <Button type="submit" loading={events.isFetching && !events.isPending}>
            Apply filters
          </Button>
          <Button variant="default" onClick={clear}>
            Clear filters
          </Button>
        </Group>
      </form>
      <ErrorNotice error={events.error} title="The events could not be loaded" />
      {events.isPending ? (
        <Loading label="Loading events" />
      ) : (
        <ListTable
          label="Audit events"
          minWidth={960}
          busy={events.isFetching}
          footer={rows.length === 0 && <Text py="md">No event matches.</Text>}
          columns={[
            "When",
            "Who",
            "Action",
            "Resource",
            patientId === undefined && "Patient",
            "Outcome",
            "Request ID",
            "From address",
          ]}
        >
          {rows.map((event) => (
            <Table.Tr key={event.event_id}>
              <Table.Td>{preciseDateTime(event.occurred_at, timeZone)}</Table.Td>
              <Table.Td>
                {event.actor_user_id === null
                  ? "Nobody signed in"
                  : staffName(staff.data, event.actor_user_id)}
                {event.actor_role && <Text size="xs">{ROLE_LABEL[event.actor_role]}</Text>}
              </Table.Td>
              <Table.Td>{ACTION_LABEL[event.action]}</Table.Td>
              <Table.Td>
                {event.resource_type}
                {event.resource_id && (
                  <Text size="xs" style={{ wordBreak: "break-all" }}>
                    {event.resource_id}
                  </Text>
                )}
              </Table.Td>
              {patientId === undefined && (
                <Table.Td>
                  {event.patient_id === null ? (
                    "—"
                  ) : (
                    <Anchor
                      inherit
                      component={Link}
                      to={`/patients/${event.patient_id}/access-log`}
                    >
                      Patient #{event.patient_id}
                    </Anchor>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Badge color={OUTCOME[event.outcome].color} autoContrast>
                  {OUTCOME[event.outcome].label}
                </Badge>
              </Table.Td>
              <Table.Td>{event.request_id ? <Code>{event.request_id}</Code> : "—"}</Table.Td>
              <Table.Td>{event.ip ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <Pager pagination={events.data?.pagination} onChange={setPage} noun={["event", "events"]} />
    </>
  );
}
