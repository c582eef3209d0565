import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { useAction } from "../../api/actions";
import { useClinic } from "../../api/clinic";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";
import { bmi, CATEGORY_LABEL } from "../../lib/bmi";
import { clockTime } from "../../lib/time";
import { errorsOn, unplaced } from "./formErrors";
import { STATUS_LABEL } from "../../components/StatusBadge";
import { useStaffName } from "./queries";
import { EMPTY_VITALS, numberOf, VITAL_INPUTS, vitalsBody, type VitalsValues } from "./vitalsModel";

const FIELDS = [...VITAL_INPUTS.map((input) => input.field), "blood_pressure", "appointment_id"];

/** The patient's visits of the clinic's today, to file the vitals under one of them. */
function TodaysVisit({
  patientId,
  value,
  onChange,
  error,
}: {
  patientId: number;
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  const clinic = useClinic();
  const staffName = useStaffName();
  const today = clinic?.today;
  const visits = useQuery({
    queryKey: ["appointments", { patientId, day: today }],
    queryFn: () =>
      unwrap(
        api.GET("/api/appointments", {
          params: {
            query: {
              patient_id: patientId,
              date_from: today,
              date_to: today,
              status: "scheduled,confirmed,checked_in,in_progress,completed",
              per_page: 20,
            },
          },
        }),
      ),
    enabled: today !== undefined,
  });
  const data = (visits.data?.appointments ?? []).map((visit) => ({
    value: String(visit.appointment_id),
    label: `${clockTime(visit.scheduled_start, clinic?.timezone ?? "UTC")} with ${staffName(
      visit.provider_user_id,
    )} (${STATUS_LABEL[visit.status]})`,
  }));
  return (
    <Select
      label="For today's visit"
      placeholder={data.length ? "No visit" : "No visit today"}
      data={data}
      clearable
      value={value}
      onChange={onChange}
      disabled={data.length === 0}
      error={error}
      maw={360}
    />
  );
}

/**
 * Record vitals for the patient in front of the nurse, for a visit or not. The BMI shown while
 * typing is a preview; the one stored (and shown in the history) is the server's.
 */
export function VitalsForm({
  patientId,
  appointmentId,
}: {
  patientId: number;
  appointmentId?: number;
}) {
  const [values, setValues] = useState<VitalsValues>(EMPTY_VITALS);
  const [visit, setVisit] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const record = useAction(
    (body: ReturnType<typeof vitalsBody>, key: string) =>
      unwrap(api.POST("/api/vitals", { body, params: { header: { "Idempotency-Key": key } } })),
    { invalidates: [["vitals", patientId]] },
  );
  const errors = errorsOn(record.error);
  const preview = bmi(numberOf(values.height_m), numberOf(values.weight_kg));
  const change = (next: VitalsValues) => {
    setValues(next);
    setSaved(false);
  };

  return (
    <form
      noValidate
      aria-label="Record vitals"
      onSubmit={(event) => {
        event.preventDefault();
        const forVisit = appointmentId ?? (visit === null ? undefined : Number(visit));
        record.mutate(vitalsBody(values, patientId, forVisit), {
          onSuccess: () => {
            setValues(EMPTY_VITALS);
            setSaved(true);
          },
        });
      }}
    >
      <Stack>
        <ErrorNotice error={unplaced(record.error, FIELDS)} />
        {appointmentId === undefined && (
          <TodaysVisit
            patientId={patientId}
            value={visit}
            onChange={(next) => {
              setVisit(next);
              setSaved(false);
            }}
            error={errors.appointment_id}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {VITAL_INPUTS.map((input) => (
            <NumberInput
              key={input.field}
              label={input.label}
              description={`${input.min} to ${input.max}`}
              name={input.field}
              min={input.min}
              max={input.max}
              decimalScale={input.decimals}
              allowDecimal={input.decimals > 0}
              allowNegative={false}
              clampBehavior="none"
              hideControls
              value={values[input.field]}
              onChange={(value) => change({ ...values, [input.field]: value })}
              error={errors[input.field]}
            />
          ))}
          <TextInput
            label="Blood pressure (mmHg)"
            description="systolic/diastolic, e.g. 120/80"
            name="blood_pressure"
            value={values.blood_pressure}
            onChange={(event) => change({ ...values, blood_pressure: event.currentTarget.value })}
            error={errors.blood_pressure}
          />
        </SimpleGrid>
        <Text aria-live="polite" data-testid="bmi-preview">
          {preview
            ? `BMI ${preview.value.toFixed(1)}: ${CATEGORY_LABEL[preview.category]}`
            : "BMI appears when height and weight are entered."}
        </Text>
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record vitals
          </Button>
          {saved && (
            <Text role="status" c="green.9" fw={600}>
              Vitals recorded.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
