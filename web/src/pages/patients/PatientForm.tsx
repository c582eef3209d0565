import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useRef, useState, type ReactNode } from "react";
import { api, type Schemas } from "../../api/client";
import { useAction } from "../../api/actions";
import { useFilesToUpload } from "../../api/documents";
import { FileField } from "../../components/FileField";
import { UploadRetry } from "../../components/UploadRetry";
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

type Patient = Schemas["PatientRead"];

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
  children,
}: {
  values: PatientValues;
  onChange: (values: PatientValues) => void;
  onSubmit: (values: PatientValues) => void;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  notice?: ReactNode;
  actions?: ReactNode;
  /** More fields, after the patient's own. */
  children?: ReactNode;
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
        {children}
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
 * The new-patient form with its requests: POST /api/patients with an Idempotency-Key, then the
 * photo ID, if one was chosen, then `onCreated` with the patient. When the photo is refused, the
 * patient exists: the form gives way to the photo alone, to send again or leave for later.
 */
export function CreatePatientForm({
  onCreated,
  actions,
}: {
  onCreated: (patient: Patient) => void;
  actions?: ReactNode;
}) {
  const [values, setValues] = useState<PatientValues>(EMPTY_PATIENT);
  // Set the moment the patient exists: a second submit sends the photo, never another patient.
  const created = useRef<Patient | null>(null);
  const [unsent, setUnsent] = useState<Patient | null>(null);
  const photo = useFilesToUpload<"photo_id">();
  const create = useAction(
    (body: Schemas["PatientCreate"], key: string) =>
      unwrap(api.POST("/api/patients", { body, params: { header: { "Idempotency-Key": key } } })),
    { invalidates: [["patients"]] },
  );
  const finish = async (patient: Patient) => {
    created.current = patient;
    if (await photo.send(patient.patient_id, () => ({ kind: "photo_id" }))) onCreated(patient);
    else setUnsent(patient);
  };
  const submit = () => {
    if (photo.sending || photo.blocked) return;
    if (created.current) void finish(created.current);
    else create.mutate(createBody(values), { onSuccess: (data) => void finish(data.patient) });
  };
  const photoField = (
    <FileField
      label="Photo ID"
      description="Optional: a photo or scan of an ID card, driver's license or passport"
      camera
      value={photo.file("photo_id")}
      onChange={(file) => photo.choose("photo_id", file)}
      error={photo.refusal("photo_id")}
    />
  );

  if (unsent) {
    return (
      <UploadRetry
        label="Photo ID"
        title="The photo ID was not uploaded"
        message={`${unsent.first_name} ${unsent.last_name} is registered: the details are saved, and sending the photo again does not register the patient twice. Upload the photo ID again, choose another file, or add it later from the patient's page.`}
        submitLabel="Upload photo ID"
        leaveLabel="Open the patient's page"
        onSubmit={submit}
        onLeave={() => onCreated(unsent)}
        sending={photo.sending}
      >
        {photoField}
      </UploadRetry>
    );
  }
  return (
    <PatientForm
      values={values}
      onChange={setValues}
      onSubmit={submit}
      error={create.error}
      submitting={create.isPending || photo.sending}
      submitLabel="Create patient"
      actions={actions}
    >
      {photoField}
    </PatientForm>
  );
}
