import { Button, Group, Loader, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { ErrorNotice } from "../../components/Status";
import { otherError, useCreatePatient } from "./actions";
import { splitName, type Patient } from "./model";

const optionLabel = (patient: Patient) =>
  `${patient.last_name}, ${patient.first_name} · born ${patient.dob}`;

/**
 * A patient, found as one types (the server searches names, emails and phones), or added in
 * place with "New patient" (`onNew` gets what was typed, to start the new record with).
 */
export function PatientPicker({
  value,
  onChange,
  onNew,
  error,
}: {
  value: Patient | null;
  onChange: (patient: Patient | null) => void;
  onNew: (typed: string) => void;
  error?: string;
}) {
  const [search, setSearch] = useState(value ? optionLabel(value) : "");
  const typed = useRef("");
  const [term] = useDebouncedValue(search.trim(), 300);
  const searching = term.length >= 2 && (!value || term !== optionLabel(value));
  const results = useQuery({
    queryKey: ["patients", "picker", term],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/patients", {
          params: { query: { search: term, per_page: 20, sort_by: "last_name" } },
          signal,
        }),
      ),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const found = searching ? (results.data?.patients ?? []) : [];
  const options = value
    ? [value, ...found.filter((patient) => patient.patient_id !== value.patient_id)]
    : found;

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label="Patient"
        placeholder="Type a name, phone or email"
        required
        searchable
        clearable
        style={{ flex: 1, minWidth: 0 }}
        searchValue={search}
        onSearchChange={setSearch}
        onInput={(event) => {
          typed.current = event.currentTarget.value;
        }}
        data={options.map((patient) => ({
          value: String(patient.patient_id),
          label: optionLabel(patient),
        }))}
        filter={({ options: all }) => all}
        value={value ? String(value.patient_id) : null}
        onChange={(id) =>
          onChange(options.find((patient) => String(patient.patient_id) === id) ?? null)
        }
        nothingFoundMessage={
          !searching
            ? "Type at least 2 letters"
            : results.isFetching
              ? "Searching…"
              : "No patient found: add one with New patient"
        }
        rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
        error={error}
      />
      <Button variant="default" onClick={() => onNew(typed.current.trim())}>
        New patient
      </Button>
    </Group>
  );
}

/** A new patient's required facts, created at once (with an Idempotency-Key) and chosen. */
export function NewPatientForm({
  typed,
  maxDob,
  onCreated,
  onBack,
}: {
  typed: string;
  maxDob?: string;
  onCreated: (patient: Patient) => void;
  onBack: () => void;
}) {
  const start = splitName(typed);
  const [firstName, setFirstName] = useState(start.first);
  const [lastName, setLastName] = useState(start.last);
  const [dob, setDob] = useState("");
  const [phone, setPhone] = useState("");
  const create = useCreatePatient();
  const errors = create.error?.fieldErrors ?? {};

  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    create.mutate(
      {
        first_name: firstName.trim(),
        last_name: lastName.trim(),
        dob,
        phone: phone.trim() || null,
      },
      { onSuccess: (result) => onCreated(result.patient) },
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="new-patient-title" noValidate>
      <Stack>
        <Title order={3} size="h4" id="new-patient-title">
          New patient
        </Title>
        <ErrorNotice
          error={otherError(create.error, ["first_name", "last_name", "dob", "phone"])}
          title="The patient was not added"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="First name"
            required
            value={firstName}
            onChange={(event) => setFirstName(event.currentTarget.value)}
            error={errors.first_name}
            data-autofocus
          />
          <TextInput
            label="Last name"
            required
            value={lastName}
            onChange={(event) => setLastName(event.currentTarget.value)}
            error={errors.last_name}
          />
          <TextInput
            type="date"
            label="Date of birth"
            required
            max={maxDob}
            min="1900-01-01"
            value={dob}
            onChange={(event) => setDob(event.currentTarget.value)}
            error={errors.dob}
          />
          <TextInput
            type="tel"
            label="Phone"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={errors.phone}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            Back to the booking
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
