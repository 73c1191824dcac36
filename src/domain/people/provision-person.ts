// Same email on both platforms = same person. The first contact from either platform creates the person;
// later contacts only attach identities. HR data from the CSV import wins over chat profiles.
import { IANAZone } from "luxon";
import type { DomainContext, Tx } from "../context.ts";
import { normaliseEmail, type PersonRecord, type Role } from "./person.ts";

export interface ChatProfile {
  email: string;
  name: string;
  timeZone?: string | null;
}

export const PERSON_FIELDS = {
  id: true,
  email: true,
  name: true,
  timeZone: true,
  role: true,
  managerId: true,
  active: true,
} as const;

export function validTimeZone(zone: string | null | undefined, fallback: string): string {
  return zone && IANAZone.isValidZone(zone) ? zone : fallback;
}

/** Finds the person with this email, or creates them from the chat profile. */
export async function findOrCreatePerson(ctx: DomainContext, tx: Tx, profile: ChatProfile): Promise<PersonRecord> {
  const email = normaliseEmail(profile.email);
  const existing = await tx.person.findUnique({ where: { email }, select: PERSON_FIELDS });
  if (existing) return promoteInTransaction(ctx, tx, existing);
  const role: Role = ctx.adminEmails.includes(email) ? "admin" : "employee";
  const now = ctx.clock.now();
  return tx.person.upsert({
    where: { email },
    create: {
      email,
      name: profile.name.trim() || email,
      timeZone: validTimeZone(profile.timeZone, ctx.org.defaultTimeZone),
      role,
      createdAt: now,
      updatedAt: now,
    },
    update: {},
    select: PERSON_FIELDS,
  });
}

/**
 * MOMENTUM_ADMIN_EMAILS names the admins: someone listed who already exists (imported by HR, or met in chat before
 * the list named them) becomes an admin the next time they act, audited like any role change. Costs nothing for
 * everyone else (an in-memory check).
 */
export async function promoteConfiguredAdmin(
  ctx: Pick<DomainContext, "prisma" | "adminEmails" | "clock">,
  person: PersonRecord,
): Promise<PersonRecord> {
  if (!isUnpromotedAdmin(ctx, person)) return person;
  return ctx.prisma.$transaction((tx) => promoteInTransaction(ctx, tx, person));
}

function isUnpromotedAdmin(ctx: Pick<DomainContext, "adminEmails">, person: PersonRecord): boolean {
  return person.role !== "admin" && ctx.adminEmails.includes(person.email);
}

async function promoteInTransaction(
  ctx: Pick<DomainContext, "adminEmails" | "clock">,
  tx: Tx,
  person: PersonRecord,
): Promise<PersonRecord> {
  if (!isUnpromotedAdmin(ctx, person)) return person;
  // Conditional, so two first requests at once record one promotion.
  const promoted = await tx.person.updateMany({
    where: { id: person.id, role: { not: "admin" } },
    data: { role: "admin", updatedAt: ctx.clock.now() },
  });
  if (promoted.count === 1) {
    await tx.auditEvent.create({
      data: {
        actor: "MOMENTUM_ADMIN_EMAILS",
        action: "role.set",
        subject: person.email,
        detail: { from: person.role, to: "admin" },
        createdAt: ctx.clock.now(),
      },
    });
  }
  return { ...person, role: "admin" };
}
