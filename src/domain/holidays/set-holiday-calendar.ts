// `settings holidays DE-BY`: a person's own holiday calendar (`holidays default` follows their team's or the org's
// again). HR sets a team's calendar on its manager (`settings team holidays @manager GB-ENG`); people with their own
// calendar keep it.
import { z } from "zod";
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { calendarLabel } from "../schedule/holidays.ts";
import { parseInput } from "../validation.ts";
import { holidayCalendarCode } from "./holidays.schemas.ts";

const SetMyHolidayCalendarInput = z.object({ personId: z.string().min(1), code: holidayCalendarCode.nullable() });
const SetTeamHolidayCalendarInput = z.object({
  actorId: z.string().min(1),
  managerId: z.string().min(1),
  code: holidayCalendarCode.nullable(),
});

export async function setMyHolidayCalendar(
  ctx: DomainContext,
  options: z.input<typeof SetMyHolidayCalendarInput>,
): Promise<void> {
  const input = parseInput(SetMyHolidayCalendarInput, options);
  const person = await ctx.prisma.person.findUnique({ where: { id: input.personId }, select: { id: true } });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  await ctx.prisma.person.update({
    where: { id: person.id },
    data: { holidayCalendar: input.code, updatedAt: ctx.clock.now() },
  });
  ctx.logger.info({ personId: person.id, calendar: input.code }, "holiday calendar set");
}

export interface SetTeamHolidayCalendarResult {
  managerName: string;
  code: string | null;
  label: string | null;
  reports: number;
  /** Reports with their own calendar: they keep it. */
  reportsWithOwnCalendar: number;
}

export async function setTeamHolidayCalendar(
  ctx: DomainContext,
  options: z.input<typeof SetTeamHolidayCalendarInput>,
): Promise<SetTeamHolidayCalendarResult> {
  const input = parseInput(SetTeamHolidayCalendarInput, options);
  const actor = await ctx.prisma.person.findUnique({
    where: { id: input.actorId },
    select: { role: true, active: true },
  });
  if (!actor || !actor.active) throw notFound("I couldn't find your Momentum profile.");
  requireRole(actor, "hr", "set a team's holiday calendar");
  const manager = await ctx.prisma.person.findUnique({
    where: { id: input.managerId },
    select: { id: true, name: true, active: true },
  });
  if (!manager || !manager.active) throw notFound("I couldn't find that manager in Momentum.");
  await ctx.prisma.person.update({
    where: { id: manager.id },
    data: { teamHolidayCalendar: input.code, updatedAt: ctx.clock.now() },
  });
  const [reports, reportsWithOwnCalendar] = await Promise.all([
    ctx.prisma.person.count({ where: { managerId: manager.id, active: true } }),
    ctx.prisma.person.count({ where: { managerId: manager.id, active: true, holidayCalendar: { not: null } } }),
  ]);
  ctx.logger.info({ managerId: manager.id, calendar: input.code, reports }, "team holiday calendar set");
  return {
    managerName: manager.name,
    code: input.code,
    label: input.code ? calendarLabel(input.code) : null,
    reports,
    reportsWithOwnCalendar,
  };
}
