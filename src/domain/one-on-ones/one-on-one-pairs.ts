// Every manager+report pair with its weekly 1:1 slot and the manager's zone and working hours: three queries for
// the whole org (reports with a reachable, active manager; those managers; the stored slots).
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import { daysOffOf, loadClosures, type DaysOff } from "../schedule/days-off.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { workingHoursOf, type WorkingHours } from "../schedule/working-hours.ts";
import { DEFAULT_ONE_ON_ONE_SLOT, type OneOnOneSlot } from "./one-on-one-slot.ts";

/** A manager Momentum can DM: a Slack identity, or a Teams identity with a stored conversation reference. */
const REACHABLE = {
  active: true,
  OR: [
    { slackIdentities: { some: { deactivatedAt: null } } },
    { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
  ],
} satisfies Prisma.PersonWhereInput;

export interface OneOnOnePair {
  managerId: string;
  reportId: string;
  reportName: string;
  slot: OneOnOneSlot;
  zone: string;
  /** The manager's working hours, with the manager's holidays and closures. */
  hours: WorkingHours;
  /** The report's holidays and closures: a 1:1 on the report's day off does not happen either. */
  reportDaysOff: DaysOff;
}

export async function loadOneOnOnePairs(ctx: DomainContext, now: Date): Promise<OneOnOnePair[]> {
  const reports = await ctx.prisma.person.findMany({
    where: { active: true, manager: REACHABLE },
    select: { id: true, name: true, managerId: true, holidayCalendar: true },
  });
  if (reports.length === 0) return [];
  const managerIds = [...new Set(reports.map((report) => report.managerId!))];
  const [managers, slots, closures] = await Promise.all([
    ctx.prisma.person.findMany({
      where: { id: { in: managerIds } },
      select: {
        id: true,
        timeZone: true,
        workdayStart: true,
        workdayEnd: true,
        managerId: true,
        holidayCalendar: true,
        teamHolidayCalendar: true,
        manager: { select: { teamHolidayCalendar: true } },
      },
    }),
    ctx.prisma.oneOnOne.findMany({
      where: { managerId: { in: managerIds } },
      select: { managerId: true, reportId: true, weekday: true, time: true },
    }),
    loadClosures(ctx.prisma, now),
  ]);
  const managerDaysOff = new Map(managers.map((manager) => [manager.id, daysOffOf(manager, ctx.org, closures)]));
  const managerById = new Map(managers.map((manager) => [manager.id, manager]));
  const slotOf = new Map(
    slots.map((slot) => [`${slot.managerId}|${slot.reportId}`, { weekday: slot.weekday, time: slot.time }]),
  );
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
        hours: workingHoursOf(manager, ctx.org, managerDaysOff.get(manager.id)),
        reportDaysOff: daysOffOf(
          { ...report, manager: { teamHolidayCalendar: manager.teamHolidayCalendar } },
          ctx.org,
          closures,
        ),
      },
    ];
  });
}
