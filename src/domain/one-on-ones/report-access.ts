// Who may act on a manager+report pair. Notes and "done" belong to the report's CURRENT manager only: a button
// clicked (or a payload replayed) by anyone else, HR included, is refused, because the notes are that manager's own.
import { AppError, forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";

export interface PairPeople {
  manager: { id: string; name: string; active: boolean };
  report: { id: string; name: string; managerId: string | null; active: boolean };
}

export async function requireCurrentManager(
  ctx: DomainContext,
  managerId: string,
  reportId: string,
): Promise<PairPeople> {
  const people = await ctx.prisma.person.findMany({
    where: { id: { in: [managerId, reportId] } },
    select: { id: true, name: true, managerId: true, active: true },
  });
  const manager = people.find((person) => person.id === managerId);
  const report = people.find((person) => person.id === reportId);
  if (!manager || !manager.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't do that.");
  if (!report) throw notFound("I couldn't find that person any more.");
  if (report.managerId !== manager.id) throw forbidden(`Only ${report.name}'s manager can use this 1:1 agenda.`);
  return { manager, report };
}
