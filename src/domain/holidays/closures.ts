// Company closure days: HR (or the CLI) adds, removes and lists date ranges for everyone or for one team (a manager
// and their direct reports). Every schedule treats them as days off (domain/schedule/days-off.ts). Adding the same
// range for the same scope twice (a double submit, a retried command) is a no-op on the natural key.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { notFound, validationError } from "../../shared/errors.ts";
import { isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { ORG_SCOPE, teamScope } from "../schedule/days-off.ts";
import { parseInput } from "../validation.ts";
import { AddClosureInput, ClosureDates, type AddClosureOptions } from "./holidays.schemas.ts";

/** Who acts: a person (HR or admin, checked) or the operator's CLI. */
export type ClosureActor = { personId: string } | "cli";

export interface ClosureView {
  id: string;
  startDate: string;
  endDate: string;
  reason: string;
  /** null = everyone. */
  team: { managerId: string; managerName: string } | null;
  /** "Thu 24 Dec 2026 – Fri 1 Jan 2027". */
  label: string;
}

export interface AddClosureResult {
  closure: ClosureView;
  /** False when the same range for the same scope was already there. */
  created: boolean;
  /** People the closure covers (active). */
  people: number;
}

async function actorName(ctx: DomainContext, actor: ClosureActor, action: string): Promise<string> {
  if (actor === "cli") return "cli";
  const person = await ctx.prisma.person.findUnique({
    where: { id: actor.personId },
    select: { id: true, role: true, active: true },
  });
  if (!person || !person.active) throw notFound("I couldn't find your Momentum profile.");
  requireRole(person, "hr", action);
  return person.id;
}

async function teamManager(ctx: DomainContext, managerId: string | null | undefined) {
  if (!managerId) return null;
  const manager = await ctx.prisma.person.findUnique({
    where: { id: managerId },
    select: { id: true, name: true, active: true, _count: { select: { reports: { where: { active: true } } } } },
  });
  if (!manager || !manager.active) throw notFound("I couldn't find that manager in Momentum.");
  if (manager._count.reports === 0)
    throw validationError(`${manager.name} has no direct reports, so there is no team to close for.`);
  return manager;
}

export async function addClosure(
  ctx: DomainContext,
  actor: ClosureActor,
  options: AddClosureOptions,
): Promise<AddClosureResult> {
  const createdBy = await actorName(ctx, actor, "add company closures");
  const input = parseInput(AddClosureInput, options);
  parseInput(ClosureDates, input);
  const manager = await teamManager(ctx, input.teamManagerId);
  const scope = manager ? teamScope(manager.id) : ORG_SCOPE;
  const where = { scope_startDate_endDate: { scope, startDate: input.startDate, endDate: input.endDate } };
  let created = false;
  let row = await ctx.prisma.closure.findUnique({ where });
  if (!row) {
    try {
      row = await ctx.prisma.$transaction(async (tx) => {
        const closure = await tx.closure.create({
          data: {
            id: randomUUID(),
            scope,
            teamManagerId: manager?.id ?? null,
            startDate: input.startDate,
            endDate: input.endDate,
            reason: input.reason,
            createdBy,
            createdAt: ctx.clock.now(),
          },
        });
        await tx.auditEvent.create({
          data: {
            actor: createdBy,
            action: "closure.add",
            detail: { scope, startDate: input.startDate, endDate: input.endDate },
            createdAt: ctx.clock.now(),
          },
        });
        return closure;
      });
      created = true;
    } catch (error) {
      // A second submit raced this one: the range is there, which is what was asked.
      if (!isUniqueViolation(error)) throw error;
      row = await ctx.prisma.closure.findUniqueOrThrow({ where });
    }
  }
  const people = manager ? manager._count.reports + 1 : await ctx.prisma.person.count({ where: { active: true } });
  ctx.logger.info({ scope, startDate: row.startDate, endDate: row.endDate, created }, "closure added");
  return { closure: viewOf(row, manager), created, people };
}

export async function removeClosure(
  ctx: DomainContext,
  actor: ClosureActor,
  options: { startDate: string; endDate: string; teamManagerId?: string | null },
): Promise<ClosureView> {
  const removedBy = await actorName(ctx, actor, "remove company closures");
  const dates = parseInput(ClosureDates, options);
  const manager = options.teamManagerId
    ? await ctx.prisma.person.findUnique({ where: { id: options.teamManagerId }, select: { id: true, name: true } })
    : null;
  const scope = manager ? teamScope(manager.id) : ORG_SCOPE;
  const row = await ctx.prisma.closure.findUnique({ where: { scope_startDate_endDate: { scope, ...dates } } });
  if (!row)
    throw notFound(
      `There is no closure from ${dates.startDate} to ${dates.endDate}${manager ? ` for ${manager.name}'s team` : " for everyone"}. See the list with closure list.`,
    );
  await ctx.prisma.$transaction([
    ctx.prisma.closure.delete({ where: { id: row.id } }),
    ctx.prisma.auditEvent.create({
      data: {
        actor: removedBy,
        action: "closure.remove",
        detail: { scope, startDate: row.startDate, endDate: row.endDate },
        createdAt: ctx.clock.now(),
      },
    }),
  ]);
  ctx.logger.info({ scope, startDate: row.startDate, endDate: row.endDate }, "closure removed");
  return viewOf(row, manager);
}

/** Closures that have not ended yet (in any zone), earliest first. */
export async function listClosures(ctx: DomainContext, actor: ClosureActor): Promise<ClosureView[]> {
  await actorName(ctx, actor, "list company closures");
  const yesterday = DateTime.fromJSDate(ctx.clock.now(), { zone: "UTC" }).minus({ days: 1 }).toISODate()!;
  const rows = await ctx.prisma.closure.findMany({
    where: { endDate: { gte: yesterday } },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    include: { teamManager: { select: { id: true, name: true } } },
  });
  return rows.map((row) => viewOf(row, row.teamManager));
}

function viewOf(
  row: { id: string; startDate: string; endDate: string; reason: string },
  manager: { id: string; name: string } | null,
): ClosureView {
  return {
    id: row.id,
    startDate: row.startDate,
    endDate: row.endDate,
    reason: row.reason,
    team: manager ? { managerId: manager.id, managerName: manager.name } : null,
    label: rangeLabel(row.startDate, row.endDate),
  };
}

export function rangeLabel(startDate: string, endDate: string): string {
  const format = (date: string) => DateTime.fromISO(date).setLocale("en-GB").toFormat("ccc d LLL yyyy");
  return startDate === endDate ? format(startDate) : `${format(startDate)} – ${format(endDate)}`;
}

/** The CLI names a team by its manager's email. */
export async function managerIdByEmail(ctx: DomainContext, email: string): Promise<string> {
  const person = await ctx.prisma.person.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!person) throw notFound(`No one in Momentum has the email ${email.trim()}.`);
  return person.id;
}
