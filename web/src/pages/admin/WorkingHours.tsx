import {
  Alert,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useAction } from "../../api/actions";
import { api, type Schemas } from "../../api/client";
import { RequestFailed, unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import {
  copyDay,
  newKey,
  problemsFromDetails,
  rowProblems,
  toHours,
  toRows,
  WEEKDAYS,
  type Row,
} from "./weekHours";

const ROLE = { doctor: "Doctor", nurse: "Nurse" };

function useProviders() {
  return useQuery({
    queryKey: ["providers", "all"],
    queryFn: () => unwrap(api.GET("/api/providers", { params: { query: { per_page: 100 } } })),
  });
}

export default function WorkingHours() {
  const mayEdit = can(useUser().role, "admin");
  const [params, setParams] = useSearchParams();
  const providerId = Number(params.get("provider")) || null;
  const providers = useProviders();
  const hours = useQuery({
    queryKey: ["providers", providerId, "working-hours"],
    queryFn: () =>
      unwrap(
        api.GET("/api/providers/{provider_user_id}/working-hours", {
          params: { path: { provider_user_id: providerId ?? 0 } },
        }),
      ),
    enabled: providerId !== null,
  });

  return (
    <>
      <Title order={2} mb="md">
        Working hours
      </Title>
      <ErrorNotice error={providers.error} title="The providers could not be loaded" />
      <Select
        label="Provider"
        placeholder={providers.isPending ? "Loading providers…" : "Choose a doctor or nurse"}
        searchable
        maw={360}
        mb="lg"
        data={(providers.data?.providers ?? []).map((provider) => ({
          value: String(provider.provider_user_id),
          label: `${provider.last_name}, ${provider.first_name} (${ROLE[provider.role]})`,
        }))}
        value={providerId === null ? null : String(providerId)}
        onChange={(value) => setParams(value ? { provider: value } : {}, { replace: true })}
      />
      <ErrorNotice error={hours.error} title="The working hours could not be loaded" />
      {providerId !== null && hours.isPending && <Loading label="Loading working hours" />}
      {hours.data && (
        <WeekEditor key={hours.data.provider_user_id} week={hours.data} mayEdit={mayEdit} />
      )}
    </>
  );
}

/** The provider's week, one group of ranges per day; saving replaces the whole week. */
function WeekEditor({ week, mayEdit }: { week: Schemas["WorkingHoursRead"]; mayEdit: boolean }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(week.hours));
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const save = useAction(
    (body: Schemas["WorkingHoursUpdate"]) =>
      unwrap(
        api.PUT("/api/providers/{provider_user_id}/working-hours", {
          params: { path: { provider_user_id: week.provider_user_id } },
          body,
        }),
      ),
    { invalidates: [["providers"]] },
  );
  const local = rowProblems(rows);
  const server =
    save.error instanceof RequestFailed
      ? problemsFromDetails(save.error.body?.details ?? [], sentKeys)
      : new Map<string, string>();
  const problemOf = (key: string) => (checked ? local.get(key) : undefined) ?? server.get(key);

  function change(next: Row[]) {
    setRows(next);
    setSaved(false);
  }
  function edit(key: string, part: "start" | "end", value: string) {
    change(rows.map((row) => (row.key === key ? { ...row, [part]: value } : row)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (local.size > 0) return;
    const { hours, keys } = toHours(rows);
    setSentKeys(keys);
    save.mutate(
      { hours },
      {
        onSuccess: (result) => {
          setRows(toRows(result.working_hours.hours));
          setChecked(false);
          setSaved(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          Clinic-local times; several ranges a day make breaks. A provider without any hours can be
          booked at any time.
        </Text>
        {checked && local.size > 0 && (
          <Alert variant="outline" color="red.9" title="Some hours need fixing" role="alert">
            Correct the ranges marked below, then save again.
          </Alert>
        )}
        <ErrorNotice
          error={server.size > 0 ? null : save.error}
          title="The working hours were not saved"
        />
        {saved && (
          <Alert variant="outline" color="teal.9" title="Working hours saved" role="status">
            New bookings follow them; existing appointments are kept.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {WEEKDAYS.map((day, weekday) => {
            const ranges = rows.filter((row) => row.weekday === weekday);
            return (
              <Fieldset key={day} legend={day} disabled={!mayEdit}>
                <Stack gap="xs">
                  {ranges.length === 0 && <Text size="sm">No hours</Text>}
                  {ranges.map((row) => (
                    <Stack key={row.key} gap={6}>
                      <SimpleGrid cols={2} spacing="xs">
                        <TextInput
                          label="From"
                          type="time"
                          value={row.start}
                          onChange={(event) => edit(row.key, "start", event.currentTarget.value)}
                          error={problemOf(row.key)}
                          miw={0}
                        />
                        <TextInput
                          label="To"
                          type="time"
                          value={row.end}
                          onChange={(event) => edit(row.key, "end", event.currentTarget.value)}
                          miw={0}
                        />
                      </SimpleGrid>
                      {mayEdit && (
                        <Button
                          variant="default"
                          size="xs"
                          w="fit-content"
                          onClick={() => change(rows.filter((other) => other.key !== row.key))}
                          aria-label={`Remove ${day} ${row.start}–${row.end}`}
                        >
                          Remove
                        </Button>
                      )}
                    </Stack>
                  ))}
                  {mayEdit && (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() =>
                        change([...rows, { key: newKey(), weekday, start: "09:00", end: "17:00" }])
                      }
                      aria-label={`Add hours on ${day}`}
                    >
                      Add hours
                    </Button>
                  )}
                </Stack>
              </Fieldset>
            );
          })}
        </SimpleGrid>
        {mayEdit && (
          <Group justify="space-between">
            <Group gap="xs">
              <Button variant="default" onClick={() => change(copyDay(rows, 0, [1, 2, 3, 4]))}>
                Copy Monday to Tuesday–Friday
              </Button>
              <Button variant="default" onClick={() => change([])}>
                Clear the week
              </Button>
            </Group>
            <Button type="submit" loading={save.isPending}>
              Save working hours
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
