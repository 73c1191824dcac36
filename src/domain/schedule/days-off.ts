// A person's days off beyond the weekly working days: the public holidays of their calendar (their own, else their
// team's, else the org's) and the company closures that cover them (everyone's, or their team's). Working hours
// (working-hours.ts) carry these, so every schedule and the send window treat such a day like a weekend.
import type { PrismaClient } from "../../db/database.ts";
import type { OrgSettings, Tx } from "../context.ts";
import { holidayOn, type HolidayTypes } from "./holidays.ts";

export const ORG_SCOPE = "org";
export const teamScope = (managerId: string) => `team:${managerId}`;

export interface ClosureRange {
  id: string;
  /** "org" or "team:<managerId>". */
  scope: string;
  teamManagerId: string | null;
  /** Inclusive local dates "YYYY-MM-DD". */
  startDate: string;
  endDate: string;
  reason: string;
}

export type CalendarSource = "person" | "team" | "org";

export interface DaysOff {
  /** The effective holiday calendar code, or null when none applies. */
  calendar: string | null;
  calendarSource: CalendarSource | null;
  types: HolidayTypes;
  /** Closures that cover this person. */
  closures: ClosureRange[];
}

/** The person fields the days off depend on. */
export interface DaysOffPerson {
  id: string;
  managerId: string | null;
  holidayCalendar: string | null;
  manager: { teamHolidayCalendar: string | null } | null;
}

export type DaysOffOrg = Pick<OrgSettings, "holidayCalendar" | "holidayTypes">;

export const DAYS_OFF_PERSON_SELECT = {
  id: true,
  managerId: true,
  holidayCalendar: true,
  manager: { select: { teamHolidayCalendar: true } },
} as const;

/** Own calendar → the manager's team calendar → the org's HOLIDAY_CALENDAR. */
export function effectiveHolidayCalendar(
  person: Pick<DaysOffPerson, "holidayCalendar" | "manager">,
  org: DaysOffOrg,
): { code: string | null; source: CalendarSource | null } {
  if (person.holidayCalendar) return { code: person.holidayCalendar, source: "person" };
  if (person.manager?.teamHolidayCalendar) return { code: person.manager.teamHolidayCalendar, source: "team" };
  if (org.holidayCalendar) return { code: org.holidayCalendar, source: "org" };
  return { code: null, source: null };
}

/** A team closure covers the manager's direct reports and the manager. */
export function closuresCovering(
  person: Pick<DaysOffPerson, "id" | "managerId">,
  closures: ClosureRange[],
): ClosureRange[] {
  return closures.filter(
    (closure) =>
      closure.teamManagerId === null ||
      closure.teamManagerId === person.id ||
      closure.teamManagerId === person.managerId,
  );
}

export function daysOffOf(person: DaysOffPerson, org: DaysOffOrg, closures: ClosureRange[]): DaysOff {
  const calendar = effectiveHolidayCalendar(person, org);
  return {
    calendar: calendar.code,
    calendarSource: calendar.source,
    types: org.holidayTypes ?? "public",
    closures: closuresCovering(person, closures),
  };
}

/** Why the local date is a day off (the holiday's name or the closure's reason), or null on an ordinary day. */
export function dayOffReason(daysOff: DaysOff | undefined, isoDate: string): string | null {
  if (!daysOff) return null;
  for (const closure of daysOff.closures)
    if (closure.startDate <= isoDate && isoDate <= closure.endDate) return closure.reason;
  return daysOff.calendar ? holidayOn(daysOff.calendar, daysOff.types, isoDate) : null;
}

export function isDayOff(daysOff: DaysOff | undefined, isoDate: string): boolean {
  return dayOffReason(daysOff, isoDate) !== null;
}

/** A key for per-tick memos: two people with the same key have the same days off. */
export function daysOffKey(daysOff: DaysOff | undefined): string {
  if (!daysOff) return "-";
  return `${daysOff.calendar ?? "-"}|${daysOff.types}|${daysOff.closures.map((closure) => closure.id).join(",")}`;
}

/** How far back a closure still matters: the oldest period a schedule looks at. */
const CLOSURE_LOOKBACK_DAYS = 21;

/** Closures that end on or after three weeks before `now` (one query; the table holds a handful of rows). */
export async function loadClosures(prisma: PrismaClient | Tx, now: Date): Promise<ClosureRange[]> {
  const since = new Date(now.getTime() - CLOSURE_LOOKBACK_DAYS * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return prisma.closure.findMany({
    where: { endDate: { gte: since } },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    select: { id: true, scope: true, teamManagerId: true, startDate: true, endDate: true, reason: true },
  });
}
