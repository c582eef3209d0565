/**
 * Patients by id, for every page that shows a patient's name or record: one cached query per
 * patient (key ["patients", id], shared by all pages), whose reads are gathered by a batch
 * loader into `GET /api/patients?ids=...` (at most 100 ids a request) rather than one request
 * per patient.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../api/client";
import { RequestFailed, unwrap } from "../api/errors";
import { createBatchLoader } from "./batchLoader";

export type PatientRecord = Schemas["PatientRead"];

/** The most ids `GET /api/patients` takes in `ids` (and its largest page). */
export const MAX_IDS = 100;

async function fetchPatients(ids: number[]): Promise<ReadonlyMap<number, PatientRecord>> {
  const data = await unwrap(
    api.GET("/api/patients", {
      params: { query: { ids: ids.join(","), per_page: MAX_IDS, sort_by: "patient_id" } },
    }),
  );
  return new Map(data.patients.map((patient) => [patient.patient_id, patient]));
}

// A patient left out of the answer is unknown or archived: the same 404 a read by id gives.
const loadPatient = createBatchLoader(fetchPatients, {
  maxBatch: MAX_IDS,
  missing: () => new RequestFailed(404, { error: "Patient not found", code: "not_found" }),
});

export function patientKey(patientId: number) {
  return ["patients", patientId] as const;
}

export function patientQuery(patientId: number) {
  return {
    queryKey: patientKey(patientId),
    queryFn: () => loadPatient(patientId),
    staleTime: 5 * 60_000,
  };
}

/** One patient, cached and shared; a 404 (RequestFailed) when none is on file. */
export function usePatientRecord(patientId: number | undefined, enabled = true) {
  return useQuery({
    ...patientQuery(patientId ?? 0),
    enabled: enabled && patientId !== undefined,
  });
}

/** The patients of these ids that are on file, by id, as they arrive. */
export function usePatientRecords(ids: readonly number[]): ReadonlyMap<number, PatientRecord> {
  const unique = [...new Set(ids)];
  return useQueries({
    queries: unique.map(patientQuery),
    combine: (results) => {
      const found = new Map<number, PatientRecord>();
      for (const result of results) {
        if (result.data) found.set(result.data.patient_id, result.data);
      }
      return found;
    },
  });
}
