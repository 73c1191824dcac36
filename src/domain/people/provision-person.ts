// Same email on both platforms = same person. The first contact from either platform creates the person;
// later contacts only attach identities. HR data from the CSV import wins over chat profiles.
import { DateTime } from "luxon";
import type { DomainContext, Tx } from "../context.ts";
import { normaliseEmail, type PersonRecord, type Role } from "./person.ts";

export interface ChatProfile {
  email: string;
  name: string;
  timeZone?: string | null;
}

export const PERSON_FIELDS = { id: true, email: true, name: true, timeZone: true, role: true, managerId: true, active: true } as const;

export function validTimeZone(zone: string | null | undefined, fallback: string): string {
  return zone && DateTime.local().setZone(zone).isValid ? zone : fallback;
}

/** Finds the person with this email, or creates them from the chat profile. */
export async function findOrCreatePerson(ctx: DomainContext, tx: Tx, profile: ChatProfile): Promise<PersonRecord> {
  const email = normaliseEmail(profile.email);
  const existing = await tx.person.findUnique({ where: { email }, select: PERSON_FIELDS });
  if (existing) return existing;
  const role: Role = ctx.adminEmails.includes(email) ? "admin" : "employee";
  return tx.person.upsert({
    where: { email },
    create: { email, name: profile.name.trim() || email, timeZone: validTimeZone(profile.timeZone, ctx.org.defaultTimeZone), role },
    update: {},
    select: PERSON_FIELDS,
  });
}
