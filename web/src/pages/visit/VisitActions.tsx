import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { useClinic } from "../../api/clinic";
import { RequestFailed, unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice } from "../../components/Status";
import { can } from "../../lib/access";
import { money } from "../../lib/time";
import { errorsOn } from "../patients/formErrors";
import { FINAL_STATUSES } from "../patients/labels";

type Appointment = Schemas["AppointmentRead"];

function labelOf(code: Schemas["CptCodeRead"]): string {
  return `${code.code} · ${code.description} (${money(code.price_cents, code.currency ?? "USD")})`;
}

/** PUT on the visit with If-Match on the version shown; the answer replaces the cached visit. */
function useVisitUpdate(visit: Appointment) {
  const queryClient = useQueryClient();
  const update = useAction(
    (body: Schemas["AppointmentUpdate"]) =>
      unwrap(
        api.PUT("/api/appointments/{appointment_id}", {
          params: {
            path: { appointment_id: visit.appointment_id },
            header: { "If-Match": `"${visit.version}"` },
          },
          body,
        }),
      ),
    { invalidates: [["appointments"]] },
  );
  const run = (body: Schemas["AppointmentUpdate"]) =>
    update.mutate(body, {
      onSuccess: (data) =>
        queryClient.setQueryData(["appointments", visit.appointment_id], data.appointment),
    });
  return { update, run };
}

/** A 412 says so and offers the visit as it is now. */
function UpdateError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!(error instanceof RequestFailed && error.status === 412))
    return <ErrorNotice error={error} />;
  return (
    <Stack gap="xs">
      <ErrorNotice error={error} />
      <Group>
        <Button size="xs" variant="default" onClick={onReload}>
          Reload the visit
        </Button>
      </Group>
    </Stack>
  );
}

/** The CPT code billed for the visit, picked from the active catalogue. */
function CptPicker({ visit, onReload }: { visit: Appointment; onReload: () => void }) {
  const [code, setCode] = useState<string | null>(visit.cpt_code);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Picking an option fills the search box with its label: that is no search.
  const term = debounced === chosenLabel ? "" : debounced;
  const catalogue = useQuery({
    queryKey: ["cpt_codes", { active: true, term }],
    queryFn: () =>
      unwrap(
        api.GET("/api/cpt_codes", {
          params: { query: { active: true, search: term || undefined, per_page: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const { update, run } = useVisitUpdate(visit);
  const found = (catalogue.data?.cpt_codes ?? []).map((item) => ({
    value: item.code,
    label: labelOf(item),
  }));
  const data =
    code && !found.some((option) => option.value === code)
      ? [{ value: code, label: chosenLabel ?? code }, ...found]
      : found;

  return (
    <form
      noValidate
      aria-label="Billing code"
      onSubmit={(event) => {
        event.preventDefault();
        if (code) run({ cpt_code: code });
      }}
    >
      <Stack>
        <UpdateError error={update.error} onReload={onReload} />
        <Select
          label="CPT code"
          description="Search the active catalogue by code or description"
          placeholder="Search codes"
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={data}
          value={code}
          onChange={(value, option) => {
            setCode(value);
            setChosenLabel(option?.label ?? null);
          }}
          nothingFoundMessage={catalogue.isFetching ? "Searching…" : "No active code matches"}
          error={errorsOn(update.error, { cpt_code_inactive: "cpt_code" }).cpt_code}
          maw={520}
        />
        <Group>
          <Button
            type="submit"
            variant="default"
            loading={update.isPending}
            disabled={!code || code === visit.cpt_code}
          >
            Set the code
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Complete the visit: its charge is made with the visit's code, else the clinic's default. */
function CompleteVisit({ visit, onReload }: { visit: Appointment; onReload: () => void }) {
  const { update, run } = useVisitUpdate(visit);
  const fallback = useClinic()?.default_cpt_code;
  return (
    <Stack gap="xs">
      <UpdateError error={update.error} onReload={onReload} />
      <Text size="sm">
        Completing the visit bills it with{" "}
        {visit.cpt_code
          ? `CPT ${visit.cpt_code}`
          : `the clinic's default CPT code${fallback ? ` (${fallback})` : ""}`}
        . It cannot be changed afterwards.
      </Text>
      <Group>
        <Button loading={update.isPending} onClick={() => run({ status: "completed" })}>
          Complete visit
        </Button>
      </Group>
    </Stack>
  );
}

/** Billing code and completion, for the roles that may; nothing once the visit is final. */
export function VisitActions({ visit, onReload }: { visit: Appointment; onReload: () => void }) {
  const { role } = useUser();
  if (FINAL_STATUSES.has(visit.status)) return null;
  const beforeCheckIn = visit.status === "scheduled" || visit.status === "confirmed";
  const maySetCode = beforeCheckIn || can(role, "complete_visit");
  const mayComplete = can(role, "complete_visit");
  if (!maySetCode && !mayComplete) return null;
  return (
    <section aria-labelledby="billing-title">
      <Title order={3} id="billing-title" mb="sm">
        Billing and completion
      </Title>
      <Stack gap="lg">
        {maySetCode && <CptPicker key={visit.version} visit={visit} onReload={onReload} />}
        {mayComplete && <CompleteVisit key={visit.version} visit={visit} onReload={onReload} />}
      </Stack>
    </section>
  );
}
