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
import { DateTime, type WeekdayNumbers } from "luxon";
import { atLocalTime } from "./local-time.ts";
import type { CheckInSlot } from "./schedule-person.ts";

export interface CheckInPeriod {
  /** "2026-W48": ISO week-year + week of the prompt's local date. */
  key: string;
  /** The prompt instant that opened the period. */
  start: Date;
  /** The next prompt instant: check-ins of this period can be edited until then. */
  deadline: Date;
  zone: string;
}

/** The prompt instant of `slot` in the ISO week that contains the local day `weekDay`. */
function promptInWeekOf(weekDay: DateTime, slot: Pick<CheckInSlot, "weekday" | "time">, zone: string): { instant: DateTime; key: string } {
  const day = DateTime.fromObject(
    { weekYear: weekDay.weekYear, weekNumber: weekDay.weekNumber, weekday: slot.weekday as WeekdayNumbers },
    { zone },
  );
  return { instant: atLocalTime(day, slot.time, zone), key: periodKeyOf(day) };
}

/** "2026-W48" for a local day. */
export function periodKeyOf(day: DateTime): string {
  return day.toFormat("kkkk-'W'WW");
}

/** The period containing `now`: its start is the most recent prompt instant ≤ now, its deadline the next one. */
export function checkInPeriodAt(slot: Pick<CheckInSlot, "weekday" | "time">, zone: string, now: Date): CheckInPeriod {
  const localNow = DateTime.fromJSDate(now, { zone });
  let current = promptInWeekOf(localNow, slot, zone);
  if (current.instant.toMillis() > now.getTime()) current = promptInWeekOf(localNow.minus({ weeks: 1 }), slot, zone);
  const next = promptInWeekOf(current.instant.plus({ weeks: 1 }), slot, zone);
  return { key: current.key, start: current.instant.toJSDate(), deadline: next.instant.toJSDate(), zone };
}
