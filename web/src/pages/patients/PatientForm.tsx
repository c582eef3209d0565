import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { unwrap } from "../../api/errors";
import { useClinic } from "../../api/clinic";
import { ErrorNotice } from "../../components/Status";
import { errorsOn, unplaced } from "./formErrors";
import { options, SEX_LABEL } from "./labels";
import {
  createBody,
  EMPTY_PATIENT,
  PATIENT_FIELDS,
  type PatientField,
  type PatientValues,
} from "./patientModel";

/** A 409 without `details` that still belongs to one field. */
export const PATIENT_ERROR_FIELDS = { email_exists: "email" };

/**
 * The patient's demographics as a form. Controlled: the caller keeps the values, so nothing typed
 * is lost whatever the answer. `error` is the last failed request: its field errors appear on the
 * fields, anything else in `notice` (the caller decides how to word it) or in one ErrorNotice.
 */
export function PatientForm({
  values,
  onChange,
  onSubmit,
  error,
  submitting,
  submitLabel,
  notice,
  actions,
}: {
  values: PatientValues;
  onChange: (values: PatientValues) => void;
  onSubmit: (values: PatientValues) => void;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  notice?: ReactNode;
  actions?: ReactNode;
}) {
  const today = useClinic()?.today;
  const errors = errorsOn(error, PATIENT_ERROR_FIELDS);
  const set = (field: PatientField) => (value: string) => onChange({ ...values, [field]: value });
  const input = (field: PatientField) => ({
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      set(field)(event.currentTarget.value),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
    >
      <Stack>
        {notice ?? <ErrorNotice error={unplaced(error, PATIENT_FIELDS, PATIENT_ERROR_FIELDS)} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...input("first_name")} />
          <TextInput label="Last name" required autoComplete="off" {...input("last_name")} />
          <TextInput
            label="Date of birth"
            type="date"
            required
            min="1900-01-01"
            max={today}
            {...input("dob")}
          />
          <Select
            label="Sex"
            placeholder="Not given"
            data={options(SEX_LABEL)}
            clearable
            name="sex"
            value={values.sex || null}
            onChange={(value) => set("sex")(value ?? "")}
            error={errors.sex}
          />
          <TextInput label="Email" type="email" autoComplete="off" {...input("email")} />
          <TextInput label="Phone" type="tel" autoComplete="off" {...input("phone")} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} {...input("address")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Emergency contact name" {...input("emergency_contact_name")} />
          <TextInput
            label="Emergency contact phone"
            type="tel"
            {...input("emergency_contact_phone")}
          />
        </SimpleGrid>
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

/**
 * The new-patient form with its request: POST /api/patients with an Idempotency-Key, then
 * `onCreated` with the patient. For the new-patient page and for a booking dialog alike.
 */
export function CreatePatientForm({
  onCreated,
  actions,
}: {
  onCreated: (patient: Schemas["PatientRead"]) => void;
  actions?: ReactNode;
}) {
  const [values, setValues] = useState<PatientValues>(EMPTY_PATIENT);
  const create = useAction(
    (body: Schemas["PatientCreate"], key: string) =>
      unwrap(api.POST("/api/patients", { body, params: { header: { "Idempotency-Key": key } } })),
    { invalidates: [["patients"]] },
  );
  return (
    <PatientForm
      values={values}
      onChange={setValues}
      onSubmit={(current) =>
        create.mutate(createBody(current), { onSuccess: (data) => onCreated(data.patient) })
      }
      error={create.error}
      submitting={create.isPending}
      submitLabel="Create patient"
      actions={actions}
    />
  );
}
