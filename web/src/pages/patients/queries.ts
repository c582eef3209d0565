/** Reads shared by the patient and visit pages. */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/errors";
import { usePatientRecord } from "../../lib/patients";

/** The patient of a page (the cache every page shares); a 404 when none is on file. */
export function usePatient(patientId: number | undefined) {
  return usePatientRecord(patientId);
}

/** The patient's active insurance plan (`plan` is null when there is none). */
export function useActivePlan(patientId: number) {
  return useQuery({
    queryKey: ["patients", patientId, "plan"],
    queryFn: () =>
      unwrap(
        api.GET("/api/patients/{patient_id}/plan", { params: { path: { patient_id: patientId } } }),
      ),
  });
}

/** Staff names by user id, for "seen by" and "recorded by"; a number while they load. */
export function useStaffName(): (userId: number) => string {
  const staff = useQuery({
    queryKey: ["users", "names"],
    queryFn: () => unwrap(api.GET("/api/users", { params: { query: { per_page: 100 } } })),
    staleTime: 5 * 60_000,
  });
  return (userId) => {
    const user = staff.data?.users.find((candidate) => candidate.user_id === userId);
    return user ? `${user.first_name} ${user.last_name}` : `Staff #${userId}`;
  };
}

/** A route's numeric id, or undefined when the address holds none. */
export function idParam(value: string | undefined): number | undefined {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
