// The person a privacy operation is about, found by email (case-insensitive, as everywhere in Momentum).
import type { PrismaClient } from "../../db/database.ts";
import { notFound } from "../../shared/errors.ts";
import type { Tx } from "../context.ts";

export async function findSubject(prisma: PrismaClient | Tx, email: string): Promise<{ id: string; email: string }> {
  const person = await prisma.person.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!person)
    throw notFound(
      `No one with the email ${email} is in Momentum. Check the spelling (an erased person can no longer be found by email).`,
    );
  return person;
}
