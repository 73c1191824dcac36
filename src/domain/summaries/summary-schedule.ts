// When the weekly team summary goes out: Monday 09:00 in the manager's own zone, once per ISO week. After downtime
// the week's summary still goes out that week, never the week after. When Monday is a holiday or closure day of the
// manager, it goes out at 09:00 on the next working morning of the week (Easter Monday → Tuesday), under the same key.
import { DateTime } from "luxon";
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import { daysOffOf, isDayOff, loadClosures, type DaysOff } from "../schedule/days-off.ts";
import { atLocalTime, isIanaTimeZone } from "../schedule/local-time.ts";
import { periodKeyOf } from "../schedule/period.ts";
import { isWorkingDay, type WorkingDays } from "../schedule/working-hours.ts";

export const SUMMARY_WEEKDAY = 1;
export const SUMMARY_TIME = "09:00";

export const teamSummaryDeliveryKey = (managerId: string, periodKey: string) =>
  `team-summary:${managerId}:${periodKey}`;

export interface SummaryWeek {
  periodKey: string;
  sendAt: Date;
  /** Next Monday 09:00: a summary not sent by then is stale. */
  expiresAt: Date;
}

/** This ISO week's summary instant in `zone`, if it has passed at `now`; null too when the whole week is off. */
export function summaryWeekAt(now: Date, zone: string, days?: WorkingDays): SummaryWeek | null {
  const local = DateTime.fromJSDate(now, { zone });
  const monday = DateTime.fromObject(
    { weekYear: local.weekYear, weekNumber: local.weekNumber, weekday: SUMMARY_WEEKDAY },
    { zone },
  );
  let sendDay = monday;
  // Only a holiday or closure moves it: an org whose week starts on another day keeps Monday (quiet hours decide).
  if (days && isDayOff(days.daysOff, monday.toISODate()!)) {
    const working = [1, 2, 3, 4, 5, 6]
      .map((offset) => monday.plus({ days: offset }))
      .find((day) => isWorkingDay(days, day));
    if (!working) return null;
    sendDay = working;
  }
  const sendAt = atLocalTime(sendDay, SUMMARY_TIME, zone);
  if (sendAt.toMillis() > now.getTime()) return null;
  return {
    periodKey: periodKeyOf(monday),
    sendAt: sendAt.toJSDate(),
    expiresAt: atLocalTime(monday.plus({ weeks: 1 }), SUMMARY_TIME, zone).toJSDate(),
  };
}

/** Active managers Momentum can DM who have at least one active direct report, with their days off (two queries). */
export async function loadSummaryRecipients(
  ctx: DomainContext,
  now: Date,
): Promise<{ id: string; zone: string; daysOff: DaysOff }[]> {
  const closures = await loadClosures(ctx.prisma, now);
  const rows = await ctx.prisma.person.findMany({
    where: {
      active: true,
      reports: { some: { active: true } },
      OR: [
        { slackIdentities: { some: { deactivatedAt: null } } },
        { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
      ],
    },
    select: {
      id: true,
      timeZone: true,
      managerId: true,
      holidayCalendar: true,
      manager: { select: { teamHolidayCalendar: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    zone: isIanaTimeZone(row.timeZone) ? row.timeZone : ctx.org.defaultTimeZone,
    daysOff: daysOffOf(row, ctx.org, closures),
  }));
}
