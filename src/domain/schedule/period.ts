// Check-in periods: a period opens at the person's weekly prompt instant and closes at the next one.
//
// Period key = ISO week-year and week of the prompt's local date ("2026-W48"). Why not the prompt's date or
// instant: a person who moves from Europe/Berlin to America/Los_Angeles mid-week has two different prompt instants
// (and, across the date line, even two different local dates) for the same week, but one ISO week. Because the
// delivery key (`checkin-prompt:<person>:<periodKey>`) and CheckIn.periodKey both use the week, re-evaluating the
// week in the new zone finds the prompt already claimed (no second prompt), and the new zone's prompt instant is
// still in the same week, so it is not skipped either (no zero prompts). A person who changes their check-in day
// within a week keeps the same key for the same reason. ISO week-years keep 29 Dec–3 Jan in one week ("2026-W53").
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
