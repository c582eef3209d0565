import { Alert, Box, Button, Group, SimpleGrid, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { RequestFailed, unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { can } from "../../lib/access";
import { longDay } from "../../lib/time";
import { SEX_LABEL } from "./labels";
import { PatientForm } from "./PatientForm";
import { changes, rebase, valuesOf, type PatientValues } from "./patientModel";
import { usePatient } from "./queries";

type Patient = Schemas["PatientRead"];

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
        {children || "—"}
      </Text>
    </Box>
  );
}

function DetailList({ patient }: { patient: Patient }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
      <Detail label="Date of birth">{longDay(patient.dob)}</Detail>
      <Detail label="Sex">{patient.sex ? SEX_LABEL[patient.sex] : ""}</Detail>
      <Detail label="Email">{patient.email}</Detail>
      <Detail label="Phone">{patient.phone}</Detail>
      <Detail label="Address">{patient.address}</Detail>
      <Detail label="Emergency contact">
        {[patient.emergency_contact_name, patient.emergency_contact_phone]
          .filter(Boolean)
          .join(", ")}
      </Detail>
    </SimpleGrid>
  );
}

interface Draft {
  /** The version the user started from: the ETag sent, and what "changed" is measured against. */
  version: number;
  base: PatientValues;
  values: PatientValues;
}

function draftOf(patient: Patient): Draft {
  const base = valuesOf(patient);
  return { version: patient.version, base, values: base };
}

/**
 * The demographics, and their edit for the roles that may: only the changed fields are sent,
 * with If-Match on the version read. When someone else saved first (412), the user's values stay
 * on screen until they choose: their version, or theirs with the user's changes on top.
 */
export function PatientDetails({ patient }: { patient: Patient }) {
  const { role } = useUser();
  const queryClient = useQueryClient();
  const reader = usePatient(patient.patient_id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useAction(
    ({ body, version }: { body: Schemas["PatientUpdate"]; version: number }) =>
      unwrap(
        api.PUT("/api/patients/{patient_id}", {
          params: {
            path: { patient_id: patient.patient_id },
            header: { "If-Match": `"${version}"` },
          },
          body,
        }),
      ),
    { invalidates: [["patients"]] },
  );
  const stale = save.error instanceof RequestFailed && save.error.status === 412;

  async function reload(keepMine: boolean) {
    if (!draft) return;
    const fresh = (await reader.refetch()).data;
    if (!fresh) return;
    const next = draftOf(fresh);
    if (keepMine) next.values = rebase(draft.values, draft.base, next.base);
    save.reset();
    setDraft(next);
  }

  return (
    <section aria-labelledby="details-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="details-title">
          Details
        </Title>
        {!draft && can(role, "edit_patient") && (
          <Button variant="default" onClick={() => setDraft(draftOf(patient))}>
            Edit details
          </Button>
        )}
      </Group>
      {!draft ? (
        <DetailList patient={patient} />
      ) : (
        <PatientForm
          values={draft.values}
          onChange={(values) => setDraft({ ...draft, values })}
          onSubmit={(values) => {
            const body = changes(values, draft.base);
            if (Object.keys(body).length === 0) return setDraft(null);
            save.mutate(
              { body, version: draft.version },
              {
                onSuccess: (data) => {
                  queryClient.setQueryData(["patients", patient.patient_id], data.patient);
                  setDraft(null);
                },
              },
            );
          }}
          error={save.error}
          submitting={save.isPending}
          submitLabel="Save changes"
          notice={
            stale ? (
              <Alert color="red" title="Someone else changed this patient" role="alert">
                <Text size="sm" mb="sm">
                  Another user saved this record after you opened it, so your changes were not
                  saved. What you typed is still below.
                </Text>
                <Group gap="sm">
                  <Button size="xs" onClick={() => void reload(true)} loading={reader.isFetching}>
                    Reload, keeping my changes
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void reload(false)}
                    loading={reader.isFetching}
                  >
                    Reload and discard my changes
                  </Button>
                </Group>
              </Alert>
            ) : undefined
          }
          actions={
            <Button
              variant="default"
              onClick={() => {
                save.reset();
                setDraft(null);
              }}
            >
              Cancel
            </Button>
          }
        />
      )}
    </section>
  );
}
