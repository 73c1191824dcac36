// When the weekly team summary goes out: Monday 09:00 in the manager's own zone, once per ISO week. After downtime
// the week's summary still goes out that week, never the week after.
import { DateTime } from "luxon";
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import { atLocalTime, isIanaTimeZone } from "../schedule/local-time.ts";
import { periodKeyOf } from "../schedule/period.ts";

export const SUMMARY_WEEKDAY = 1;
export const SUMMARY_TIME = "09:00";

export const teamSummaryDeliveryKey = (managerId: string, periodKey: string) => `team-summary:${managerId}:${periodKey}`;

export interface SummaryWeek {
  periodKey: string;
  sendAt: Date;
  /** Next Monday 09:00: a summary not sent by then is stale. */
  expiresAt: Date;
}

/** This ISO week's summary instant in `zone`, if it has passed at `now`. */
export function summaryWeekAt(now: Date, zone: string): SummaryWeek | null {
  const local = DateTime.fromJSDate(now, { zone });
  const monday = DateTime.fromObject({ weekYear: local.weekYear, weekNumber: local.weekNumber, weekday: SUMMARY_WEEKDAY }, { zone });
  const sendAt = atLocalTime(monday, SUMMARY_TIME, zone);
  if (sendAt.toMillis() > now.getTime()) return null;
  return { periodKey: periodKeyOf(monday), sendAt: sendAt.toJSDate(), expiresAt: atLocalTime(monday.plus({ weeks: 1 }), SUMMARY_TIME, zone).toJSDate() };
}

/** Active managers Momentum can DM who have at least one active direct report (one query). */
export async function loadSummaryRecipients(ctx: DomainContext): Promise<{ id: string; zone: string }[]> {
  const rows = await ctx.prisma.person.findMany({
    where: {
      active: true,
      reports: { some: { active: true } },
      OR: [{ slackIdentities: { some: { deactivatedAt: null } } }, { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } }],
    },
    select: { id: true, timeZone: true },
  });
  return rows.map((row) => ({ id: row.id, zone: isIanaTimeZone(row.timeZone) ? row.timeZone : ctx.org.defaultTimeZone }));
}
