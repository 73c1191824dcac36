// The fields every schedule decision reads about a person, loaded in one query for a whole org by the jobs.
import type { OrgSettings } from "../context.ts";
import { daysOffOf, type ClosureRange, type DaysOffPerson } from "./days-off.ts";
import type { HolidayShift } from "./period.ts";

export const SCHEDULE_PERSON_SELECT = {
  id: true,
  timeZone: true,
  active: true,
  awayUntil: true,
  checkInWeekday: true,
  checkInTime: true,
  workdayStart: true,
  workdayEnd: true,
  managerId: true,
  holidayCalendar: true,
  manager: { select: { teamCheckInWeekday: true, teamCheckInTime: true, teamHolidayCalendar: true } },
} as const;

export interface SchedulePerson {
  id: string;
  timeZone: string;
  active: boolean;
  /** Inclusive last local day of absence, "YYYY-MM-DD". */
  awayUntil: string | null;
  checkInWeekday: number | null;
  checkInTime: string | null;
  workdayStart: string | null;
  workdayEnd: string | null;
  managerId: string | null;
  /** The person's own holiday calendar code ("DE-BE"); null = their team's, else the org's. */
  holidayCalendar: string | null;
  manager: {
    teamCheckInWeekday: number | null;
    teamCheckInTime: string | null;
    teamHolidayCalendar: string | null;
  } | null;
}

export type ScheduleOrg = Pick<
  OrgSettings,
  | "checkInWeekday"
  | "checkInTime"
  | "checkInReminderTime"
  | "workdayStart"
  | "workdayEnd"
  | "workDays"
  | "holidayCalendar"
  | "holidayTypes"
  | "checkInOnHoliday"
>;

export type SlotSource = "person" | "team" | "org";

export interface CheckInSlot {
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number;
  /** Local "HH:mm". */
  time: string;
  /** Where the slot comes from: the person's own choice, their manager's team slot, or the org default. */
  source: SlotSource;
}

/**
 * The person's check-in slot. Each half is resolved on its own (person → manager's team slot → org default), so a
 * person who only moves the time keeps their team's day; `source` names the most specific level that set either.
 */
export function effectiveCheckInSlot(
  person: Pick<SchedulePerson, "checkInWeekday" | "checkInTime"> & {
    manager: { teamCheckInWeekday: number | null; teamCheckInTime: string | null } | null;
  },
  org: ScheduleOrg,
): CheckInSlot {
  const team = person.manager ?? { teamCheckInWeekday: null, teamCheckInTime: null };
  const source: SlotSource =
    person.checkInWeekday != null || person.checkInTime != null
      ? "person"
      : team.teamCheckInWeekday != null || team.teamCheckInTime != null
        ? "team"
        : "org";
  return {
    weekday: person.checkInWeekday ?? team.teamCheckInWeekday ?? org.checkInWeekday,
    time: person.checkInTime ?? team.teamCheckInTime ?? org.checkInTime,
    source,
  };
}

/** The person's days off and how their check-in prompt moves around them (CHECKIN_ON_HOLIDAY, default previous). */
export function holidayShiftOf(person: DaysOffPerson, org: ScheduleOrg, closures: ClosureRange[]): HolidayShift {
  return {
    days: { days: org.workDays, daysOff: daysOffOf(person, org, closures) },
    policy: org.checkInOnHoliday ?? "previous",
  };
}
