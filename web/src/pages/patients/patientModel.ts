/**
 * The patient form's values (what the inputs hold: strings, "" for empty) and the request bodies
 * made from them. An edit sends only the fields the user changed, so it never writes back a stale
 * copy of a field someone else changed meanwhile.
 */
import type { Schemas } from "../../api/client";

type Patient = Schemas["PatientRead"];

export const PATIENT_FIELDS = [
  "first_name",
  "last_name",
  "dob",
  "sex",
  "email",
  "phone",
  "address",
  "emergency_contact_name",
  "emergency_contact_phone",
] as const;

export type PatientField = (typeof PATIENT_FIELDS)[number];
export type PatientValues = Record<PatientField, string>;

export const EMPTY_PATIENT: PatientValues = {
  first_name: "",
  last_name: "",
  dob: "",
  sex: "",
  email: "",
  phone: "",
  address: "",
  emergency_contact_name: "",
  emergency_contact_phone: "",
};

export function valuesOf(patient: Patient): PatientValues {
  const values = { ...EMPTY_PATIENT };
  for (const field of PATIENT_FIELDS) values[field] = patient[field] ?? "";
  return values;
}

/**
 * The body of POST /api/patients: trimmed, empty fields left out (a required one left out is
 * named by the API as missing, on its field).
 */
export function createBody(values: PatientValues): Schemas["PatientCreate"] {
  const body: Record<string, string> = {};
  for (const field of PATIENT_FIELDS) {
    const value = values[field].trim();
    if (value !== "") body[field] = value;
  }
  return body as Schemas["PatientCreate"];
}

/**
 * The body of PUT /api/patients/{id}: the fields that differ from `base`; an emptied one is null
 * (which clears an optional field, and which the API refuses, on its field, for a required one).
 */
export function changes(values: PatientValues, base: PatientValues): Schemas["PatientUpdate"] {
  const body: Record<string, string | null> = {};
  for (const field of PATIENT_FIELDS) {
    const value = values[field].trim();
    if (value === base[field].trim()) continue;
    body[field] = value === "" ? null : value;
  }
  return body as Schemas["PatientUpdate"];
}

/**
 * After someone else saved the record: their version, with the user's own changes (what differs
 * from the version the user started from) laid on top.
 */
export function rebase(
  mine: PatientValues,
  base: PatientValues,
  theirs: PatientValues,
): PatientValues {
  const merged = { ...theirs };
  for (const field of PATIENT_FIELDS) {
    if (mine[field].trim() !== base[field].trim()) merged[field] = mine[field];
  }
  return merged;
}
