// Changing someone's role is a privilege change, so it is always audited, in the same transaction as the change.
// Callers authorise first: the CLI runs with database access, and a chat command must check the actor is an admin.
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { SetRoleInput, type SetRoleOptions } from "./people.schemas.ts";
import type { Role } from "./person.ts";

export interface SetRoleResult {
  email: string;
  name: string;
  from: Role;
  to: Role;
  /** False when the person already had that role: nothing was written. */
  changed: boolean;
}

export async function setRole(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  options: SetRoleOptions,
): Promise<SetRoleResult> {
  const input = parseInput(SetRoleInput, options);
  return ctx.prisma.$transaction(async (tx) => {
    // Locked so two concurrent changes cannot both record the same "from".
    await tx.$queryRaw`SELECT id FROM "Person" WHERE email = ${input.email} FOR UPDATE`;
    const person = await tx.person.findUnique({
      where: { email: input.email },
      select: { id: true, name: true, role: true },
    });
    if (!person)
      throw notFound(`No one with the email ${input.email} is in Momentum. Check the spelling, or import them first.`);
    const result = {
      email: input.email,
      name: person.name,
      from: person.role,
      to: input.role,
      changed: person.role !== input.role,
    };
    if (!result.changed) return result;
    await tx.person.update({ where: { id: person.id }, data: { role: input.role, updatedAt: ctx.clock.now() } });
    await tx.auditEvent.create({
      data: {
        createdAt: ctx.clock.now(),
        actor: input.actor,
        action: "role.set",
        subject: input.email,
        detail: { from: person.role, to: input.role },
      },
    });
    return result;
  });
}
