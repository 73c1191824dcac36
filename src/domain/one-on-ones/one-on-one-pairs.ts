// Every manager+report pair with its weekly 1:1 slot and the manager's zone and working hours: three queries for
// the whole org (reports with a reachable, active manager; those managers; the stored slots).
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { workingHoursOf, type WorkingHours } from "../schedule/working-hours.ts";
import { DEFAULT_ONE_ON_ONE_SLOT, type OneOnOneSlot } from "./one-on-one-slot.ts";

/** A manager Momentum can DM: a Slack identity, or a Teams identity with a stored conversation reference. */
const REACHABLE = {
  active: true,
  OR: [{ slackIdentities: { some: { deactivatedAt: null } } }, { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } }],
} satisfies Prisma.PersonWhereInput;

export interface OneOnOnePair {
  managerId: string;
  reportId: string;
  reportName: string;
  slot: OneOnOneSlot;
  zone: string;
  hours: WorkingHours;
}

export async function loadOneOnOnePairs(ctx: DomainContext): Promise<OneOnOnePair[]> {
  const reports = await ctx.prisma.person.findMany({
    where: { active: true, manager: REACHABLE },
    select: { id: true, name: true, managerId: true },
  });
  if (reports.length === 0) return [];
  const managerIds = [...new Set(reports.map((report) => report.managerId!))];
  const [managers, slots] = await Promise.all([
    ctx.prisma.person.findMany({ where: { id: { in: managerIds } }, select: { id: true, timeZone: true, workdayStart: true, workdayEnd: true } }),
    ctx.prisma.oneOnOne.findMany({ where: { managerId: { in: managerIds } }, select: { managerId: true, reportId: true, weekday: true, time: true } }),
  ]);
  const managerById = new Map(managers.map((manager) => [manager.id, manager]));
  const slotOf = new Map(slots.map((slot) => [`${slot.managerId}|${slot.reportId}`, { weekday: slot.weekday, time: slot.time }]));
  return reports.flatMap((report) => {
    const manager = managerById.get(report.managerId!);
    if (!manager) return [];
    return [
      {
        managerId: manager.id,
        reportId: report.id,
        reportName: report.name,
        // A slot stored for an earlier manager is not this one's: each pair has its own (default Monday 09:00).
        slot: slotOf.get(`${manager.id}|${report.id}`) ?? DEFAULT_ONE_ON_ONE_SLOT,
        zone: isIanaTimeZone(manager.timeZone) ? manager.timeZone : ctx.org.defaultTimeZone,
        hours: workingHoursOf(manager, ctx.org),
      },
    ];
  });
}
