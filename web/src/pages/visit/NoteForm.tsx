import { Button, Group, Stack, TagsInput, Textarea } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorNotice } from "../../components/Status";
import { errorsOn, unplaced } from "../patients/formErrors";
import type { NoteValues } from "./noteModel";

const FIELDS = ["diagnosis", "icd10_codes", "treatment_plan", "notes"];

/** The visit note as a form; controlled, so a refused save loses nothing typed. */
export function NoteForm({
  values,
  onChange,
  onSubmit,
  error,
  submitting,
  submitLabel,
  notice,
  actions,
}: {
  values: NoteValues;
  onChange: (values: NoteValues) => void;
  onSubmit: () => void;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  notice?: ReactNode;
  actions?: ReactNode;
}) {
  const errors = errorsOn(error);
  const text = (field: "diagnosis" | "treatment_plan" | "notes") => ({
    name: field,
    value: values[field],
    error: errors[field],
    autosize: true,
    minRows: 2,
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) =>
      onChange({ ...values, [field]: event.currentTarget.value }),
  });
  return (
    <form
      noValidate
      aria-label="Visit note"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        {notice ?? <ErrorNotice error={unplaced(error, FIELDS)} />}
        <Textarea label="Diagnosis" required {...text("diagnosis")} />
        <TagsInput
          label="ICD-10 codes"
          description="Type a code such as E11.9 and press Enter"
          name="icd10_codes"
          splitChars={[",", " ", ";"]}
          clearable
          value={values.icd10_codes}
          onChange={(codes) =>
            onChange({ ...values, icd10_codes: codes.map((code) => code.toUpperCase()) })
          }
          error={errors.icd10_codes}
        />
        <Textarea label="Treatment plan" required {...text("treatment_plan")} />
        <Textarea label="Notes" {...text("notes")} />
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {actions}
        </Group>
      </Stack>
    </form>
  );
}
