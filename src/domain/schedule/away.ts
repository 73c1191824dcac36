// Away: `Person.awayUntil` is the inclusive last local day of absence ("2026-12-01" = back on 2 December).
import { DateTime } from "luxon";

/** The instant the person is back: the start of the local day after `awayUntil`. */
export function awayEndsAt(awayUntil: string, zone: string): Date {
  return DateTime.fromISO(awayUntil, { zone }).plus({ days: 1 }).startOf("day").toJSDate();
}

/** True while the person's local date is on or before their inclusive `awayUntil` date. */
export function isAwayAt(awayUntil: string | null, zone: string, instant: Date): boolean {
  if (!awayUntil) return false;
  return instant.getTime() < awayEndsAt(awayUntil, zone).getTime();
}
