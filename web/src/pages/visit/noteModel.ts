/** The visit note's form values and the bodies of the medical-record create and amend. */
import type { Schemas } from "../../api/client";

type MedicalRecord = Schemas["MedicalRecordRead"];

export interface NoteValues {
  diagnosis: string;
  icd10_codes: string[];
  treatment_plan: string;
  notes: string;
}

export const EMPTY_NOTE: NoteValues = {
  diagnosis: "",
  icd10_codes: [],
  treatment_plan: "",
  notes: "",
};

export function noteOf(record: MedicalRecord): NoteValues {
  return {
    diagnosis: record.diagnosis,
    icd10_codes: record.icd10_codes,
    treatment_plan: record.treatment_plan,
    notes: record.notes ?? "",
  };
}

/** ICD-10 codes as typed: trimmed, upper case (as the API stores them), each once. */
export function cleanCodes(codes: string[]): string[] {
  const cleaned = codes.map((code) => code.trim().toUpperCase()).filter(Boolean);
  return [...new Set(cleaned)];
}

export function createNoteBody(
  values: NoteValues,
  patientId: number,
  appointmentId: number,
): Schemas["MedicalRecordCreate"] {
  const body: Schemas["MedicalRecordCreate"] = {
    patient_id: patientId,
    appointment_id: appointmentId,
    diagnosis: values.diagnosis.trim(),
    icd10_codes: cleanCodes(values.icd10_codes),
    treatment_plan: values.treatment_plan.trim(),
  };
  if (values.notes.trim()) body.notes = values.notes.trim();
  return body;
}

/** The amendment: the fields changed since `base` (the version read); emptied notes are null. */
export function noteChanges(values: NoteValues, base: NoteValues): Schemas["MedicalRecordUpdate"] {
  const body: Schemas["MedicalRecordUpdate"] = {};
  if (values.diagnosis.trim() !== base.diagnosis.trim()) body.diagnosis = values.diagnosis.trim();
  if (values.treatment_plan.trim() !== base.treatment_plan.trim())
    body.treatment_plan = values.treatment_plan.trim();
  if (values.notes.trim() !== base.notes.trim()) body.notes = values.notes.trim() || null;
  const codes = cleanCodes(values.icd10_codes);
  if (codes.join() !== cleanCodes(base.icd10_codes).join()) body.icd10_codes = codes;
  return body;
}
