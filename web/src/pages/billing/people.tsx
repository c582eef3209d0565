/**
 * Names for the ids that billing and admin lists carry: patients (read many at a time, then
 * cached, see lib/patients) and staff (the whole directory, for actors and providers).
 */
import { Anchor } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/errors";
import { usePatientRecords } from "../../lib/patients";

export type StaffUser = Schemas["UserRead"];

export function patientLabel(patient: { first_name: string; last_name: string }): string {
  return `${patient.last_name}, ${patient.first_name}`;
}

/** "Last, First" for each patient id that could be read (archived patients stay unnamed). */
export function usePatientNames(ids: readonly number[]): ReadonlyMap<number, string> {
  const patients = usePatientRecords(ids);
  return new Map([...patients].map(([id, patient]) => [id, patientLabel(patient)]));
}

export function PatientLink({ id, names }: { id: number; names: ReadonlyMap<number, string> }) {
  return (
    <Anchor inherit component={Link} to={`/patients/${id}`} underline="always">
      {names.get(id) ?? `Patient #${id}`}
    </Anchor>
  );
}

const MAX_DIRECTORY_PAGES = 20;

async function everyStaffUser(): Promise<StaffUser[]> {
  const users: StaffUser[] = [];
  for (let page = 1; page <= MAX_DIRECTORY_PAGES; page += 1) {
    const data = await unwrap(
      api.GET("/api/users", { params: { query: { page, per_page: 100 } } }),
    );
    users.push(...data.users);
    if (!data.pagination.has_next) break;
  }
  return users;
}

/** Every staff account, active or not, by id: who acted, who saw the patient. */
export function useStaffDirectory() {
  return useQuery({
    queryKey: ["users", "directory"],
    queryFn: everyStaffUser,
    staleTime: 5 * 60_000,
    select: (users) => new Map(users.map((user) => [user.user_id, user])),
  });
}

export function staffName(directory: ReadonlyMap<number, StaffUser> | undefined, id: number) {
  const user = directory?.get(id);
  return user ? `${user.first_name} ${user.last_name}` : `User #${id}`;
}
