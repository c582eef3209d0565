import { Badge, Box, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Schemas } from "../../api/client";
import { CATEGORY_LABEL } from "../../lib/bmi";

type Vitals = Schemas["VitalsRead"];

/** The measurements taken, in words and units; the BMI is the one the server stored. */
export function vitalsLines(vitals: Vitals): string[] {
  const lines: string[] = [];
  const add = (value: number | string | null, text: (value: number | string) => string) => {
    if (value !== null) lines.push(text(value));
  };
  add(vitals.height_m, (v) => `Height ${v} m`);
  add(vitals.weight_kg, (v) => `Weight ${v} kg`);
  if (vitals.bmi !== null) {
    const category = vitals.bmi_category ? ` (${CATEGORY_LABEL[vitals.bmi_category]})` : "";
    lines.push(`BMI ${vitals.bmi.toFixed(1)}${category}`);
  }
  add(vitals.blood_pressure, (v) => `Blood pressure ${v} mmHg`);
  add(vitals.temperature_c, (v) => `Temperature ${v} °C`);
  add(vitals.pulse_bpm, (v) => `Pulse ${v}/min`);
  add(vitals.respiratory_rate, (v) => `Respiratory rate ${v}/min`);
  add(vitals.o2_saturation, (v) => `O₂ saturation ${v}%`);
  add(vitals.pain_level, (v) => `Pain ${v}/10`);
  return lines;
}

export function EntryHeader({ kind, children }: { kind: string; children: ReactNode }) {
  return (
    <Group gap="xs" mb={4} wrap="wrap">
      <Badge variant="light" color={kind === "Vitals" ? "teal" : "indigo"} c="dark.8" tt="none">
        {kind}
      </Badge>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

export function VitalsSummary({ vitals }: { vitals: Vitals }) {
  return <Text size="sm">{vitalsLines(vitals).join(" · ")}</Text>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box mb={4}>
      <Text component="span" fw={600} size="sm">
        {label}:{" "}
      </Text>
      <Text component="span" size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </Box>
  );
}

/** A note's content: a medical record, or one of its versions. */
export function NoteContent({
  note,
}: {
  note: Pick<
    Schemas["MedicalRecordRead"],
    "diagnosis" | "icd10_codes" | "treatment_plan" | "notes"
  >;
}) {
  return (
    <>
      <Field label="Diagnosis">{note.diagnosis}</Field>
      {note.icd10_codes.length > 0 && <Field label="ICD-10">{note.icd10_codes.join(", ")}</Field>}
      <Field label="Treatment plan">{note.treatment_plan}</Field>
      {note.notes && <Field label="Notes">{note.notes}</Field>}
    </>
  );
}
