// Working hours and quiet hours in the recipient's own zone: nothing that respects quiet hours is delivered at
// night or on a non-working day. The hours are the person's (workdayStart/workdayEnd) or the org's; the working
// days are the org's, minus the person's days off (public holidays of their calendar, company closures). This is
// the one place a "working day" is decided: every job and the send window ask isWorkingDay through these hours.
import { DateTime } from "luxon";
import { isDayOff, type DaysOff } from "./days-off.ts";
import { atLocalTime } from "./local-time.ts";
import type { SchedulePerson, ScheduleOrg } from "./schedule-person.ts";

export interface WorkingHours {
  start: string;
  end: string;
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  days: number[];
  source: "person" | "org";
  /** Holidays and closures that also make a day non-working; absent = weekly working days only. */
  daysOff?: DaysOff;
}

/** The part of working hours that says which local days are working days. */
export type WorkingDays = Pick<WorkingHours, "days" | "daysOff">;

/** A working weekday that is neither a holiday of the person's calendar nor a closure day covering them. */
export function isWorkingDay(hours: WorkingDays, day: DateTime): boolean {
  return hours.days.includes(day.weekday) && !isDayOff(hours.daysOff, day.toISODate()!);
}

/** Looking further than this for a working slot means the settings have none (no working days, or a closure that long). */
const SEARCH_DAYS = 31;

export function workingHoursOf(
  person: Pick<SchedulePerson, "workdayStart" | "workdayEnd">,
  org: Pick<ScheduleOrg, "workdayStart" | "workdayEnd" | "workDays">,
  daysOff?: DaysOff,
): WorkingHours {
  const personal = person.workdayStart != null || person.workdayEnd != null;
  return {
    start: person.workdayStart ?? org.workdayStart,
    end: person.workdayEnd ?? org.workdayEnd,
    days: org.workDays,
    source: personal ? "person" : "org",
    ...(daysOff ? { daysOff } : {}),
  };
}

/** True when `instant` falls inside the person's working hours on one of their working days. */
export function isWithinWorkingHours(hours: WorkingHours, zone: string, instant: Date): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!isWorkingDay(hours, local)) return false;
  const start = atLocalTime(local, hours.start, zone).toMillis();
  const end = atLocalTime(local, hours.end, zone).toMillis();
  return instant.getTime() >= start && instant.getTime() < end;
}

/** Quiet hours are everything outside working hours. */
export function isQuietHours(hours: WorkingHours, zone: string, instant: Date): boolean {
  return !isWithinWorkingHours(hours, zone, instant);
}

/**
 * The earliest instant ≥ `instant` inside working hours: `instant` itself when it already is, else the start of the
 * next working day. Null only when the settings have no working time in the next month.
 */
export function nextWorkingInstant(hours: WorkingHours, zone: string, instant: Date): Date | null {
  if (isWithinWorkingHours(hours, zone, instant)) return instant;
  const local = DateTime.fromJSDate(instant, { zone });
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const day = local.plus({ days: offset });
    if (!isWorkingDay(hours, day)) continue;
    const start = atLocalTime(day, hours.start, zone);
    if (start.toMillis() > instant.getTime()) return start.toJSDate();
  }
  return null;
}

/**
 * The next working morning after `instant`: `time` (the org's reminder time) on the first working day whose local
 * date is later than the local date of `instant`. Null when there is no working day in the next month.
 */
export function nextWorkingMorning(days: WorkingDays, time: string, zone: string, instant: Date): Date | null {
  const local = DateTime.fromJSDate(instant, { zone });
  for (let offset = 1; offset <= SEARCH_DAYS; offset++) {
    const day = local.plus({ days: offset });
    if (isWorkingDay(days, day)) return atLocalTime(day, time, zone).toJSDate();
  }
  return null;
}
