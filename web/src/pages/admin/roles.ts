import type { Role } from "../../lib/access";

export const ROLE_LABEL: Record<Role, string> = {
  admin: "Admin",
  doctor: "Doctor",
  nurse: "Nurse",
  receptionist: "Front desk",
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as Role[]).map((role) => ({
  value: role,
  label: ROLE_LABEL[role],
}));

export function isRole(value: string | null): value is Role {
  return value !== null && value in ROLE_LABEL;
}
