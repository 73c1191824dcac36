import { forbidden } from "../../shared/errors.ts";

export const ROLES = ["employee", "manager", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface PersonRecord {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  role: Role;
  managerId: string | null;
  active: boolean;
}

const ROLE_RANK: Record<Role, number> = { employee: 0, manager: 1, hr: 2, admin: 3 };

/** HR can do everything a manager can for the whole org; admins can do everything HR can. */
export function hasRole(person: Pick<PersonRecord, "role">, atLeast: Role): boolean {
  return ROLE_RANK[person.role] >= ROLE_RANK[atLeast];
}

const ROLE_NAMES: Record<Role, string> = { employee: "employees", manager: "managers", hr: "HR", admin: "admins" };

/** Throws a friendly FORBIDDEN error naming who may do `action` ("only HR can launch a review cycle"). */
export function requireRole(person: Pick<PersonRecord, "role">, atLeast: Role, action: string): void {
  if (!hasRole(person, atLeast)) throw forbidden(`Sorry, only ${ROLE_NAMES[atLeast]} can ${action}.`);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
