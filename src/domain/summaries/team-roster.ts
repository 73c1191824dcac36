// Who is on which team, with each report's current check-in period and the keys of the weeks before it: one query
// for any number of managers (or the whole org), the date arithmetic memoised per (zone, slot) because most people
// share both.
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { daysOffKey, loadClosures } from "../schedule/days-off.ts";
import { checkInPeriodAt, periodKeyOf, type CheckInPeriod, type HolidayShift } from "../schedule/period.ts";
import { effectiveCheckInSlot, holidayShiftOf } from "../schedule/schedule-person.ts";

const ROSTER_SELECT = {
  id: true,
  name: true,
  role: true,
  managerId: true,
  active: true,
  timeZone: true,
  awayUntil: true,
  checkInWeekday: true,
  checkInTime: true,
  workdayStart: true,
  workdayEnd: true,
  teamCheckInWeekday: true,
  teamCheckInTime: true,
  holidayCalendar: true,
  teamHolidayCalendar: true,
} as const;

export interface RosterPerson {
  id: string;
  name: string;
  role: "employee" | "manager" | "hr" | "admin";
  managerId: string | null;
  active: boolean;
  /** A valid IANA zone: the person's, or the org's when theirs is not one. */
  zone: string;
  awayUntil: string | null;
  workdayStart: string | null;
  workdayEnd: string | null;
  /** The current check-in period and the keys of it and the weeks before it, newest first. */
  period: CheckInPeriod;
  weekKeys: string[];
}

export interface Roster {
  byId: Map<string, RosterPerson>;
  /** Active direct reports of each manager in scope (managers with none are absent). */
  teams: Map<string, RosterPerson[]>;
}

export interface RosterOptions {
  now: Date;
  /** Only these managers and their reports; the whole org when absent. */
  managerIds?: string[];
  /** How many weeks of keys each report carries (the current one included). */
  weeks: number;
}

export async function loadRoster(ctx: DomainContext, options: RosterOptions): Promise<Roster> {
  const scope = options.managerIds
    ? { OR: [{ id: { in: options.managerIds } }, { managerId: { in: options.managerIds } }] }
    : {};
  const [rows, closures] = await Promise.all([
    ctx.prisma.person.findMany({ where: scope, select: ROSTER_SELECT }),
    loadClosures(ctx.prisma, options.now),
  ]);
  const raw = new Map(rows.map((row) => [row.id, row]));
  const zones = new Map<string, string>();
  const zoneOf = (zone: string) => {
    if (!zones.has(zone)) zones.set(zone, isIanaTimeZone(zone) ? zone : ctx.org.defaultTimeZone);
    return zones.get(zone)!;
  };
  const periods = new Map<string, { period: CheckInPeriod; weekKeys: string[] }>();
  const periodOf = (zone: string, weekday: number, time: string, shift: HolidayShift) => {
    const key = `${zone}|${weekday}|${time}|${daysOffKey(shift.days.daysOff)}`;
    if (!periods.has(key)) {
      const period = checkInPeriodAt({ weekday, time }, zone, options.now, shift);
      const start = DateTime.fromJSDate(period.start, { zone });
      const weekKeys = Array.from({ length: options.weeks }, (_unused, back) =>
        periodKeyOf(start.minus({ weeks: back })),
      );
      periods.set(key, { period, weekKeys });
    }
    return periods.get(key)!;
  };

  const inScope = options.managerIds ? new Set(options.managerIds) : null;
  const byId = new Map<string, RosterPerson>();
  const teams = new Map<string, RosterPerson[]>();
  for (const row of rows) {
    const manager = row.managerId ? raw.get(row.managerId) : undefined;
    const slot = effectiveCheckInSlot(
      { checkInWeekday: row.checkInWeekday, checkInTime: row.checkInTime, manager: manager ?? null },
      ctx.org,
    );
    const zone = zoneOf(row.timeZone);
    // Like the team slot, the team calendar is read from the manager's row (in scope for every team member).
    const shift = holidayShiftOf(
      { ...row, manager: manager ? { teamHolidayCalendar: manager.teamHolidayCalendar } : null },
      ctx.org,
      closures,
    );
    const person: RosterPerson = { ...row, zone, ...periodOf(zone, slot.weekday, slot.time, shift) };
    byId.set(row.id, person);
  }
  for (const person of byId.values()) {
    if (!person.active || !person.managerId) continue;
    const manager = byId.get(person.managerId);
    if (!manager || !manager.active) continue;
    if (inScope && !inScope.has(manager.id)) continue;
    const team = teams.get(manager.id) ?? [];
    team.push(person);
    teams.set(manager.id, team);
  }
  return { byId, teams };
}
