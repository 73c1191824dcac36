// When a pulse's rounds open and close. A round opens on one local date everywhere: each person is asked at the
// survey's local time on that date in their own zone. The round is created when that date starts in the earliest
// zone (UTC+14) and closes when the last zone (UTC−12) reaches the slot `openDays` later, so nobody gets less time.
// After downtime only the latest round that has opened is created, never an older one.
import { DateTime } from "luxon";
import { atLocalTime } from "../schedule/local-time.ts";
import type { PulseCadence } from "./pulse.schemas.ts";

const EARLIEST_ZONE = "UTC+14";
const LATEST_ZONE = "UTC-12";

export interface PulseScheduleFields {
  cadence: string;
  weekday: number;
  time: string;
  openDays: number;
  firstDate: string;
}

/** Round 1's local date: the first date on or after today (in `zone`) that falls on `weekday`. */
export function firstRoundDate(weekday: number, zone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  return today.plus({ days: (weekday - today.weekday + 7) % 7 }).toISODate()!;
}

/** Round `number`'s local date (1-based), or null when the cadence has no such round. */
export function roundDate(survey: PulseScheduleFields, number: number): string | null {
  if (number < 1) return null;
  const first = DateTime.fromISO(survey.firstDate, { zone: "UTC" });
  const cadence = survey.cadence as PulseCadence;
  if (cadence === "once") return number === 1 ? survey.firstDate : null;
  if (cadence === "biweekly") return first.plus({ days: 14 * (number - 1) }).toISODate()!;
  // Monthly: the same weekday, on or after the same day of the month, `number - 1` months on.
  const month = first.plus({ months: number - 1 });
  return month.plus({ days: (survey.weekday - month.weekday + 7) % 7 }).toISODate()!;
}

export function roundOpensAt(localDate: string): Date {
  return DateTime.fromISO(localDate, { zone: EARLIEST_ZONE }).startOf("day").toJSDate();
}

export function roundClosesAt(survey: PulseScheduleFields, localDate: string): Date {
  const last = DateTime.fromISO(localDate, { zone: LATEST_ZONE }).plus({ days: survey.openDays });
  return atLocalTime(last, survey.time, LATEST_ZONE).toJSDate();
}

/** The person's own moment to be asked: the survey's time on the round's date in their zone. */
export function askAt(survey: Pick<PulseScheduleFields, "time">, localDate: string, zone: string): Date {
  return atLocalTime(DateTime.fromISO(localDate, { zone }), survey.time, zone).toJSDate();
}

/** The latest round (number and date) that has opened by `now`, or null before round 1. */
export function latestOpenedRound(
  survey: PulseScheduleFields,
  now: Date,
): { number: number; localDate: string } | null {
  let latest: { number: number; localDate: string } | null = null;
  // Rounds are at least two weeks apart, so a few years of rounds is a short loop; it stops at the first future one.
  for (let number = 1; number <= 1000; number++) {
    const localDate = roundDate(survey, number);
    if (!localDate || roundOpensAt(localDate).getTime() > now.getTime()) break;
    latest = { number, localDate };
  }
  return latest;
}

/** "Near the close": a day before, or halfway between being asked and the close for rounds shorter than that. */
export function reminderAt(askedAt: Date, closesAt: Date): Date {
  const dayBefore = closesAt.getTime() - 24 * 60 * 60 * 1000;
  const halfway = askedAt.getTime() + (closesAt.getTime() - askedAt.getTime()) / 2;
  return new Date(Math.max(dayBefore, halfway));
}
