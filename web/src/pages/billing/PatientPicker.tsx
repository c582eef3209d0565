import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { patientLabel } from "./people";

export interface PickedPatient {
  id: number;
  label: string;
}

/** Find a patient by name, email or phone and pick one (or clear the choice). */
export function PatientPicker({
  label = "Patient",
  value,
  onChange,
  error,
}: {
  label?: string;
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState("");
  const [term] = useDebouncedValue(search.trim(), 300);
  const typing = term.length > 0 && term !== value?.label;
  const found = useQuery({
    queryKey: ["patients", { term, page: 1, picker: true }],
    queryFn: () =>
      unwrap(
        api.GET("/api/patients", {
          params: { query: { search: term, per_page: 10, sort_by: "last_name" } },
        }),
      ),
    enabled: typing,
    placeholderData: keepPreviousData,
  });
  const options = (typing ? (found.data?.patients ?? []) : []).map((patient) => ({
    value: String(patient.patient_id),
    label: `${patientLabel(patient)} (born ${patient.dob})`,
  }));
  if (value && !options.some((option) => option.value === String(value.id))) {
    options.unshift({ value: String(value.id), label: value.label });
  }
  return (
    <Select
      label={label}
      placeholder="Type a name, email or phone"
      searchable
      clearable
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={typing && !found.isFetching ? "No patient found" : undefined}
      onChange={(id, option) => onChange(id ? { id: Number(id), label: option.label } : null)}
      error={error}
    />
  );
}
