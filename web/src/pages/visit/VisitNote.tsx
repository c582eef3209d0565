import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { RequestFailed, unwrap } from "../../api/errors";
import { useUser } from "../../auth/session";
import { ErrorNotice, Loading } from "../../components/Status";
import { can } from "../../lib/access";
import { EntryHeader, NoteContent } from "../patients/ClinicalEntries";
import { dateTime } from "../../lib/time";
import { useStaffName } from "../patients/queries";
import { NoteForm } from "./NoteForm";
import { createNoteBody, EMPTY_NOTE, noteChanges, noteOf, type NoteValues } from "./noteModel";
import { useVisitRecords } from "./queries";

type Appointment = Schemas["AppointmentRead"];
type MedicalRecord = Schemas["MedicalRecordRead"];

/** Every version of a note, oldest first, with who wrote it and when. */
function Versions({ record, zone }: { record: MedicalRecord; zone: string }) {
  const staffName = useStaffName();
  const history = useQuery({
    queryKey: ["medical-records", record.patient_id, "history", record.medical_record_id],
    queryFn: () =>
      unwrap(
        api.GET("/api/medical-records/{medical_record_id}/history", {
          params: { path: { medical_record_id: record.medical_record_id } },
        }),
      ),
  });
  if (history.isPending) return <Loading label="Loading the versions" />;
  if (history.error) return <ErrorNotice error={history.error} />;
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        Versions
      </Title>
      {history.data.versions.map((version) => (
        <Paper key={version.version} withBorder p="sm">
          <EntryHeader kind={`Version ${version.version}`}>
            {dateTime(version.changed_at, zone)} · {staffName(version.changed_by_user_id)}
          </EntryHeader>
          <NoteContent note={version} />
        </Paper>
      ))}
    </Stack>
  );
}

interface Draft {
  version: number;
  base: NoteValues;
  values: NoteValues;
}

/** A written note: read it, see its versions, and amend it (its author or an admin). */
function WrittenNote({
  record,
  zone,
  reload,
}: {
  record: MedicalRecord;
  zone: string;
  reload: () => Promise<unknown>;
}) {
  const user = useUser();
  const staffName = useStaffName();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const amend = useAction(
    ({ body, version }: { body: Schemas["MedicalRecordUpdate"]; version: number }) =>
      unwrap(
        api.PUT("/api/medical-records/{medical_record_id}", {
          params: {
            path: { medical_record_id: record.medical_record_id },
            header: { "If-Match": `"${version}"` },
          },
          body,
        }),
      ),
    { invalidates: [["medical-records", record.patient_id]] },
  );
  const mayAmend =
    can(user.role, "write_note") &&
    (user.role === "admin" || user.user_id === record.provider_user_id);
  const stale = amend.error instanceof RequestFailed && amend.error.status === 412;

  if (draft) {
    return (
      <NoteForm
        values={draft.values}
        onChange={(values) => setDraft({ ...draft, values })}
        onSubmit={() => {
          const body = noteChanges(draft.values, draft.base);
          if (Object.keys(body).length === 0) return setDraft(null);
          amend.mutate({ body, version: draft.version }, { onSuccess: () => setDraft(null) });
        }}
        error={amend.error}
        submitting={amend.isPending}
        submitLabel="Save the amendment"
        notice={
          stale ? (
            <Alert color="red" title="This note was amended meanwhile" role="alert">
              <Text size="sm" mb="sm">
                Someone saved a newer version after you opened it, so your amendment was not saved.
                What you typed is still below; reload to amend the newest version.
              </Text>
              <Button
                size="xs"
                onClick={() =>
                  void reload().then(() => {
                    amend.reset();
                    setDraft(null);
                  })
                }
              >
                Reload the note
              </Button>
            </Alert>
          ) : undefined
        }
        actions={
          <Button
            variant="default"
            onClick={() => {
              amend.reset();
              setDraft(null);
            }}
          >
            Cancel
          </Button>
        }
      />
    );
  }
  return (
    <Paper withBorder p="sm">
      <EntryHeader kind="Medical record">
        {dateTime(record.updated_at, zone)} · {staffName(record.provider_user_id)}
        {record.version > 1 ? ` · version ${record.version}` : ""}
      </EntryHeader>
      <NoteContent note={record} />
      <Group mt="sm" gap="sm">
        {mayAmend && (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              const base = noteOf(record);
              setDraft({ version: record.version, base, values: base });
            }}
          >
            Amend note
          </Button>
        )}
        <Button variant="default" size="xs" onClick={() => setShowVersions(!showVersions)}>
          {showVersions ? "Hide versions" : "Show versions"}
        </Button>
      </Group>
      {showVersions && (
        <Stack mt="sm">
          <Versions record={record} zone={zone} />
        </Stack>
      )}
    </Paper>
  );
}

/** The first note of the visit: POST with an Idempotency-Key. */
function NewNote({ visit }: { visit: Appointment }) {
  const [values, setValues] = useState<NoteValues>(EMPTY_NOTE);
  const create = useAction(
    (body: Schemas["MedicalRecordCreate"], key: string) =>
      unwrap(
        api.POST("/api/medical-records", { body, params: { header: { "Idempotency-Key": key } } }),
      ),
    { invalidates: [["medical-records", visit.patient_id]] },
  );
  return (
    <NoteForm
      values={values}
      onChange={setValues}
      onSubmit={() =>
        create.mutate(createNoteBody(values, visit.patient_id, visit.appointment_id), {
          onSuccess: () => setValues(EMPTY_NOTE),
        })
      }
      error={create.error}
      submitting={create.isPending}
      submitLabel="Save the note"
    />
  );
}

/** The visit's medical record: write it, read it, amend it, see its versions. */
export function VisitNote({ visit, zone }: { visit: Appointment; zone: string }) {
  const { role } = useUser();
  const records = useVisitRecords(visit, true);
  return (
    <section aria-labelledby="note-title">
      <Title order={3} id="note-title" mb="sm">
        Visit note
      </Title>
      {records.error ? (
        <ErrorNotice error={records.error} />
      ) : records.isPending ? (
        <Loading label="Loading the note" />
      ) : records.data?.length ? (
        <Stack>
          {records.data.map((record) => (
            <WrittenNote
              key={record.medical_record_id}
              record={record}
              zone={zone}
              reload={records.refetch}
            />
          ))}
        </Stack>
      ) : can(role, "write_note") ? (
        <NewNote visit={visit} />
      ) : (
        <Text>No note has been written for this visit yet.</Text>
      )}
    </section>
  );
}
