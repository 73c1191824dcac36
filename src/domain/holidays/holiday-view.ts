// What `settings` and the home show about days off: the person's calendar (and where it comes from) and the next
// day off Momentum knows of (a public holiday of that calendar or a closure covering them), in their own zone.
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";
import {
  dayOffReason,
  daysOffOf,
  loadClosures,
  type CalendarSource,
  type DaysOffPerson,
} from "../schedule/days-off.ts";
import { calendarLabel } from "../schedule/holidays.ts";

export interface HolidayView {
  calendar: { code: string; label: string; source: CalendarSource } | null;
  /** "Friday 25 December 2026: 1. Weihnachtstag". */
  nextDayOff: { date: string; label: string; reason: string } | null;
}

/** A year ahead covers every calendar's next holiday. */
const LOOKAHEAD_DAYS = 366;

export async function describeHolidays(
  ctx: DomainContext,
  person: DaysOffPerson,
  zone: string,
  now: Date,
): Promise<HolidayView> {
  const daysOff = daysOffOf(person, ctx.org, await loadClosures(ctx.prisma, now));
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  let nextDayOff: HolidayView["nextDayOff"] = null;
  for (let offset = 0; offset <= LOOKAHEAD_DAYS && !nextDayOff; offset++) {
    const date = today.plus({ days: offset }).toISODate()!;
    const reason = dayOffReason(daysOff, date);
    if (reason)
      nextDayOff = { date, reason, label: DateTime.fromISO(date).setLocale("en-GB").toFormat("cccc d LLLL yyyy") };
  }
  return {
    calendar:
      daysOff.calendar && daysOff.calendarSource
        ? { code: daysOff.calendar, label: calendarLabel(daysOff.calendar), source: daysOff.calendarSource }
        : null,
    nextDayOff,
  };
}
