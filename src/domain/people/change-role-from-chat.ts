// `/momentum role @user hr` (Slack) and `role @User hr` (Teams): an admin changes someone's role from chat. The
// actor is checked here (the CLI's set-role trusts its caller); the change and its audit event are setRole's.
import { AppError, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "./person.ts";
import { setRole, type SetRoleResult } from "./set-role.ts";

export interface ChangeRoleFromChatOptions {
  actorId: string;
  targetPersonId: string;
  /** As typed: "hr", "Manager"…; validated by setRole's schema. */
  role: string;
}

export async function changeRoleFromChat(
  ctx: DomainContext,
  options: ChangeRoleFromChatOptions,
): Promise<SetRoleResult> {
  const actor = await ctx.prisma.person.findUnique({
    where: { id: options.actorId },
    select: { id: true, role: true, active: true },
  });
  if (!actor || !actor.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't change roles.");
  requireRole(actor, "admin", "change roles");
  const target = await ctx.prisma.person.findUnique({
    where: { id: options.targetPersonId },
    select: { email: true, role: true },
  });
  if (!target) throw new AppError("NOT_FOUND", "I couldn't find that person in Momentum.");
  if (target.role === "admin" && options.role.trim().toLowerCase() !== "admin") {
    // Without an admin nobody could change roles from chat again (only the CLI could).
    const admins = await ctx.prisma.person.count({ where: { role: "admin", active: true } });
    if (admins <= 1)
      throw validationError(
        "That's the last admin: make someone else an admin first, so someone can still change roles.",
      );
  }
  return setRole(ctx, { actor: actor.id, email: target.email, role: options.role });
}
