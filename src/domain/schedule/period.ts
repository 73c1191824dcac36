// Check-in periods: a period opens at the person's weekly prompt instant and closes at the next one.
//
// Period key = ISO week-year and week of the prompt's local date ("2026-W48"). Why not the prompt's instant: a
// person who moves from Europe/Berlin to America/Los_Angeles mid-week has two different prompt instants for the
// same week. Why not the prompt's local date: a person who moves their check-in day mid-week (Wednesday → Friday)
// has two different dates in the same week. Both are one ISO week. Because the delivery key
// (`checkin-prompt:<person>:<periodKey>`) and CheckIn.periodKey both use the week, re-evaluating the week after such
// a change finds the prompt already claimed (no second prompt), and the new prompt instant is still in the same
// week, so an unclaimed week is not skipped either (no zero prompts). ISO week-years keep 29 Dec–3 Jan together
// ("2026-W53").
//
// Holidays and closures (CHECKIN_ON_HOLIDAY): when the slot's day is a day off for the person, that week's prompt
// moves to the previous working day (default) or the next one, at the same local time, or that week has no prompt
// ("skip"). The period key stays the slot's ISO week, so the moved prompt keeps its delivery key and is claimed once.
// A move looks at most 6 days away, so prompts stay in week order (a move that finds no working day skips the week).
import { DateTime, type WeekdayNumbers } from "luxon";
import type { CheckInOnHoliday } from "../context.ts";
import { isDayOff } from "./days-off.ts";
import { atLocalTime } from "./local-time.ts";
import type { CheckInSlot } from "./schedule-person.ts";
import { isWorkingDay, type WorkingDays } from "./working-hours.ts";

/** The person's working days (with their holidays and closures) and what to do when the slot falls on a day off. */
export interface HolidayShift {
  days: WorkingDays;
  policy: CheckInOnHoliday;
}

export interface CheckInPeriod {
  /** "2026-W48": ISO week-year + week of the prompt's local date. */
  key: string;
  /** The prompt instant that opened the period. */
  start: Date;
  /** The next prompt instant: check-ins of this period can be edited until then. */
  deadline: Date;
  zone: string;
  /** True when the week's slot fell on a day off and the week has no prompt (skip, or no working day to move to). */
  promptSkipped: boolean;
  /** The local date the prompt moved away from, when it moved. */
  movedFrom: string | null;
}

interface WeekPrompt {
  instant: DateTime;
  key: string;
  skipped: boolean;
  movedFrom: string | null;
}

const MAX_MOVE_DAYS = 6;

/** The prompt instant of `slot` in the ISO week that contains the local day `weekDay`, moved off a day off. */
function promptInWeekOf(
  weekDay: DateTime,
  slot: Pick<CheckInSlot, "weekday" | "time">,
  zone: string,
  shift?: HolidayShift,
): WeekPrompt {
  const day = DateTime.fromObject(
    { weekYear: weekDay.weekYear, weekNumber: weekDay.weekNumber, weekday: slot.weekday as WeekdayNumbers },
    { zone },
  );
  const nominal: WeekPrompt = {
    instant: atLocalTime(day, slot.time, zone),
    key: periodKeyOf(day),
    skipped: false,
    movedFrom: null,
  };
  // Only a holiday or closure moves the prompt: a slot someone put on their own weekend stays where they put it.
  if (!shift || !isDayOff(shift.days.daysOff, day.toISODate()!)) return nominal;
  if (shift.policy === "skip") return { ...nominal, skipped: true };
  const step = shift.policy === "previous" ? -1 : 1;
  for (let offset = 1; offset <= MAX_MOVE_DAYS; offset++) {
    const candidate = day.plus({ days: step * offset });
    if (isWorkingDay(shift.days, candidate))
      return { ...nominal, instant: atLocalTime(candidate, slot.time, zone), movedFrom: day.toISODate()! };
  }
  return { ...nominal, skipped: true };
}

/** "2026-W48" for a local day. */
export function periodKeyOf(day: DateTime): string {
  return day.toFormat("kkkk-'W'WW");
}

/** The period containing `now`: its start is the most recent prompt instant ≤ now, its deadline the next one. */
export function checkInPeriodAt(
  slot: Pick<CheckInSlot, "weekday" | "time">,
  zone: string,
  now: Date,
  shift?: HolidayShift,
): CheckInPeriod {
  const localNow = DateTime.fromJSDate(now, { zone });
  // Next week's prompt may have moved back into this week, this week's forward into the next: look from next week
  // back, and take the latest prompt that has started (prompts stay in week order, see above).
  let week = localNow.plus({ weeks: 1 });
  let current = promptInWeekOf(week, slot, zone, shift);
  for (let back = 0; back < 3 && current.instant.toMillis() > now.getTime(); back++) {
    week = week.minus({ weeks: 1 });
    current = promptInWeekOf(week, slot, zone, shift);
  }
  const next = promptInWeekOf(week.plus({ weeks: 1 }), slot, zone, shift);
  return {
    key: current.key,
    start: current.instant.toJSDate(),
    deadline: next.instant.toJSDate(),
    zone,
    promptSkipped: current.skipped,
    movedFrom: current.movedFrom,
  };
}
