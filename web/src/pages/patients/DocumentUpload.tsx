import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Schemas } from "../../api/client";
import { useDocumentMaxBytes } from "../../api/clinic";
import { useUpload } from "../../api/documents";
import { useUser } from "../../auth/session";
import { FileField } from "../../components/FileField";
import { ErrorNotice } from "../../components/Status";
import {
  fileFieldError,
  fileProblem,
  INSURANCE_CARDS,
  KIND_LABEL,
  mayRead,
  UPLOAD_KINDS,
  type DocumentKind,
  type DocumentRecord,
} from "../../lib/documents";
import { errorsOn, unplaced } from "./formErrors";

const FIELDS = ["kind", "title", "file", "plan_id"];

/**
 * A new document of the patient. Every role may upload every kind; an insurance card belongs to
 * the active plan, so those two kinds wait until the patient has one.
 */
export function DocumentUpload({
  patientId,
  activePlan,
  onDone,
}: {
  patientId: number;
  activePlan: Schemas["PlanRead"] | null;
  onDone: (document: DocumentRecord | null) => void;
}) {
  const { role } = useUser();
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const upload = useUpload(patientId);
  const errors = errorsOn(upload.error);
  const maxBytes = useDocumentMaxBytes();
  const refusal = fileFieldError(upload.error, maxBytes);
  const required = (value: unknown) => (tried && !value ? "Required" : undefined);

  const kinds = UPLOAD_KINDS.map((value) => ({
    value,
    label: mayRead(role, value) ? KIND_LABEL[value] : `${KIND_LABEL[value]} (clinicians only)`,
    disabled: INSURANCE_CARDS.has(value) && !activePlan,
  }));

  return (
    <form
      noValidate
      aria-label="Upload a document"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!kind || !file || fileProblem(file, maxBytes)) return;
        upload.mutate(
          {
            file,
            kind,
            title: title.trim() || null,
            plan_id: INSURANCE_CARDS.has(kind) ? (activePlan?.plan_id ?? null) : null,
          },
          { onSuccess: (data) => onDone(data.document) },
        );
      }}
    >
      <Stack>
        <ErrorNotice error={refusal ? null : unplaced(upload.error, FIELDS)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            required
            placeholder="What the document is"
            description={
              activePlan ? undefined : "Insurance cards belong to a plan: save the plan first"
            }
            data={kinds}
            value={kind}
            onChange={(value) => setKind(value as DocumentKind | null)}
            error={required(kind) ?? errors.kind ?? errors.plan_id}
          />
          <TextInput
            label="Title"
            description="Optional: who sent it, what it is about"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
        </SimpleGrid>
        <FileField
          label="File"
          required
          camera
          value={file}
          onChange={setFile}
          error={required(file) ?? refusal ?? errors.file}
        />
        <Group>
          <Button type="submit" loading={upload.isPending}>
            Upload
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
